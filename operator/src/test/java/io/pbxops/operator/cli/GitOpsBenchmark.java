package io.pbxops.operator.cli;

import io.pbxops.operator.cloud.RainbowClient;
import io.pbxops.operator.gitops.SimulatedFleet;
import io.pbxops.operator.testing.CloudAccount;
import io.pbxops.operator.testing.CloudState;
import io.pbxops.simulator.FaultTarget;
import io.pbxops.simulator.Simulator;
import io.pbxops.simulator.SimulatorConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Export and plan of a large fleet against the simulator with cloud latency: wall time and cloud requests beside the
 * fewest requests the cloud's page size allows (a login and one request per page of the four lists). Not a test: run
 * {@code operator/bench/gitops.sh [COMPANIES] [LATENCY_MS] [PAGE_SIZE...]}.
 */
public final class GitOpsBenchmark {

    public static void main(String[] args) throws Exception {
        int companies = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        long latencyMs = args.length > 1 ? Long.parseLong(args[1]) : 20;
        List<Integer> pageSizes = new ArrayList<>();
        for (int i = 2; i < args.length; i++) {
            pageSizes.add(Integer.parseInt(args[i]));
        }
        if (pageSizes.isEmpty()) {
            pageSizes = List.of(100, 1000);
        }
        SimulatedFleet.Sizes sizes = new SimulatedFleet.Sizes(companies, 0);
        Path work = Files.createTempDirectory("gitops-bench");
        try (Simulator simulator = Simulator.start(
                SimulatorConfig.defaults().withCloudPort(0).withO2gPort(0).withSeed(3L))) {
            try (RainbowClient client = CloudAccount.client(simulator)) {
                new SimulatedFleet(client).create(sizes);
            }
            simulator.control().updateFaults(FaultTarget.CLOUD, faults -> faults.withLatencyMs(latencyMs));
            int sites = companies;
            int gateways = companies * 3;
            int systems = sizes.pbxs();
            System.out.printf(
                    "fleet: %d PBXs, %d companies (+ the reseller's), %d sites, %d WebRTC gateways; cloud latency %d ms%n",
                    systems, companies, sites, gateways, latencyMs);
            System.out.println("| command | page size | wall time | cloud requests | fewest possible |");
            System.out.println("|---|---|---|---|---|");
            for (int pageSize : pageSizes) {
                long fewest = 1
                        + pages(companies + 1, pageSize)
                        + pages(sites, pageSize)
                        + pages(systems, pageSize)
                        + pages(gateways, pageSize);
                Path out = work.resolve("fleet-" + pageSize);
                List<String> cloud = CloudAccount.cliArguments(simulator, work.resolve("credentials"));
                measure(simulator, "export", pageSize, fewest, cloud, "export", "--out", out.toString());
                measure(simulator, "plan", pageSize, fewest, cloud, "plan", out.toString());
            }
        }
    }

    private static void measure(
            Simulator simulator, String name, int pageSize, long fewest, List<String> cloud, String... command) {
        List<String> args = new ArrayList<>(List.of(command));
        args.addAll(cloud);
        args.addAll(List.of("--cloud-page-size", Integer.toString(pageSize)));
        long requestsBefore = new CloudState(simulator).cloudRequests();
        long start = System.nanoTime();
        Commands.Run run = Commands.run(args.toArray(String[]::new));
        long millis = (System.nanoTime() - start) / 1_000_000;
        // The client logs out when it closes: one request more than the read itself.
        long requests = new CloudState(simulator).cloudRequests() - requestsBefore;
        if (run.exit() != 0) {
            throw new IllegalStateException(name + " exited " + run.exit() + ": " + run.out() + run.err());
        }
        System.out.printf(
                "| %s | %d | %.2f s | %d (+1 logout) | %d |%n", name, pageSize, millis / 1000.0, requests - 1, fewest);
        List<String> lines = run.out().lines().filter(line -> !line.isBlank()).toList();
        System.err.println(name + ": " + (name.equals("plan") ? lines.get(lines.size() - 1) : lines.get(0)));
    }

    private static long pages(int items, int pageSize) {
        return Math.max(1, (items + pageSize - 1) / pageSize);
    }
}
