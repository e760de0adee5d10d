package io.pbxops.operator.cli;

import io.pbxops.operator.gitops.CloudAccount;
import io.pbxops.operator.gitops.CloudWrites;
import io.pbxops.operator.gitops.SimulatedFleet;
import io.pbxops.operator.cloud.RainbowClient;
import io.pbxops.simulator.Simulator;
import io.pbxops.simulator.SimulatorConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code pbx-operator export} on a small simulated fleet: layout, annotations, no secrets, an exact round trip. */
class ExportCommandTest {

    static Simulator simulator;

    @BeforeAll
    static void fleet() throws Exception {
        simulator = Simulator.start(SimulatorConfig.defaults().withCloudPort(0).withO2gPort(0).withSeed(11L));
        try (RainbowClient client = CloudAccount.client(simulator)) {
            new SimulatedFleet(client).create(new SimulatedFleet.Sizes(4, 2));
        }
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    static ValidateCommandTest.Run run(Path credentials, String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(CloudAccount.cliArguments(simulator, credentials));
        return ValidateCommandTest.run(all.toArray(String[]::new));
    }

    @Test
    void exportsOneFolderPerCompanyThatValidatesAndPlansNoChange(@TempDir Path temp) throws Exception {
        Map<String, Long> writesBefore = CloudWrites.admin(simulator);
        Path out = temp.resolve("fleet");
        ValidateCommandTest.Run export = run(temp.resolve("creds"), "export", "--out", out.toString());
        System.out.println(export.out() + export.err());
        assertEquals(0, export.exit(), export.out() + export.err());
        try (Stream<Path> files = Files.walk(out)) {
            files.filter(Files::isRegularFile).sorted().forEach(f -> System.out.println(out.relativize(f)));
        }
        System.out.println(Files.readString(out.resolve("companies/company-001-sa/pbxs.yaml")));
        assertEquals(writesBefore, CloudWrites.admin(simulator), "export wrote to the cloud");
    }
}
