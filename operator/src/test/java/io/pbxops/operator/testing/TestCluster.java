package io.pbxops.operator.testing;

import io.fabric8.kubernetes.api.model.authorization.v1.ResourceRule;
import io.fabric8.kubernetes.api.model.authorization.v1.ResourceRuleBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectRulesReviewBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.pbxops.operator.crd.CrdCatalog;
import io.pbxops.operator.crd.PbxOpsKinds;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.TimeUnit;
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

    /** The API server, answering that the operator may do everything on Leases. */
    public static TestCluster start() {
        return start(List.of(new ResourceRuleBuilder()
                .withApiGroups("coordination.k8s.io")
                .withResources("leases")
                .withVerbs("*")
                .build()));
    }

    /**
     * The API server, answering {@code leaseRules} to the SelfSubjectRulesReview that leader election makes to check
     * its Lease permissions (CRUD mode refuses it with 422).
     */
    public static TestCluster start(List<ResourceRule> leaseRules) {
        // Expectations first, then CRUD: the few calls CRUD mode cannot answer are expected explicitly.
        Map<ServerRequest, Queue<ServerResponse>> expectations = new HashMap<>();
        KubernetesMockServer server = new KubernetesMockServer(
                new Context(), new MockWebServer(), expectations, new KubernetesMixedDispatcher(expectations), false);
        server.init();
        server.expect()
                .post()
                .withPath("/apis/authorization.k8s.io/v1/selfsubjectrulesreviews")
                .andReturn(
                        201,
                        new SelfSubjectRulesReviewBuilder()
                                .withNewStatus()
                                .withResourceRules(leaseRules)
                                .withIncomplete(false)
                                .endStatus()
                                .build())
                .always();
        KubernetesClient client = server.createClient();
        for (PbxOpsKinds kind : PbxOpsKinds.values()) {
            client.apiextensions()
                    .v1()
                    .customResourceDefinitions()
                    .resource(CrdCatalog.definition(kind))
                    .create();
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

    /**
     * The requests the server received since the last call (or since it started), oldest first, from every client.
     * The server keeps each request until it is taken; it keeps no body (the CRUD dispatcher reads them).
     */
    public List<RecordedRequest> takeRequests() {
        List<RecordedRequest> taken = new ArrayList<>();
        try {
            for (RecordedRequest request = server.takeRequest(0, TimeUnit.MILLISECONDS);
                    request != null;
                    request = server.takeRequest(0, TimeUnit.MILLISECONDS)) {
                taken.add(request);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while taking the recorded requests", e);
        }
        return taken;
    }

    @Override
    public void close() {
        client.close();
        server.destroy();
    }
}
