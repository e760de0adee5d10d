package io.pbxops.operator.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/** The kubeconfig that points kubectl at the embedded API server (plain HTTP on loopback, no credentials). */
final class KubeconfigFile {

    static final String CONTEXT = "pbxops-up";

    private KubeconfigFile() {}

    static String text(URI server, Path file) {
        return """
                # Written by `pbx-operator up`: its embedded API server. Use it with: export KUBECONFIG=%s
                apiVersion: v1
                kind: Config
                clusters:
                - name: {context}
                  cluster:
                    server: %s
                contexts:
                - name: {context}
                  context:
                    cluster: {context}
                    user: {context}
                    namespace: %s
                current-context: {context}
                users:
                - name: {context}
                  user: {}
                """.formatted(file, server, EmbeddedApiServer.DEFAULT_NAMESPACE).replace("{context}", CONTEXT);
    }

    static void write(Path file, URI server) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, text(server, file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the kubeconfig " + file, e);
        }
    }
}
