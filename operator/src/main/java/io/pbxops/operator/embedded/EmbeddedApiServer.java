package io.pbxops.operator.embedded;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.pbxops.operator.crd.CrdCatalog;
import io.pbxops.operator.crd.PbxOpsKinds;
import io.pbxops.operator.validation.ObjectValidator;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A Kubernetes API server in this process for {@code up}: fabric8's CRUD store (from its mock server), with the five
 * CRDs installed first (the status subresource depends on it), behind {@link ApiRequestRouter} so kubectl works with
 * it and every object is admitted as a real API server would, and {@link WatchStreams} for watches. Plain HTTP on
 * loopback, no authentication.
 */
public final class EmbeddedApiServer implements AutoCloseable {

    /** The mock server and Vert.x log every request at INFO through JUL; held so the levels are not collected. */
    private static final List<Logger> QUIETED = List.of(
            Logger.getLogger("io.fabric8.mockwebserver"), Logger.getLogger("io.vertx"), Logger.getLogger("io.netty"));

    static {
        QUIETED.forEach(logger -> logger.setLevel(Level.WARNING));
    }

    public static final String DEFAULT_NAMESPACE = "default";

    /** How many changes are kept for watches that resume from a resource version. */
    static final int WATCH_HISTORY = 10_000;

    private final ApiHttpServer server;
    private final KubernetesClient client;
    private final URI url;

    private EmbeddedApiServer(ApiHttpServer server, KubernetesClient client, URI url) {
        this.server = server;
        this.client = client;
        this.url = url;
    }

    /** Starts on loopback; port 0 picks a free one. */
    public static EmbeddedApiServer start(int port) {
        List<ServedResource> resources = ServedResource.all();
        WatchEvents events = new WatchEvents(WATCH_HISTORY);
        ObservedStore store = new ObservedStore(events);
        InetAddress loopback = loopback();
        // Discovery names the server's address, which is known only once it listens: bind first, then route.
        AtomicReference<ApiRequestRouter> router = new AtomicReference<>();
        AtomicReference<WatchStreams> watches = new AtomicReference<>();
        ApiHttpServer server = ApiHttpServer.start(loopback.getHostAddress(), port, router::get, watches::get);
        String address = loopback.getHostAddress() + ":" + server.port();
        TableConverter tables = new TableConverter(Clock.systemUTC());
        watches.set(new WatchStreams(store, resources, events, tables));
        router.set(new ApiRequestRouter(
                store,
                resources,
                new DiscoveryDocuments(resources, address),
                new OpenApiDocuments(resources),
                new Admission(ObjectValidator.get()),
                tables));
        URI url = URI.create("http://" + address);
        KubernetesClient client = newClient(url);
        for (PbxOpsKinds kind : PbxOpsKinds.values()) {
            client.apiextensions()
                    .v1()
                    .customResourceDefinitions()
                    .resource(CrdCatalog.definition(kind))
                    .create();
        }
        client.namespaces()
                .resource(new NamespaceBuilder()
                        .withNewMetadata()
                        .withName(DEFAULT_NAMESPACE)
                        .endMetadata()
                        .withNewStatus()
                        .withPhase("Active")
                        .endStatus()
                        .build())
                .create();
        return new EmbeddedApiServer(server, client, url);
    }

    /** A client of this server, as a kubeconfig pointing here would configure one. */
    public static KubernetesClient newClient(URI url) {
        Config config = new ConfigBuilder(Config.empty())
                .withMasterUrl(url.toString())
                .withNamespace(DEFAULT_NAMESPACE)
                .withTrustCerts(true)
                .withRequestRetryBackoffLimit(0)
                .build();
        return new KubernetesClientBuilder().withConfig(config).build();
    }

    public URI url() {
        return url;
    }

    public int port() {
        return url.getPort();
    }

    /** The client the operator and {@code up} use. */
    public KubernetesClient client() {
        return client;
    }

    @Override
    public void close() {
        client.close();
        server.close();
    }

    private static InetAddress loopback() {
        try {
            return InetAddress.getByName("127.0.0.1");
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
