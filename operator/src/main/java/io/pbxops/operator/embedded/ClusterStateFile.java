package io.pbxops.operator.embedded;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.pbxops.operator.api.PbxOps;
import io.pbxops.operator.crd.PbxOpsKinds;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the embedded cluster's objects (Namespaces, Secrets, ConfigMaps and the five kinds, with their status) in a
 * file across runs of {@code up --state DIR}: saved every second while they change and at a clean stop, put back
 * before the operator starts. Events are not kept. The file holds Secrets, so only its owner may read it.
 */
final class ClusterStateFile implements AutoCloseable {

    static final String NAME = "cluster.json";
    private static final Logger LOG = LoggerFactory.getLogger(ClusterStateFile.class);
    private static final ObjectMapper JSON = Serialization.jsonMapper();

    private record Kind(String apiVersion, String kind, boolean statusSubresource) {}

    private static final List<Kind> KEPT = kept();

    private final Path file;
    private final KubernetesClient client;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "pbxops-up-cluster-state");
        thread.setDaemon(true);
        return thread;
    });
    private String lastSaved;

    ClusterStateFile(Path file, KubernetesClient client) {
        this.file = file;
        this.client = client;
    }

    /** Puts the saved objects back; answers how many (0 when there is no file). */
    int restore() {
        if (!Files.exists(file)) {
            return 0;
        }
        JsonNode saved;
        try {
            saved = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the cluster state " + file, e);
        }
        int restored = 0;
        for (JsonNode object : saved.path("objects")) {
            if (restore((ObjectNode) object.deepCopy())) {
                restored++;
            }
        }
        lastSaved = snapshot();
        return restored;
    }

    private boolean restore(ObjectNode object) {
        ObjectNode metadata = object.withObjectProperty("metadata");
        metadata.remove("resourceVersion");
        boolean deleting = metadata.remove("deletionTimestamp") != null;
        JsonNode status = object.remove("status");
        GenericKubernetesResource resource = JSON.convertValue(object, GenericKubernetesResource.class);
        var operations = client.genericKubernetesResources(resource.getApiVersion(), resource.getKind());
        var named = resource.getMetadata().getNamespace() == null
                ? operations.withName(resource.getMetadata().getName())
                : operations
                        .inNamespace(resource.getMetadata().getNamespace())
                        .withName(resource.getMetadata().getName());
        try {
            if (named.get() != null) {
                return false;
            }
            GenericKubernetesResource created = operations.resource(resource).create();
            if (status != null && isStatusSubresource(resource)) {
                created.setAdditionalProperty("status", JSON.convertValue(status, Object.class));
                operations.resource(created).updateStatus();
            }
            if (deleting) {
                named.delete();
            }
            return true;
        } catch (KubernetesClientException e) {
            LOG.warn(
                    "could not restore {}/{}: {}",
                    resource.getKind(),
                    resource.getMetadata().getName(),
                    e.getMessage());
            return false;
        }
    }

    /** Saves now and then every second while the objects change. */
    void saveEverySecond() {
        scheduler.scheduleWithFixedDelay(this::saveQuietly, 1, 1, TimeUnit.SECONDS);
    }

    void save() {
        String now = snapshot();
        if (now.equals(lastSaved)) {
            return;
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(temporary, now);
            ownerOnly(temporary);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            lastSaved = now;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the cluster state " + file, e);
        }
    }

    private void saveQuietly() {
        try {
            save();
        } catch (RuntimeException e) {
            LOG.warn("could not save the cluster state: {}", e.getMessage());
        }
    }

    private String snapshot() {
        ObjectNode document = JSON.createObjectNode();
        ArrayNode objects = document.putArray("objects");
        for (Kind kind : KEPT) {
            List<GenericKubernetesResource> items =
                    new ArrayList<>(client.genericKubernetesResources(kind.apiVersion(), kind.kind())
                            .inAnyNamespace()
                            .list()
                            .getItems());
            items.sort((a, b) -> (a.getMetadata().getNamespace() + "/"
                            + a.getMetadata().getName())
                    .compareTo(b.getMetadata().getNamespace() + "/"
                            + b.getMetadata().getName()));
            items.forEach(item -> objects.add(JSON.valueToTree(item)));
        }
        return document.toPrettyString();
    }

    private static boolean isStatusSubresource(GenericKubernetesResource resource) {
        return KEPT.stream()
                .anyMatch(k -> k.kind().equals(resource.getKind())
                        && k.apiVersion().equals(resource.getApiVersion())
                        && k.statusSubresource());
    }

    private static void ownerOnly(Path path) throws IOException {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the directory's own permissions apply
        }
    }

    private static List<Kind> kept() {
        List<Kind> kinds = new ArrayList<>(List.of(
                new Kind("v1", "Namespace", false),
                new Kind("v1", "Secret", false),
                new Kind("v1", "ConfigMap", false)));
        for (PbxOpsKinds kind : PbxOpsKinds.values()) {
            kinds.add(new Kind(PbxOps.API_VERSION, kind.kind(), true));
        }
        return List.copyOf(kinds);
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        saveQuietly();
    }
}
