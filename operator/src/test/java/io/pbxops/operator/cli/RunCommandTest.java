package io.pbxops.operator.cli;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.pbxops.operator.api.Company;
import io.pbxops.operator.testing.CurrentStatus;
import io.pbxops.operator.testing.Kubeconfig;
import io.pbxops.operator.testing.TestCluster;
import io.pbxops.simulator.Simulator;
import io.pbxops.simulator.SimulatorConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code pbx-operator run} as its README section runs it: a kubeconfig, credentials in a mounted folder, flags. */
class RunCommandTest {

    @Test
    void runReconcilesTheClusterOfItsKubeconfigAndStopsCleanly(@TempDir Path dir) throws Exception {
        try (TestCluster cluster = TestCluster.start();
                Simulator simulator = Simulator.start(
                        SimulatorConfig.defaults().withCloudPort(0).withO2gPort(0))) {
            Path kubeconfig = Kubeconfig.write(
                    dir.resolve("kubeconfig"),
                    cluster.client().getConfiguration().getMasterUrl());
            Path credentials = Files.createDirectory(dir.resolve("cloud"));
            SimulatorConfig sim = simulator.config();
            Files.writeString(
                    credentials.resolve("PBXOPS_CLOUD_URL"),
                    simulator.cloudUrl().toString());
            Files.writeString(credentials.resolve("PBXOPS_CLOUD_LOGIN"), sim.login());
            Files.writeString(credentials.resolve("PBXOPS_CLOUD_PASSWORD"), sim.password());
            Files.writeString(credentials.resolve("PBXOPS_APP_ID"), sim.appId());
            Files.writeString(credentials.resolve("PBXOPS_APP_SECRET"), sim.appSecret());

            RunCommand run = new RunCommand();
            CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> new CommandLine(run)
                    .execute(
                            "--kubeconfig",
                            kubeconfig.toString(),
                            "--credentials-dir",
                            credentials.toString(),
                            "--no-server-side-apply",
                            "-n",
                            "fleet",
                            "--health-port",
                            "-1",
                            "--drift-interval",
                            "1m"));
            assertTrue(run.awaitStarted(Duration.ofSeconds(60)), "run started");

            cluster.client()
                    .resource(new KubernetesSerialization().unmarshal("""
                    apiVersion: pbxops.io/v1alpha1
                    kind: Company
                    metadata: {name: globex, namespace: fleet}
                    spec: {displayName: Globex GmbH, country: DEU}
                    """, Company.class))
                    .create();
            await().atMost(Duration.ofSeconds(30))
                    .ignoreExceptions()
                    .until(() -> CurrentStatus.isReady(cluster.client()
                            .resources(Company.class)
                            .inNamespace("fleet")
                            .withName("globex")
                            .get()));

            run.requestStop();
            assertEquals(0, exit.get());
        }
    }
}
