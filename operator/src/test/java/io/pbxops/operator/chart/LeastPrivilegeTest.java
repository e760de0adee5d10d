package io.pbxops.operator.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pbxops.operator.crd.PbxOpsKinds;
import io.pbxops.operator.testing.FleetHarness;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The chart's RBAC grants exactly what the operator uses. Two replicas run a fleet's whole life against the test API
 * server (see {@link OperatorFleetRun}); every request they made is read from the server's log, turned into what RBAC
 * checks (verb, group, resource, subresource, namespace, name), and must be allowed by the rendered chart's rules for
 * the operator's ServiceAccount; and every permission the chart grants must have been used, or be listed below with
 * the reason it is granted anyway.
 */
class LeastPrivilegeTest {

    /** Granted although the scenario never calls it; each entry says why, and must stay unused (else remove it). */
    static final Map<String, String> GRANTED_UNUSED = Map.of(
            "update coordination.k8s.io/leases",
            "java-operator-sdk checks for create, update and get on leases (a SelfSubjectRulesReview) before leader "
                    + "election and refuses to start without them, while fabric8's LeaseLock renews with patch; "
                    + "LeaseAccessTest runs that check against the chart's rules");

    /** Grants whose use depends on timing: each must be granted, and may or may not be used in a run. */
    static final Map<String, String> USED_BY_TIMING = Map.of(
            "get pbxops.io/numberingplans",
            "asked only when a reconcile holds a copy older than the operator's own last status write, which depends "
                    + "on how far the informer is behind; the other kinds use get on every run (drift, read-modify-write)");

    @Test
    void watchingAllNamespacesEveryCallIsAllowedByTheClusterRoleAndEveryGrantIsUsed() {
        List<ApiRequest> calls;
        RenderedChart chart;
        RenderedChart namespacedChart;
        try (OperatorFleetRun run = OperatorFleetRun.start(Set.of())) {
            run.wholeLife();
            calls = operatorCalls(run);
            chart = RenderedChart.render();
            namespacedChart = RenderedChart.render("watchNamespaces: [" + FleetHarness.NAMESPACE + "]");
        }
        assertTrue(
                calls.stream()
                        .anyMatch(c -> c.verb().equals("watch")
                                && c.namespace() == null
                                && c.resource().equals("pbxs")),
                "the operator watches cluster-wide");
        assertLeastPrivilege(chart.rbac(), calls);
        // A control: the Roles of a namespaced install would refuse these cluster-wide calls.
        List<ApiRequest> refused = denied(namespacedChart.rbac(), calls);
        assertTrue(
                refused.stream()
                        .anyMatch(c ->
                                c.verb().equals("watch") && c.resource().equals("secrets") && c.namespace() == null),
                () -> "a namespaced install should refuse a cluster-wide watch of Secrets; refused: "
                        + summary(refused));
    }

    @Test
    void watchingListedNamespacesEveryCallIsAllowedByTheRolesAndEveryGrantIsUsed() {
        List<ApiRequest> calls;
        RenderedChart chart;
        try (OperatorFleetRun run = OperatorFleetRun.start(Set.of(FleetHarness.NAMESPACE))) {
            run.wholeLife();
            calls = operatorCalls(run);
            chart = RenderedChart.render("watchNamespaces: [" + FleetHarness.NAMESPACE + ", team-b]");
        }
        assertTrue(
                chart.ofKind("ClusterRole").isEmpty()
                        && chart.ofKind("ClusterRoleBinding").isEmpty(),
                "no cluster-wide grant");
        assertTrue(
                calls.stream()
                        .filter(ApiRequest::isResource)
                        .filter(c -> !ChartRbac.grantedToEveryone(c))
                        .allMatch(c -> FleetHarness.NAMESPACE.equals(c.namespace())
                                || OperatorFleetRun.RELEASE_NAMESPACE.equals(c.namespace())),
                () -> "every call is in the watched or the release namespace: " + summary(calls));
        // team-b is watched too but the scenario has nothing there: check the fleet namespace's Role and the Lease's.
        ChartRbac rbac = chart.rbac();
        ChartRbac exercised = rbac.inScopes(Set.of(FleetHarness.NAMESPACE, OperatorFleetRun.RELEASE_NAMESPACE));
        assertLeastPrivilege(exercised, calls);
        assertFalse(rbac.keys("team-b").isEmpty());
        assertEquals(
                rbac.keys("team-b"), rbac.keys(FleetHarness.NAMESPACE), "every watched namespace gets the same rules");
    }

    /** What the replicas asked of the API server, plus the finalizers permission their owner references need. */
    private static List<ApiRequest> operatorCalls(OperatorFleetRun run) {
        List<ApiRequest> calls = new ArrayList<>(run.takeOperatorRequests().stream()
                .map(r -> ApiRequest.of(r.getMethod(), r.getPath()))
                .toList());
        for (OwnerReferenceLog.Write write : run.blockingOwnerReferences()) {
            String group = write.ownerApiVersion().contains("/")
                    ? write.ownerApiVersion().split("/")[0]
                    : "";
            String plural = PbxOpsKinds.byKind(write.ownerKind())
                    .map(PbxOpsKinds::plural)
                    .orElseThrow(() -> new AssertionError("an owner reference to a " + write.ownerKind()));
            String namespace = ApiRequest.of(write.method(), write.path()).namespace();
            calls.add(new ApiRequest("update", group, plural, "finalizers", namespace, write.ownerName(), null));
        }
        assertFalse(calls.isEmpty(), "the operator made no request: the user agent filter is wrong");
        return calls;
    }

    private static void assertLeastPrivilege(ChartRbac rbac, List<ApiRequest> calls) {
        List<ApiRequest> refused = denied(rbac, calls);
        assertTrue(refused.isEmpty(), () -> "the chart refuses calls the operator makes:\n" + summary(refused));

        Set<String> used = new TreeSet<>();
        Set<String> unused = new TreeSet<>();
        for (ChartRbac.Permission permission : rbac.permissions()) {
            if (calls.stream().anyMatch(permission::allows)) {
                used.add(permission.key());
            } else if (!GRANTED_UNUSED.containsKey(permission.key()) && !USED_BY_TIMING.containsKey(permission.key())) {
                unused.add(permission.toString());
            }
        }
        assertTrue(
                unused.isEmpty(),
                () -> "the chart grants what the operator never used:\n  " + String.join("\n  ", unused)
                        + "\ncalls made:\n" + summary(calls));
        for (String allowed : GRANTED_UNUSED.keySet()) {
            assertTrue(
                    rbac.permissions().stream().anyMatch(p -> p.key().equals(allowed)),
                    "allow-listed but not granted: " + allowed);
            assertFalse(
                    used.contains(allowed),
                    "allow-listed as unused but used now (remove it from the list): " + allowed);
        }
        for (String timed : USED_BY_TIMING.keySet()) {
            assertTrue(
                    rbac.permissions().stream().anyMatch(p -> p.key().equals(timed)),
                    "listed as used by timing but not granted: " + timed);
        }
    }

    private static List<ApiRequest> denied(ChartRbac rbac, List<ApiRequest> calls) {
        return calls.stream().filter(c -> !rbac.allows(c)).toList();
    }

    /** Distinct calls with their counts, without object names (one line per kind of call). */
    private static String summary(List<ApiRequest> calls) {
        Map<String, Long> counts = calls.stream()
                .map(c -> new ApiRequest(
                                c.verb(),
                                c.apiGroup(),
                                c.resource(),
                                c.subresource(),
                                c.namespace(),
                                null,
                                c.nonResourcePath())
                        .toString())
                .collect(Collectors.groupingBy(s -> s, TreeMap::new, Collectors.counting()));
        return counts.entrySet().stream()
                .map(e -> "  " + e.getValue() + " x " + e.getKey())
                .collect(Collectors.joining("\n"));
    }
}
