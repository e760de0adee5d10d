package io.pbxops.operator.testing;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.pbxops.operator.crd.CrdCatalog;
import io.pbxops.operator.crd.PbxOpsKinds;

import java.util.HashMap;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A Kubernetes API server for tests: fabric8's mock server in CRUD mode, with the five CRDs installed first (the
 * status subresource semantics depend on it).
 */
public final class TestCluster implements AutoCloseable {

    /** Held: JUL keeps loggers by weak reference, and a collected one forgets its level. */
    private static final Logger MOCK_SERVER_LOG = Logger.getLogger("io.fabric8.mockwebserver");

    static {
        // The mock server logs every request at INFO through JUL.
        MOCK_SERVER_LOG.setLevel(Level.WARNING);
    }

    private final KubernetesMockServer server;
    private final KubernetesClient client;

    private TestCluster(KubernetesMockServer server, KubernetesClient client) {
        this.server = server;
        this.client = client;
    }

    public static TestCluster start() {
        KubernetesMockServer server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
                new KubernetesCrudDispatcher(List.of()), false);
        server.init();
        KubernetesClient client = server.createClient();
        for (PbxOpsKinds kind : PbxOpsKinds.values()) {
            client.apiextensions().v1().customResourceDefinitions().resource(CrdCatalog.definition(kind)).create();
        }
        return new TestCluster(server, client);
    }

    public KubernetesClient client() {
        return client;
    }

    /** Another client of the same server (a second operator instance). */
    public KubernetesClient newClient() {
        return server.createClient();
    }

    @Override
    public void close() {
        client.close();
        server.destroy();
    }
}
