package io.pbxops.operator.bench;

import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.client.CustomResource;
import io.pbxops.operator.api.Company;
import io.pbxops.operator.api.Pbx;
import io.pbxops.operator.api.PbxOpsStatus;
import io.pbxops.operator.api.PbxShare;
import io.pbxops.operator.api.WebRtcGateway;
import io.pbxops.operator.cloud.CloudBudget;
import io.pbxops.operator.reconcile.OperatorSettings;
import io.pbxops.operator.testing.CloudState;
import io.pbxops.operator.testing.CurrentStatus;
import io.pbxops.operator.testing.FleetHarness;
import io.pbxops.simulator.FaultTarget;
import io.pbxops.simulator.O2gHostSpec;
import io.pbxops.simulator.RequestCount;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * How fast, and at what cost in cloud and O2G requests, a fleet converges, and what a steady-state drift check costs.
 * Not a test: run it with {@code operator/bench/fleet-convergence.sh} (arguments: companies, PBXs, latency ms, cloud
 * requests per second, share of O2G requests answered with a 5xx), or {@code operator/bench/o2g-faults.sh} to compare
 * a fault-free run with one under O2G faults. A failed reconcile backs off as {@code run}'s defaults have it (2 s
 * doubling to 5 minutes), so that what a failure costs shows.
 */
public final class FleetConvergenceBenchmark {

    /** Long enough for a run whose reconciles fail and back off for minutes: that is what it may have to show. */
    private static final Duration DEADLINE = Duration.ofMinutes(30);

    private static final List<Class<? extends CustomResource<?, ? extends PbxOpsStatus>>> KINDS =
            List.of(Company.class, Pbx.class, WebRtcGateway.class, PbxShare.class);

    public static void main(String[] args) {
        int companies = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int pbxs = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int latencyMs = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        int requestsPerSecond = args.length > 3 ? Integer.parseInt(args[3]) : 20;
        double o2gErrorRate = args.length > 4 ? Double.parseDouble(args[4]) : 0;
        int shared = pbxs / 10;
        int owned = pbxs - shared;
        try (FleetHarness fleet = FleetHarness.start(
                simulator -> simulator.withAutoFleet(true).withLatency(Duration.ofMillis(latencyMs)),
                settings -> settings.withReconcileThreads(16)
                        .withPendingRecheck(Duration.ofSeconds(1))
                        .withFailureBackoff(
                                OperatorSettings.defaults().failureBackoff(),
                                OperatorSettings.defaults().maxFailureBackoff()),
                false)) {
            fleet.setBudget(CloudBudget.of(8, requestsPerSecond, Duration.ofMinutes(2)));
            fleet.startOperator();
            StringBuilder yaml = new StringBuilder("""
                    apiVersion: v1
                    kind: Secret
                    metadata: {name: o2g, labels: {pbxops.io/secret: credentials}}
                    stringData: {username: o2g-admin, password: o2g-secret}
                    """);
            List<O2gHostSpec.Node> nodes = new ArrayList<>();
            int oxes = 0;
            int gateways = 0;
            int shares = 0;
            for (int plan = 0; plan < 5; plan++) {
                yaml.append("---\n").append("""
                        apiVersion: pbxops.io/v1alpha1
                        kind: NumberingPlan
                        metadata: {name: plan-%d}
                        spec:
                          rules:
                          - {match: "^%d(1[0-9]{2})$", replace: "+3314000$1"}
                          - {match: "^18$", replace: ""}
                        """.formatted(plan, plan + 2));
            }
            for (int c = 0; c < companies; c++) {
                yaml.append("---\n").append("""
                        apiVersion: pbxops.io/v1alpha1
                        kind: Company
                        metadata: {name: company-%03d}
                        spec: {displayName: Company %03d, country: FRA}
                        """.formatted(c, c));
            }
            for (int p = 0; p < owned; p++) {
                boolean oxe = p % 3 == 0;
                String company = "company-%03d".formatted(p % companies);
                if (oxe) {
                    oxes++;
                    nodes.add(new O2gHostSpec.Node(String.valueOf(p + 1), "oxe-" + p + ".fleet.example"));
                    yaml.append("---\n").append("""
                            apiVersion: pbxops.io/v1alpha1
                            kind: Pbx
                            metadata: {name: pbx-%03d}
                            spec:
                              companyRef: {name: %s}
                              type: OmniPCXEnterprise
                              dialing: {country: FRA, nationalPrefix: "0", internationalPrefix: "00"}
                              numberingPlanRef: {name: plan-%d}
                              webRtc: {enabled: true, licenseAccepted: true}
                              network: {dns: {primary: 10.0.0.53}}
                              endpoint: {url: "https://o2g.fleet.example", nodeId: "%d", credentialsSecretRef: {name: o2g}}
                            """.formatted(p, company, p % 5, p + 1));
                } else {
                    yaml.append("---\n").append("""
                            apiVersion: pbxops.io/v1alpha1
                            kind: Pbx
                            metadata: {name: pbx-%03d}
                            spec:
                              companyRef: {name: %s}
                              type: OXOConnectEvolution
                              activation: {mode: Fleet, fleetReference: ALE12, installationReference: "1000.%04d.00"}
                              dialing: {country: FRA}
                              numberingPlanRef: {name: plan-%d}
                              webRtc: {enabled: true, licenseAccepted: true}
                            """.formatted(p, company, p, p % 5));
                }
                if (p % 2 == 0) {
                    gateways++;
                    yaml.append("---\n").append(oxe ? """
                            apiVersion: pbxops.io/v1alpha1
                            kind: WebRtcGateway
                            metadata: {name: pbx-%03d-gw}
                            spec: {pbxRef: {name: pbx-%03d}, type: External, address: 10.9.0.%d, voiceChannels: 30}
                            """.formatted(p, p, p % 250 + 1) : """
                            apiVersion: pbxops.io/v1alpha1
                            kind: WebRtcGateway
                            metadata: {name: pbx-%03d-gw}
                            spec: {pbxRef: {name: pbx-%03d}, type: Internal}
                            """.formatted(p, p));
                }
            }
            for (int s = 0; s < shared; s++) {
                yaml.append("---\n").append("""
                        apiVersion: pbxops.io/v1alpha1
                        kind: Pbx
                        metadata: {name: shared-%03d}
                        spec:
                          shared: true
                          type: OXOConnect
                          activation: {mode: Fleet, fleetReference: ALE13, installationReference: "2000.%04d.00"}
                          dialing: {country: FRA}
                        """.formatted(s, s));
                for (int k = 0; k < 2; k++) {
                    shares++;
                    yaml.append("---\n").append("""
                            apiVersion: pbxops.io/v1alpha1
                            kind: PbxShare
                            metadata: {name: shared-%03d-%d}
                            spec: {pbxRef: {name: shared-%03d}, companyRef: {name: company-%03d}}
                            """.formatted(s, k, s, (s * 2 + k) % companies));
                }
            }
            fleet.simulator()
                    .control()
                    .putO2gHost(new O2gHostSpec("o2g.fleet.example", "o2g-admin", "o2g-secret", nodes));
            fleet.simulator().control().updateFaults(FaultTarget.O2G, faults -> faults.withErrorRate(o2gErrorRate));
            fleet.simulator().control().clearRequestCounts();
            CloudState cloud = fleet.cloud();

            long start = System.nanoTime();
            fleet.apply(yaml.toString());
            awaitEveryObjectReady(fleet);
            Duration converged = Duration.ofNanos(System.nanoTime() - start);
            fleet.awaitQuiet();
            List<RequestCount> toConverge = cloud.counts();
            long convergeRequests = cloud.adminRequests();
            long convergeWrites = cloud.writes();
            long o2g = cloud.o2gRequests();
            fleet.simulator().control().clearFaults();

            fleet.runtime().drift().checkOnce(); // learns the connections
            fleet.simulator().control().clearRequestCounts();
            int drifted = fleet.runtime().drift().checkOnce();
            long steadyRequests = cloud.adminRequests();
            long steadyWrites = cloud.writes();

            int systems = owned + shared;
            long minimumWrites = companies * 2L + systems + gateways + shares;
            System.out.printf(
                    "%nfleet: %d companies, %d PBXs (%d shared, %d shares, %d OmniPCX on one O2G), %d gateways, 5 plans; cloud latency %d ms; budget 8 concurrent, %d/s; O2G 5xx rate %.0f %%%n",
                    companies,
                    systems,
                    shared,
                    shares,
                    oxes,
                    gateways,
                    latencyMs,
                    requestsPerSecond,
                    o2gErrorRate * 100);
            System.out.printf("apply -> all Ready: %.1f s%n", converged.toMillis() / 1000.0);
            System.out.printf(
                    "cloud requests to converge: %d (writes %d; smallest possible writes %d: %d companies + %d sites + %d systems + %d gateways + %d links)%n",
                    convergeRequests, convergeWrites, minimumWrites, companies, companies, systems, gateways, shares);
            System.out.printf(
                    "O2G requests to converge: %d (%.1f per OmniPCX, the reconciles that wait for the activation included)%n",
                    o2g, oxes == 0 ? 0.0 : (double) o2g / oxes);
            System.out.printf(
                    "steady-state drift check: %d cloud requests, %d writes, %d objects drifted (smallest possible: 4 list calls at page size 100 -> %d)%n",
                    steadyRequests,
                    steadyWrites,
                    drifted,
                    2 * (int) Math.ceil(companies / 100.0)
                            + (int) Math.ceil(systems / 100.0)
                            + Math.max(1, (int) Math.ceil(gateways / 100.0)));
            Map<String, Long> byRoute = new TreeMap<>();
            toConverge.forEach(
                    c -> byRoute.merge(c.method() + " " + c.route() + " " + c.status(), c.count(), Long::sum));
            System.out.println("requests to converge, by route:");
            byRoute.forEach((route, count) -> System.out.printf("  %6d  %s%n", count, route));
            // one line for scripts (o2g-faults.sh) to compare runs by
            System.out.printf(
                    Locale.ROOT,
                    "RESULT o2gErrorRate=%.3f convergedSeconds=%.3f o2gRequests=%d oxes=%d cloudRequests=%d%n",
                    o2gErrorRate,
                    converged.toMillis() / 1000.0,
                    o2g,
                    oxes,
                    convergeRequests);
        }
    }

    /** Polls every object of the fleet until all are Ready for their current generation. */
    private static void awaitEveryObjectReady(FleetHarness fleet) {
        await().atMost(DEADLINE)
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(200))
                .ignoreExceptions()
                .until(() -> KINDS.stream()
                        .allMatch(kind ->
                                fleet
                                        .client()
                                        .resources(kind)
                                        .inNamespace(FleetHarness.NAMESPACE)
                                        .list()
                                        .getItems()
                                        .stream()
                                        .allMatch(CurrentStatus::isReady)));
    }
}
