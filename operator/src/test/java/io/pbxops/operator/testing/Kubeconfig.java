package io.pbxops.operator.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A kubeconfig file for a test API server, as {@code run --kubeconfig} and kubectl read it. */
public final class Kubeconfig {

    private Kubeconfig() {}

    /** Writes one cluster, one user with a token the mock server does not check, and that context as the current. */
    public static Path write(Path file, String server) throws IOException {
        return Files.writeString(file, """
                apiVersion: v1
                kind: Config
                clusters: [{name: test, cluster: {server: "%s"}}]
                users: [{name: test, user: {token: not-a-real-token}}]
                contexts: [{name: test, context: {cluster: test, user: test}}]
                current-context: test
                """.formatted(server));
    }
}
