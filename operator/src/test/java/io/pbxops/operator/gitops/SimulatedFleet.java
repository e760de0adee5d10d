package io.pbxops.operator.gitops;

import io.pbxops.operator.cloud.RainbowClient;
import io.pbxops.operator.cloud.model.CloudCompany;
import io.pbxops.operator.cloud.model.CloudSite;
import io.pbxops.operator.cloud.model.CloudSystem;
import io.pbxops.operator.cloud.model.CompanySettings;
import io.pbxops.operator.cloud.model.MediaPillarSettings;
import io.pbxops.operator.cloud.model.NewMediaPillar;
import io.pbxops.operator.cloud.model.NewSystem;
import io.pbxops.operator.cloud.model.NumberingRule;
import io.pbxops.operator.cloud.model.PbxOpsExtension;
import io.pbxops.operator.cloud.model.SiteSettings;
import io.pbxops.operator.cloud.model.SystemSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A reseller's fleet declared straight in the simulated cloud through the client, as the admin UI would have left
 * it before the operator: companies with a site each, five PBXs per company (an OmniPCX Enterprise with a default-route
 * external gateway and the common numbering rules, a fleet OXO Connect with a cloud gateway, a fleet OXO Connect
 * Evolution with an internal gateway and its company's own rules, a generated OXO, an OmniPCX Enterprise without WebRTC),
 * and shared OXOs linked to three companies each. Every seventh company is in the USA (state NY). Deterministic: the
 * same sizes give the same fleet.
 */
public final class SimulatedFleet {

    static final List<NumberingRule> COMMON_RULES = List.of(
            new NumberingRule("^218", "039067", "Numbers 218xxx => 039067xxx"),
            new NumberingRule("^18$", "", "18 is forbidden"));

    public record Sizes(int companies, int sharedPbxs) {

        public int pbxs() {
            return companies * 5 + sharedPbxs;
        }
    }

    private final RainbowClient cloud;

    public SimulatedFleet(RainbowClient cloud) {
        this.cloud = cloud;
    }

    /** Declares the fleet, companies in parallel (the client's budget bounds the pace). */
    public void create(Sizes sizes) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<CloudSite>> sites = new ArrayList<>();
            for (int i = 1; i <= sizes.companies(); i++) {
                int index = i;
                sites.add(pool.submit(() -> company(index)));
            }
            List<CloudSite> companySites = new ArrayList<>();
            for (Future<CloudSite> site : sites) {
                companySites.add(site.get());
            }
            List<Future<?>> shared = new ArrayList<>();
            for (int i = 1; i <= sizes.sharedPbxs(); i++) {
                int index = i;
                shared.add(pool.submit(() -> sharedPbx(index, companySites)));
            }
            for (Future<?> done : shared) {
                done.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private CloudSite company(int i) {
        String code = String.format("%03d", i);
        String country = i % 7 == 0
                ? "USA"
                : switch (i % 3) {
                    case 0 -> "FRA";
                    case 1 -> "DEU";
                    default -> "BEL";
                };
        CompanySettings settings = CompanySettings.named("Company " + code + " SA")
                .withCountry(country)
                .withState("USA".equals(country) ? "NY" : null)
                .withExternalReference(i % 2 == 0 ? "crm-" + code : null);
        CloudCompany company = cloud.companies().create(settings);
        CloudSite site =
                cloud.sites().create(SiteSettings.active(i % 4 == 0 ? "HQ " + code : company.name(), company.id()));
        String prefix = "C" + code;

        CloudSystem oxe = system(NewSystem.onSite(
                site.id(),
                SystemSettings.of(prefix + "-OXE-1", "oxe", country)
                        .withPrefixes("0", "00")
                        .withOutboundPrefix(List.of("0"), true)
                        .withNumberingTranslator(COMMON_RULES)
                        .withExtension(PbxOpsExtension.ofModel("omnipcx-enterprise")
                                .withInstallationNumber("+33478" + String.format("%06d", i))
                                .withSecretIdentity(i % 2 == 0)
                                .withEmergencyThroughPbx(true)
                                .withWebRtc(new PbxOpsExtension.WebRtc(true, true))
                                .withConference(new PbxOpsExtension.Conference(true, true))
                                .withCcd(new PbxOpsExtension.Ccd(true, false, true, i % 10)))));
        gateway(oxe, "external", ("c" + code + "-oxe-1-gw"), "10.1." + (i % 250) + ".80", 30, true);

        CloudSystem oxo = system(NewSystem.onSite(
                        site.id(),
                        SystemSettings.of(prefix + "-OXO-1", "oxo", country)
                                .withPrefixes("0", "00")
                                .withExtension(PbxOpsExtension.ofModel("oxo-connect")
                                        .withWebRtc(new PbxOpsExtension.WebRtc(true, true))))
                .withPbxId(fleetId("ALE12", i, 1))
                .withActivationCode(fleetId("ALE12", i, 1)));
        gateway(oxo, "cloud", "c" + code + "-oxo-1-gw", null, null, false);

        CloudSystem evolution = system(NewSystem.onSite(
                        site.id(),
                        SystemSettings.of(prefix + "-EVO-1", "oxo", country)
                                .withNumberingTranslator(List.of(
                                        new NumberingRule("^9" + code, "", "internal " + code),
                                        new NumberingRule("^0([0-9]{9})$", "+33$1", "national to E.164")))
                                .withExtension(PbxOpsExtension.ofModel("oxo-connect-evolution")
                                        .withWebRtc(new PbxOpsExtension.WebRtc(true, true))))
                .withPbxId(fleetId("ALE12", i, 2))
                .withActivationCode(fleetId("ALE12", i, 2)));
        gateway(evolution, "internal", "c" + code + "-evo-1-gw", null, null, false);

        system(NewSystem.onSite(
                site.id(),
                SystemSettings.of(prefix + "-OXO-2", "oxo", country)
                        .withExtension(PbxOpsExtension.ofModel("oxo-connect"))));
        system(NewSystem.onSite(
                site.id(),
                SystemSettings.of(prefix + "-OXE-2", "oxe", country)
                        .withPrefixes("0", "00")
                        .withOutboundPrefix(List.of("9"), false)
                        .withExtension(PbxOpsExtension.ofModel("omnipcx-enterprise"))));
        return site;
    }

    private void sharedPbx(int i, List<CloudSite> sites) {
        String code = String.format("%03d", i);
        CloudSystem system = system(NewSystem.onSite(
                        null,
                        SystemSettings.of("SHARED-OXO-" + code, "oxo", "FRA")
                                .withShared(true)
                                .withNumberingTranslator(COMMON_RULES)
                                .withExtension(PbxOpsExtension.ofModel("oxo-connect")))
                .withPbxId(fleetId("SHR", i, 9))
                .withActivationCode(fleetId("SHR", i, 9)));
        for (int k = 0; k < 3; k++) {
            cloud.systems().link(sites.get((i * 3 + k) % sites.size()).id(), system.id());
        }
    }

    private CloudSystem system(NewSystem system) {
        return cloud.systems().create(system);
    }

    private void gateway(
            CloudSystem system, String type, String name, String address, Integer channels, boolean defaultRoute) {
        cloud.mediaPillars()
                .create(new NewMediaPillar(
                        system.id(),
                        type,
                        MediaPillarSettings.none()
                                .withName(name)
                                .withAddress(address, channels)
                                .withDefaultRoute(defaultRoute)));
    }

    /** {@code ALE12-0001.0001.01}: a stock-mode OXO's equipment ID, which is also its activation code. */
    static String fleetId(String fleet, int company, int unit) {
        return fleet + "-" + String.format("%04d.%04d.%02d", company, unit, company % 100);
    }
}
