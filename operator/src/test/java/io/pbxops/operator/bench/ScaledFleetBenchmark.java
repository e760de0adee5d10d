package io.pbxops.operator.bench;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.pbxops.operator.api.Company;
import io.pbxops.operator.api.NumberingPlan;
import io.pbxops.operator.api.Pbx;
import io.pbxops.operator.api.PbxOpsStatus;
import io.pbxops.operator.api.PbxShare;
import io.pbxops.operator.api.WebRtcGateway;
import io.pbxops.operator.cli.OperatorMemoryProbe;
import io.pbxops.operator.cli.RunDefaults;
import io.pbxops.operator.cloud.CloudBudget;
import io.pbxops.operator.reconcile.OperatorSettings;
import io.pbxops.operator.runtime.RuntimeSettings;
import io.pbxops.operator.testing.CurrentStatus;
import io.pbxops.operator.testing.FleetHarness;
import io.pbxops.operator.testing.Kubeconfig;
import io.pbxops.simulator.FaultTarget;
import io.pbxops.simulator.O2gHostSpec;
import io.pbxops.simulator.RequestCount;
import io.pbxops.simulator.SimulatorConfig;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Issue #13's fleet (see {@link ScaledFleet}: 40 companies are 204 PBXs, 120 External gateways and 40 shares)
 * converged from empty by the operator exactly as {@code run} composes it with its default options — the cloud
 * budget (8 concurrent, 20 requests per second), the 10 s pending recheck, the 2 s to 5 min failure backoff — over the
 * cloud and O2G simulators on loopback; every figure is read from the simulator's own request counters. Or, in the
 * memory mode, the resident memory of a {@code run} process of its own that holds about 5,000 paused objects. Not a
 * test: run it with {@code operator/bench/scaled-fleet.sh}.
 */
public final class ScaledFleetBenchmark {

    private static final String RAINBOW = "/api/rainbow";
    private static final String ADMIN = RAINBOW + "/admin/v1.0";
    private static final String LOGIN = RAINBOW + "/authentication/v1.0/login";
    private static final String O2G = "/api/rest";
    private static final int TOP_ROUTES = 15;
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(10);
    private static final Duration PROBE_TIMEOUT = Duration.ofMinutes(3);
    /** The test API server takes minutes to create thousands of objects on a busy machine. */
    private static final Duration LOAD_DEADLINE = Duration.ofMinutes(20);

    private static final String POLLER_AGENT = "scaled-fleet-bench-poller";

    /** What "all Ready" waits for; the plans are only in the memory mode's fleet. */
    private static final List<Class<? extends CustomResource<?, ? extends PbxOpsStatus>>> CONVERGED_KINDS =
            List.of(Company.class, Pbx.class, WebRtcGateway.class, PbxShare.class);

    private static final List<Class<? extends CustomResource<?, ? extends PbxOpsStatus>>> ALL_KINDS =
            List.of(Company.class, NumberingPlan.class, Pbx.class, WebRtcGateway.class, PbxShare.class);

    private ScaledFleetBenchmark() {}

    /**
     * {@code converge [COMPANIES=40] [LATENCY_MS=20] [DEADLINE_MINUTES=30]} or
     * {@code memory [OBJECTS=5000] [PLANS=true] [JVM option of the operator's process...]} (PLANS false: the same
     * objects but the NumberingPlans, for comparison).
     */
    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "converge";
        if (mode.equals("converge")) {
            converge(
                    new ScaledFleet(intArg(args, 1, 40), false, false),
                    intArg(args, 2, 20),
                    Duration.ofMinutes(intArg(args, 3, 30)));
        } else if (mode.equals("memory")) {
            boolean plans = args.length <= 2 || Boolean.parseBoolean(args[2]);
            memory(
                    ScaledFleet.ofObjects(intArg(args, 1, 5000), plans, true),
                    List.of(args).subList(Math.min(3, args.length), args.length));
        } else {
            System.err.println(
                    "usage: converge [COMPANIES] [LATENCY_MS] [DEADLINE_MINUTES] | memory [OBJECTS] [PLANS] [JVM option...]");
            System.exit(2);
        }
        // the simulator's and the API server's threads are not all daemons
        System.exit(0);
    }

    private static void converge(ScaledFleet shape, int latencyMs, Duration deadline) {
        // run's defaults; the test API server has no server-side apply, so --no-server-side-apply as its help says
        RuntimeSettings run = RunDefaults.parse("--namespace", FleetHarness.NAMESPACE, "--no-server-side-apply");
        OperatorSettings operator = run.operator();
        CloudBudget budget = run.budget();
        try (FleetHarness fleet = FleetHarness.start(
                simulator -> simulator.withAutoFleet(true).withLatency(Duration.ofMillis(latencyMs)),
                quick -> operator,
                false)) {
            fleet.setBudget(budget);
            fleet.simulator().control().updateFaults(FaultTarget.O2G, faults -> faults.withLatencyMs(latencyMs));
            for (O2gHostSpec host : shape.o2gHosts()) {
                fleet.simulator().control().putO2gHost(host);
            }
            SimulatorConfig simulator = fleet.simulator().config();
            System.out.printf(
                    "%nfleet: %d companies; %d PBX (%d OmniPCX Enterprise on %d O2G hosts, %d fleet OXO Connect Evolution,"
                            + " %d shared), %d External gateways, %d shares: %d objects, %d Secrets%n",
                    shape.companies(),
                    shape.pbxs(),
                    shape.omniPcxs(),
                    shape.companies(),
                    shape.fleetOxos(),
                    shape.sharedPbxs(),
                    shape.gateways(),
                    shape.shares(),
                    shape.objects(),
                    shape.secrets());
            System.out.printf(
                    "operator as run has it by default: budget %d concurrent, %d requests/s (a permit waited for at most"
                            + " %s); %d reconcile threads; pending recheck %s; failure backoff %s to %s; drift interval %s"
                            + " (paused before the measured check); page size %d; --no-server-side-apply%n",
                    budget.maxConcurrentRequests(),
                    budget.requestsPerSecond(),
                    budget.maxWait(),
                    operator.reconcileThreads(),
                    operator.pendingRecheck(),
                    operator.failureBackoff(),
                    operator.maxFailureBackoff(),
                    operator.driftInterval(),
                    run.pageSize());
            System.out.printf(
                    "simulator: %d ms added to every cloud and O2G answer; activation steps %s; autoFleet %s%n",
                    latencyMs, simulator.activationDelay(), simulator.autoFleet());

            // counted from the operator's start: its login and capability probe are part of converging from empty
            fleet.simulator().control().clearRequestCounts();
            fleet.startOperator();
            String yaml = shape.yaml();
            long start = System.nanoTime();
            fleet.apply(yaml);
            Duration applied = since(start);
            Readiness readiness = awaitReady(fleet, CONVERGED_KINDS, start, deadline);
            List<RequestCount> atReady = fleet.simulator().control().requestCounts();
            fleet.awaitQuiet();
            List<RequestCount> converged = fleet.simulator().control().requestCounts();

            fleet.runtime().drift().pause();
            fleet.simulator().control().clearRequestCounts();
            int drifted = fleet.runtime().drift().checkOnce();
            fleet.awaitQuiet();
            List<RequestCount> drift = fleet.simulator().control().requestCounts();

            report(shape, budget, applied, readiness, atReady, converged);
            reportDrift(fleet, run.pageSize(), drifted, drift);
            System.out.printf(
                    Locale.ROOT,
                    "RESULT companies=%d pbxs=%d ready=%s convergedSeconds=%.1f cloudRequests=%d writes=%d logins=%d"
                            + " fewest=%d o2gRequests=%d driftRequests=%d driftWrites=%d%n",
                    shape.companies(),
                    shape.pbxs(),
                    readiness.complete(),
                    readiness.elapsed().toMillis() / 1000.0,
                    sum(converged, ScaledFleetBenchmark::isCloud),
                    sum(converged, ScaledFleetBenchmark::isWrite),
                    sum(converged, ScaledFleetBenchmark::isLogin),
                    fewest(shape, converged),
                    sum(converged, ScaledFleetBenchmark::isO2g),
                    sum(drift, ScaledFleetBenchmark::isCloud),
                    sum(drift, ScaledFleetBenchmark::isWrite));
        }
    }

    private static void report(
            ScaledFleet shape,
            CloudBudget budget,
            Duration applied,
            Readiness readiness,
            List<RequestCount> atReady,
            List<RequestCount> converged) {
        long cloud = sum(converged, ScaledFleetBenchmark::isCloud);
        long writes = sum(converged, ScaledFleetBenchmark::isWrite);
        long logins = sum(converged, ScaledFleetBenchmark::isLogin);
        long fewest = fewest(shape, converged);
        double bound = fewest / (double) budget.requestsPerSecond();
        double seconds = readiness.elapsed().toMillis() / 1000.0;
        System.out.println();
        System.out.printf(
                "apply -> all Ready: %.1f s%s (the apply itself %.1f s); each kind all Ready at: %s%n",
                seconds,
                readiness.complete() ? "" : " NOT REACHED (deadline)",
                applied.toMillis() / 1000.0,
                readiness.kindsReady().entrySet().stream()
                        .map(e -> "%s %.1f s".formatted(e.getKey(), e.getValue().toMillis() / 1000.0))
                        .collect(Collectors.joining(", ")));
        if (!readiness.complete()) {
            System.out.println("not Ready at the deadline: " + readiness.notReady());
        }
        System.out.printf(
                "cloud requests (operator start to quiet): %d (%d until all Ready); %d admin, %d authentication%n",
                cloud,
                sum(atReady, ScaledFleetBenchmark::isCloud),
                sum(converged, c -> c.route().startsWith(ADMIN)),
                sum(converged, c -> isCloud(c) && !c.route().startsWith(ADMIN)));
        System.out.printf("  writes (non-GET admin requests): %d%n", writes);
        System.out.printf("  logins: %d%n", logins);
        System.out.printf(
                "  fewest the work allows: %d writes + %d reads (one per PBX) + 1 login = %d; cloud requests / fewest ="
                        + " %.2f%n",
                writes, shape.pbxs(), fewest, cloud / (double) fewest);
        System.out.printf(
                "  budget bound: %d / %d per s = %.1f s; apply -> all Ready / bound = %.2f%n",
                fewest, budget.requestsPerSecond(), bound, seconds / bound);
        System.out.printf(
                "cloud requests by method + route (top %d of %d):%n",
                TOP_ROUTES, byRoute(converged, ScaledFleetBenchmark::isCloud).size());
        printRoutes(converged, ScaledFleetBenchmark::isCloud, TOP_ROUTES);
        System.out.println("writes by method + route:");
        printRoutes(converged, ScaledFleetBenchmark::isWrite, Integer.MAX_VALUE);
        long o2g = sum(converged, ScaledFleetBenchmark::isO2g);
        System.out.printf(
                "O2G requests: %d in all, %.1f per OmniPCX activation (%d OmniPCX); by method + route (top 5):%n",
                o2g, o2g / (double) shape.omniPcxs(), shape.omniPcxs());
        printRoutes(converged, ScaledFleetBenchmark::isO2g, 5);
    }

    private static void reportDrift(FleetHarness fleet, int pageSize, int drifted, List<RequestCount> drift) {
        JsonNode state = fleet.simulator().control().state();
        Map<String, Integer> pages = new LinkedHashMap<>();
        for (String list : List.of("companies", "sites", "systems", "mediaPillars")) {
            pages.put(list, Math.max(1, (state.path(list).size() + pageSize - 1) / pageSize));
        }
        System.out.printf(
                "steady-state drift check (one checkOnce after quiet): %d cloud requests, %d writes, %d objects found"
                        + " drifted; one list call per page would be %d (%s, page size %d)%n",
                sum(drift, ScaledFleetBenchmark::isCloud),
                sum(drift, ScaledFleetBenchmark::isWrite),
                drifted,
                pages.values().stream().mapToInt(Integer::intValue).sum(),
                pages.entrySet().stream()
                        .map(e -> e.getKey() + " " + e.getValue())
                        .collect(Collectors.joining(", ")),
                pageSize);
        printRoutes(drift, ScaledFleetBenchmark::isCloud, Integer.MAX_VALUE);
        fleet.client().v1().events().inNamespace(FleetHarness.NAMESPACE).list().getItems().stream()
                .filter(event -> "DriftDetected".equals(event.getReason()))
                .forEach(event -> System.out.printf(
                        "  found drifted: %s/%s%n",
                        event.getInvolvedObject().getKind(),
                        event.getInvolvedObject().getName()));
    }

    /**
     * The memory of {@code run} holding the fleet: the test API server and the simulator stay in this JVM, the
     * operator runs in a JVM of its own ({@link OperatorMemoryProbe}) with {@code jvmOptions}, and measures itself
     * empty, then once it has reconciled every object (a paused object gets a status, nothing more).
     */
    private static void memory(ScaledFleet shape, List<String> jvmOptions) throws IOException, InterruptedException {
        try (FleetHarness fleet = FleetHarness.start(UnaryOperator.identity(), UnaryOperator.identity(), false);
                KubernetesClient poller = new KubernetesClientBuilder()
                        .withConfig(new ConfigBuilder(fleet.client().getConfiguration())
                                .withUserAgent(POLLER_AGENT)
                                .build())
                        .build()) {
            Path work = Files.createTempDirectory("pbxops-memory");
            Path kubeconfig = Kubeconfig.write(
                    work.resolve("kubeconfig"),
                    fleet.client().getConfiguration().getMasterUrl());
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(jvmOptions);
            String logback = System.getProperty("logback.configurationFile");
            if (logback != null) {
                command.add("-Dlogback.configurationFile=" + logback);
            }
            command.addAll(List.of(
                    "-cp",
                    System.getProperty("java.class.path"),
                    OperatorMemoryProbe.class.getName(),
                    "--kubeconfig",
                    kubeconfig.toString(),
                    "--cloud-url",
                    fleet.simulator().cloudUrl().toString(),
                    "--no-server-side-apply",
                    "--namespace",
                    FleetHarness.NAMESPACE,
                    "--health-port",
                    "-1",
                    "--log-level",
                    "WARN"));
            ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
            SimulatorConfig simulator = fleet.simulator().config();
            builder.environment().put("PBXOPS_CLOUD_LOGIN", simulator.login());
            builder.environment().put("PBXOPS_CLOUD_PASSWORD", simulator.password());
            builder.environment().put("PBXOPS_APP_ID", simulator.appId());
            builder.environment().put("PBXOPS_APP_SECRET", simulator.appSecret());
            fleet.simulator().control().clearRequestCounts();
            Process probe = builder.start();
            try {
                BlockingQueue<String> measurements = readMeasurements(probe);
                Writer labels = new OutputStreamWriter(probe.getOutputStream(), StandardCharsets.UTF_8);
                String started = next(measurements, probe);
                awaitOperatorQuiet(fleet, poller);
                String empty = measure(labels, measurements, probe, "empty");

                long start = System.nanoTime();
                fleet.apply(shape.yaml());
                Duration applied = since(start);
                Readiness loaded = awaitStatus(fleet, poller, start);
                awaitOperatorQuiet(fleet, poller);
                String full = measure(labels, measurements, probe, "loaded");
                labels.close();
                probe.waitFor(PROBE_TIMEOUT.toSeconds(), TimeUnit.SECONDS);

                System.out.printf(
                        "%nfleet, every object paused (pbxops.io/paused: \"true\"): %d objects of the five kinds (%d"
                                + " companies, %d plans, %d PBX, %d gateways, %d shares) and %d labelled Secrets%n",
                        shape.objects(),
                        shape.companies(),
                        shape.plans(),
                        shape.pbxs(),
                        shape.gateways(),
                        shape.shares(),
                        shape.secrets());
                System.out.println("operator process: run with its defaults (--no-server-side-apply), " + started);
                System.out.printf(
                        "apply %.1f s; apply -> every object reconciled (status for its generation): %.1f s%s%n",
                        applied.toMillis() / 1000.0,
                        loaded.elapsed().toMillis() / 1000.0,
                        loaded.complete() ? "" : " NOT REACHED: " + loaded.notReady());
                System.out.println(empty);
                System.out.println(full);
                double heapDelta = field(full, "heapUsedMiB") - field(empty, "heapUsedMiB");
                System.out.printf(
                        "heap used for the fleet: %.1f MiB, %.1f KiB per object (Secrets aside); RSS %.1f MiB -> %.1f"
                                + " MiB%n",
                        heapDelta, heapDelta * 1024 / shape.objects(), field(empty, "rssMiB"), field(full, "rssMiB"));
                List<RequestCount> counts = fleet.simulator().control().requestCounts();
                System.out.printf(
                        "cloud requests meanwhile: %d (writes %d); O2G requests: %d%n",
                        sum(counts, ScaledFleetBenchmark::isCloud),
                        sum(counts, ScaledFleetBenchmark::isWrite),
                        sum(counts, ScaledFleetBenchmark::isO2g));
                printRoutes(counts, ScaledFleetBenchmark::isCloud, Integer.MAX_VALUE);
            } finally {
                probe.destroy();
                if (!probe.waitFor(PROBE_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                    probe.destroyForcibly();
                }
            }
        }
    }

    /** The probe's MEMORY lines, in order; the rest of its output goes on to stderr. */
    private static BlockingQueue<String> readMeasurements(Process probe) {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(
                () -> {
                    try (BufferedReader out =
                            new BufferedReader(new InputStreamReader(probe.getInputStream(), StandardCharsets.UTF_8))) {
                        for (String line = out.readLine(); line != null; line = out.readLine()) {
                            if (line.startsWith("MEMORY ")) {
                                lines.add(line.substring("MEMORY ".length()));
                            } else {
                                System.err.println("[operator] " + line);
                            }
                        }
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                },
                "probe-output");
        reader.setDaemon(true);
        reader.start();
        return lines;
    }

    private static String measure(Writer labels, BlockingQueue<String> measurements, Process probe, String label)
            throws IOException, InterruptedException {
        labels.write(label + "\n");
        labels.flush();
        return next(measurements, probe);
    }

    private static String next(BlockingQueue<String> measurements, Process probe) throws InterruptedException {
        String line = measurements.poll(PROBE_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        if (line == null) {
            throw new IllegalStateException("the operator's process answered nothing within " + PROBE_TIMEOUT
                    + (probe.isAlive() ? "" : " (it exited with " + probe.exitValue() + ")"));
        }
        return line;
    }

    private static double field(String measurement, String name) {
        for (String part : measurement.split(" ")) {
            if (part.startsWith(name + "=")) {
                return Double.parseDouble(part.substring(name.length() + 1));
            }
        }
        throw new IllegalArgumentException(name + " not in " + measurement);
    }

    /**
     * Waits until the API server has seen nothing but this benchmark's own polls for three polls in a row: the
     * operator's informers have listed, its reconciles and event writes are done.
     */
    private static void awaitOperatorQuiet(FleetHarness fleet, KubernetesClient poller) {
        AtomicInteger quietPolls = new AtomicInteger();
        await().atMost(PROBE_TIMEOUT).pollInterval(Duration.ofSeconds(1)).until(() -> {
            poller.namespaces().list();
            boolean quiet = fleet.cluster().takeRequests().stream()
                    .allMatch(request -> POLLER_AGENT.equals(request.getHeader("User-Agent")));
            if (!quiet) {
                quietPolls.set(0);
                return false;
            }
            return quietPolls.incrementAndGet() >= 3;
        });
    }

    /** Waits until every object has a status written for its current generation (a paused one included). */
    private static Readiness awaitStatus(FleetHarness fleet, KubernetesClient poller, long start) {
        return poll(
                fleet,
                poller,
                ALL_KINDS,
                start,
                LOAD_DEADLINE,
                object -> CurrentStatus.isCurrent(object, object.getStatus()));
    }

    private static Readiness awaitReady(
            FleetHarness fleet,
            List<Class<? extends CustomResource<?, ? extends PbxOpsStatus>>> kinds,
            long start,
            Duration deadline) {
        return poll(fleet, fleet.client(), kinds, start, deadline, CurrentStatus::isReady);
    }

    /**
     * Polls every object of these kinds until all pass {@code done}, noting when each kind first had all its objects
     * pass; prints the progress to stderr now and then. The API server's recorded requests are dropped at each poll
     * (it keeps them until taken, and would grow for the whole run).
     */
    private static Readiness poll(
            FleetHarness fleet,
            KubernetesClient client,
            List<Class<? extends CustomResource<?, ? extends PbxOpsStatus>>> kinds,
            long start,
            Duration deadline,
            Predicate<CustomResource<?, ? extends PbxOpsStatus>> done) {
        Map<String, Duration> kindsDone = new LinkedHashMap<>();
        Map<String, Long> notDone = new TreeMap<>();
        long[] nextProgress = {start + PROGRESS_EVERY.toNanos()};
        try {
            await().atMost(deadline)
                    .pollDelay(Duration.ZERO)
                    .pollInterval(POLL)
                    .ignoreExceptions()
                    .until(() -> {
                        fleet.cluster().takeRequests();
                        notDone.clear();
                        Map<String, String> examples = new TreeMap<>();
                        Map<String, String> progress = new LinkedHashMap<>();
                        for (Class<? extends CustomResource<?, ? extends PbxOpsStatus>> kind : kinds) {
                            List<? extends CustomResource<?, ? extends PbxOpsStatus>> objects = client.resources(kind)
                                    .inNamespace(FleetHarness.NAMESPACE)
                                    .list()
                                    .getItems();
                            long passed = 0;
                            for (CustomResource<?, ? extends PbxOpsStatus> object : objects) {
                                if (done.test(object)) {
                                    passed++;
                                } else {
                                    String group = kind.getSimpleName() + " " + readyReason(object);
                                    notDone.merge(group, 1L, Long::sum);
                                    examples.putIfAbsent(group, readyMessage(object));
                                }
                            }
                            if (passed == objects.size()) {
                                kindsDone.putIfAbsent(kind.getSimpleName(), since(start));
                            }
                            progress.put(kind.getSimpleName(), passed + "/" + objects.size());
                        }
                        if (System.nanoTime() > nextProgress[0]) {
                            nextProgress[0] += PROGRESS_EVERY.toNanos();
                            System.err.printf(
                                    "%5.0f s: %s; not yet: %s%n", since(start).toMillis() / 1000.0, progress, notDone);
                            examples.forEach(
                                    (group, message) -> System.err.printf("         %s, e.g.: %s%n", group, message));
                        }
                        return notDone.isEmpty() && kindsDone.size() == kinds.size();
                    });
            return new Readiness(true, since(start), kindsDone, Map.of());
        } catch (ConditionTimeoutException e) {
            return new Readiness(false, since(start), kindsDone, Map.copyOf(notDone));
        }
    }

    private static String readyMessage(CustomResource<?, ? extends PbxOpsStatus> object) {
        return object.getMetadata().getName() + ": "
                + CurrentStatus.condition(object, "Ready")
                        .map(c -> c.getMessage())
                        .orElse("");
    }

    private static String readyReason(CustomResource<?, ? extends PbxOpsStatus> object) {
        return CurrentStatus.condition(object, "Ready")
                .map(c -> c.getStatus() + "/" + c.getReason())
                .orElse("(no status for its generation)");
    }

    /** The floor issue #13 sets: what was written, one read per PBX, one login. */
    private static long fewest(ScaledFleet shape, List<RequestCount> counts) {
        return sum(counts, ScaledFleetBenchmark::isWrite) + shape.pbxs() + 1;
    }

    private static void printRoutes(List<RequestCount> counts, Predicate<RequestCount> which, int limit) {
        byRoute(counts, which).entrySet().stream()
                .sorted(Map.Entry.<String, Map<Integer, Long>>comparingByValue(
                                Comparator.comparingLong(ScaledFleetBenchmark::total))
                        .reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(limit)
                .forEach(e -> System.out.printf(
                        "  %7d  %s%s%n",
                        total(e.getValue()),
                        e.getKey(),
                        e.getValue().keySet().stream().allMatch(status -> status / 100 == 2)
                                ? ""
                                : "  " + e.getValue()));
    }

    /** Requests by method and route, each with its count by status. */
    private static Map<String, Map<Integer, Long>> byRoute(List<RequestCount> counts, Predicate<RequestCount> which) {
        Map<String, Map<Integer, Long>> routes = new TreeMap<>();
        counts.stream()
                .filter(which)
                .forEach(c -> routes.computeIfAbsent(c.method() + " " + shortRoute(c.route()), r -> new TreeMap<>())
                        .merge(c.status(), c.count(), Long::sum));
        return routes;
    }

    private static long total(Map<Integer, Long> byStatus) {
        return byStatus.values().stream().mapToLong(Long::longValue).sum();
    }

    private static String shortRoute(String route) {
        if (route.startsWith(ADMIN)) {
            return route.substring(ADMIN.length());
        }
        return route.startsWith(RAINBOW) ? route.substring(RAINBOW.length()) : route;
    }

    private static long sum(List<RequestCount> counts, Predicate<RequestCount> which) {
        return counts.stream().filter(which).mapToLong(RequestCount::count).sum();
    }

    private static boolean isCloud(RequestCount count) {
        return count.route().startsWith(RAINBOW + "/");
    }

    private static boolean isWrite(RequestCount count) {
        return count.route().startsWith(ADMIN) && !count.method().equals("GET");
    }

    private static boolean isLogin(RequestCount count) {
        return count.route().equals(LOGIN);
    }

    private static boolean isO2g(RequestCount count) {
        return count.route().startsWith(O2G);
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private static int intArg(String[] args, int index, int fallback) {
        return args.length > index ? Integer.parseInt(args[index]) : fallback;
    }

    /** How a wait ended: whether everything got there, when, when each kind did, and what had not (by reason). */
    private record Readiness(
            boolean complete, Duration elapsed, Map<String, Duration> kindsReady, Map<String, Long> notReady) {}
}
