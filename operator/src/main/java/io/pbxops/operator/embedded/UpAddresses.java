package io.pbxops.operator.embedded;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Where a running {@code up} listens, written next to its kubeconfig so that other commands (the installer step)
 * find the simulators without being told the ports.
 */
public record UpAddresses(URI apiServer, URI cloud, URI o2g, long pid) {

    private static final ObjectMapper JSON = Serialization.jsonMapper();

    /** The simulator's control API ({@code /sim/v1}), on the cloud port. */
    public URI control() {
        return URI.create(cloud + "/sim/v1");
    }

    void write(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(
                    file,
                    JSON.createObjectNode()
                            .put("apiServer", apiServer.toString())
                            .put("cloud", cloud.toString())
                            .put("o2g", o2g.toString())
                            .put("pid", pid)
                            .toPrettyString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Reads the file a running {@code up} wrote; throws IllegalStateException with what to do when there is none. */
    public static UpAddresses read(Path file) {
        try {
            JsonNode json = JSON.readTree(Files.readString(file));
            return new UpAddresses(
                    URI.create(json.path("apiServer").asText()),
                    URI.create(json.path("cloud").asText()),
                    URI.create(json.path("o2g").asText()),
                    json.path("pid").asLong());
        } catch (NoSuchFileException e) {
            throw new IllegalStateException(
                    file + " does not exist: is `pbx-operator up` running (with this --kubeconfig)?");
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("cannot read " + file + ": " + e.getMessage());
        }
    }
}
