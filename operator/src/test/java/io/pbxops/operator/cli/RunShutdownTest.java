package io.pbxops.operator.cli;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.pbxops.operator.testing.Kubeconfig;
import io.pbxops.operator.testing.TestCluster;
import io.pbxops.simulator.Simulator;
import io.pbxops.simulator.SimulatorConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SIGTERM to a replica holding the Lease: it stops cleanly (and soon), it does not wait for the kubelet's SIGKILL. */
class RunShutdownTest {

    @Test
    void theLeaderStopsCleanlyOnSigterm(@TempDir Path dir) throws Exception {
        try (TestCluster cluster = TestCluster.start();
                Simulator simulator = Simulator.start(
                        SimulatorConfig.defaults().withCloudPort(0).withO2gPort(0))) {
            Path kubeconfig = Kubeconfig.write(
                    dir.resolve("kubeconfig"),
                    cluster.client().getConfiguration().getMasterUrl());
            SimulatorConfig sim = simulator.config();
            ProcessBuilder builder = new ProcessBuilder(List.of(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "-cp",
                            System.getProperty("java.class.path"),
                            Main.class.getName(),
                            "run",
                            "--kubeconfig",
                            kubeconfig.toString(),
                            "--cloud-url",
                            simulator.cloudUrl().toString(),
                            "--no-server-side-apply",
                            "-n",
                            "fleet",
                            "--health-port",
                            "-1",
                            "--leader-election",
                            "--leader-election-namespace",
                            "fleet"))
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("run.log").toFile());
            builder.environment().put("POD_NAME", "replica-under-test");
            builder.environment().put("PBXOPS_CLOUD_LOGIN", sim.login());
            builder.environment().put("PBXOPS_CLOUD_PASSWORD", sim.password());
            builder.environment().put("PBXOPS_APP_ID", sim.appId());
            builder.environment().put("PBXOPS_APP_SECRET", sim.appSecret());
            Process run = builder.start();
            try {
                await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> {
                    Lease lease = cluster.client()
                            .leases()
                            .inNamespace("fleet")
                            .withName("pbx-operator")
                            .get();
                    return lease != null
                            && "replica-under-test".equals(lease.getSpec().getHolderIdentity());
                });
                run.destroy(); // SIGTERM
                assertTrue(
                        run.waitFor(20, TimeUnit.SECONDS),
                        "still running 20 s after SIGTERM:\n" + Files.readString(dir.resolve("run.log")));
                String log = Files.readString(dir.resolve("run.log"));
                assertEquals(143, run.exitValue(), "the JVM's status after SIGTERM (128 + 15), not a kill:\n" + log);
                assertTrue(
                        log.contains("OperatorRuntime [//] - stopped"),
                        "the runtime closed through the shutdown hook:\n" + log);
            } finally {
                run.destroyForcibly();
            }
        }
    }
}
