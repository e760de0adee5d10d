package io.pbxops.operator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pbxops.operator.cloud.RainbowClient;
import io.pbxops.operator.cloud.model.CloudCompany;
import io.pbxops.operator.cloud.model.CloudSite;
import io.pbxops.operator.cloud.model.CloudSystem;
import io.pbxops.operator.cloud.model.CompanySettings;
import io.pbxops.operator.cloud.model.MediaPillarSettings;
import io.pbxops.operator.cloud.model.NewMediaPillar;
import io.pbxops.operator.cloud.model.NewSystem;
import io.pbxops.operator.cloud.model.PbxOpsExtension;
import io.pbxops.operator.cloud.model.SiteSettings;
import io.pbxops.operator.cloud.model.SystemSettings;
import io.pbxops.operator.testing.CloudAccount;
import io.pbxops.simulator.Simulator;
import io.pbxops.simulator.SimulatorConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the manifests cannot say as the cloud holds it: export still writes the fleet, says what applying it would
 * change (exit 2), and explains it in the folder's README.
 */
class ExportLimitsTest {

    @Test
    void whatCannotRoundTripIsPlannedAndExplained(@TempDir Path temp) throws Exception {
        try (Simulator simulator = Simulator.start(
                SimulatorConfig.defaults().withCloudPort(0).withO2gPort(0).withSeed(23L))) {
            try (RainbowClient cloud = CloudAccount.client(simulator)) {
                CloudCompany acme =
                        cloud.companies().create(CompanySettings.named("ACME").withCountry("FRA"));
                CloudSite hq = cloud.sites().create(SiteSettings.active("HQ", acme.id()));
                CloudSite lyon = cloud.sites().create(SiteSettings.active("Lyon", acme.id()));
                CloudSystem oxe = cloud.systems()
                        .create(NewSystem.onSite(
                                hq.id(),
                                SystemSettings.of("ACME-OXE", "oxe", "FRA")
                                        .withExtension(PbxOpsExtension.ofModel("omnipcx-enterprise")
                                                .withWebRtc(new PbxOpsExtension.WebRtc(true, true)))));
                cloud.systems()
                        .create(NewSystem.onSite(
                                hq.id(),
                                SystemSettings.of("ACME-OXO", "oxo", "FRA")
                                        .withOutboundPrefix(List.of("0", "9"), true)
                                        .withExtension(PbxOpsExtension.ofModel("oxo-connect"))));
                cloud.systems()
                        .create(NewSystem.onSite(
                                lyon.id(),
                                SystemSettings.of("LYON-OXO", "oxo", "FRA")
                                        .withExtension(PbxOpsExtension.ofModel("oxo-connect"))));
                cloud.mediaPillars()
                        .create(new NewMediaPillar(
                                oxe.id(), "cloud", MediaPillarSettings.none().withName("ACME Gateway")));
                cloud.companies().create(CompanySettings.named("Siteless").withCountry("BEL"));
            }
            Path out = temp.resolve("fleet");
            Commands.Run run =
                    Commands.readingOnly(simulator, temp.resolve("credentials"), "export", "--out", out.toString());

            // README, export: "exit 0; 2 when something cannot round-trip".
            assertEquals(2, run.exit(), run.out() + run.err());
            String text = run.out();
            assertTrue(text.contains("name: \"ACME Gateway\" → \"acme-oxe-gw\""), text);
            assertTrue(text.contains("+ create: site \"Siteless\""), text);
            assertTrue(text.contains("+ link: link system"), "LYON-OXO is linked to the company's site HQ: " + text);
            String readme = Files.readString(out.resolve("README.md"));
            assertTrue(readme.contains("shows changes"), readme);
            String company = Files.readString(out.resolve("companies/acme/company.yaml"));
            assertTrue(
                    company.contains("# The company has 2 sites; its PBXs link to \"HQ\", the others are not managed."),
                    company);
            String pbxs = Files.readString(out.resolve("companies/acme/pbxs.yaml"));
            assertTrue(pbxs.contains("# The cloud holds 2 outbound prefixes; a Pbx declares one"), pbxs);
            assertTrue(Files.readString(out.resolve("companies/acme/gateways.yaml"))
                    .contains("the operator renames the gateway"));
            Commands.Run validate = Commands.run("validate", out.toString());
            assertEquals(0, validate.exit(), validate.out());
        }
    }
}
