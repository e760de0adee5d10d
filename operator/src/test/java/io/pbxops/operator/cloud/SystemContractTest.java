package io.pbxops.operator.cloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pbxops.operator.cloud.model.CloudCompany;
import io.pbxops.operator.cloud.model.CloudSite;
import io.pbxops.operator.cloud.model.CloudSystem;
import io.pbxops.operator.cloud.model.CloudSystemState;
import io.pbxops.operator.cloud.model.CompanySettings;
import io.pbxops.operator.cloud.model.Format;
import io.pbxops.operator.cloud.model.NewSystem;
import io.pbxops.operator.cloud.model.NumberingRule;
import io.pbxops.operator.cloud.model.Page;
import io.pbxops.operator.cloud.model.PageRequest;
import io.pbxops.operator.cloud.model.PbxOpsExtension;
import io.pbxops.operator.cloud.model.SiteSettings;
import io.pbxops.operator.cloud.model.SystemSettings;
import io.pbxops.operator.cloud.support.SimulatorExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Systems, their state, reset and site links against the simulator over loopback HTTP. */
class SystemContractTest {

    @RegisterExtension
    static final SimulatorExtension SIM = new SimulatorExtension();

    private RainbowClient cloud;
    private CloudCompany company;
    private CloudSite site;

    @BeforeEach
    void connect() {
        cloud = RainbowClient.create(
                SIM.clientConfig(new InMemoryCloudMetrics()), CloudCredentialsSource.of(SIM.credentials()));
        company = cloud.companies().create(CompanySettings.named("Acme").withCountry("FRA"));
        site = cloud.sites().create(SiteSettings.active("HQ", company.id()));
    }

    @AfterEach
    void disconnect() {
        cloud.close();
    }

    private static SystemSettings oxe(String name) {
        return SystemSettings.of(name, SystemSettings.TYPE_OXE, "FRA")
                .withExtension(PbxOpsExtension.ofModel("omnipcx-enterprise"));
    }

    @Test
    void createWithGeneratedIdentityThenReadItBack() {
        CloudSystem created = cloud.systems()
                .create(NewSystem.onSite(
                        site.id(),
                        oxe("acme-oxe1")
                                .withPrefixes("0", "00")
                                .withOutboundPrefix(List.of("0"), true)
                                .withNumberingTranslator(
                                        List.of(new NumberingRule("^218", "039067", "218 to 039067")))));

        assertNotNull(created.id());
        assertNotNull(created.pbxId(), "a pbxId is generated when none is given");
        assertEquals("created", created.status());
        assertEquals(List.of(site.id()), created.siteId());
        assertTrue(created.jidPbxagentPassword().matches("\\d{4}"), "the generated code is 4 digits");
        assertEquals(List.of("0"), created.pbxMainBundlePrefix());
        assertEquals("omnipcx-enterprise", created.xPbxOps().model());

        CloudSystem read = cloud.systems().get(created.id());
        assertEquals(created.pbxId(), read.pbxId());
        assertEquals(created.settings(), read.settings());
        assertEquals(read.id(), cloud.systems().getByPbxId(created.pbxId()).id());
    }

    @Test
    void fleetDeclarationKeepsItsEquipmentIdAndCode() {
        String fleet = "ALE12-1234.5678.90";
        CloudSystem created = cloud.systems()
                .create(NewSystem.onSite(
                                site.id(),
                                SystemSettings.of("acme-oxo", SystemSettings.TYPE_OXO, "FRA")
                                        .withExtension(PbxOpsExtension.ofModel("oxo-connect")))
                        .withPbxId(fleet)
                        .withActivationCode(fleet));

        assertEquals(fleet, created.pbxId());
        assertEquals(fleet, created.jidPbxagentPassword());
        assertTrue(cloud.systems().findByPbxId(fleet).isPresent());
        assertTrue(cloud.systems().findByPbxId("ALE12-0000.0000.00").isEmpty());
    }

    @Test
    void duplicatePbxIdIsAConflict() {
        cloud.systems().create(NewSystem.onSite(site.id(), oxe("first")).withPbxId("OXE.000.111"));

        CloudConflictException e = assertThrows(
                CloudConflictException.class,
                () -> cloud.systems()
                        .create(NewSystem.onSite(site.id(), oxe("second")).withPbxId("OXE.000.111")));
        assertEquals(409, e.httpStatus());
        assertEquals(409000, e.errorCode());
        assertTrue(e.getMessage().contains("create system second"), e.getMessage());
    }

    @Test
    void invalidSettingsComeBackWithTheirParameters() {
        List<NumberingRule> tooMany = IntStream.range(0, 101)
                .mapToObj(i -> new NumberingRule("^" + i, "", null))
                .toList();

        CloudInvalidRequestException e = assertThrows(
                CloudInvalidRequestException.class,
                () -> cloud.systems()
                        .create(NewSystem.onSite(
                                site.id(), oxe("too-many-rules").withNumberingTranslator(tooMany))));
        assertEquals(400000, e.errorCode());

        CloudInvalidRequestException conference = assertThrows(
                CloudInvalidRequestException.class,
                () -> cloud.systems()
                        .create(NewSystem.onSite(
                                site.id(),
                                oxe("conf")
                                        .withExtension(PbxOpsExtension.ofModel("omnipcx-enterprise")
                                                .withConference(new PbxOpsExtension.Conference(true, null))))));
        assertEquals(400000, conference.errorCode());
        assertFalse(conference.details().isEmpty(), "400000 names the invalid parameters");
        assertTrue(
                conference.details().stream()
                        .anyMatch(d ->
                                d.param().contains("conference") || d.param().contains("installationNumber")),
                conference.details().toString());
    }

    @Test
    void listFiltersFormatsAndPages() {
        CloudCompany other = cloud.companies().create(CompanySettings.named("Other"));
        CloudSite otherSite = cloud.sites().create(SiteSettings.active("Other HQ", other.id()));
        List<String> ours = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ours.add(cloud.systems()
                    .create(NewSystem.onSite(site.id(), oxe("acme-" + i)))
                    .id());
        }
        CloudSystem oxo = cloud.systems()
                .create(NewSystem.onSite(
                        otherSite.id(), SystemSettings.of("other-oxo", SystemSettings.TYPE_OXO, "FRA")));

        assertEquals(Set.copyOf(ours), ids(SystemFilter.all().withSiteId(site.id())));
        assertEquals(Set.copyOf(ours), ids(SystemFilter.all().withCompanyId(company.id())));
        assertEquals(Set.of(oxo.id()), ids(SystemFilter.all().withType(SystemSettings.TYPE_OXO)));
        assertEquals(Set.of(ours.get(1)), ids(SystemFilter.all().withName("ACME-1")));
        assertEquals(Set.of(), ids(SystemFilter.all().withShared(true)));
        if (oxo.bpId() != null) {
            assertTrue(ids(SystemFilter.all().withBpId(oxo.bpId())).contains(oxo.id()));
        }

        Page<CloudSystem> firstTwo = cloud.systems().list(SystemFilter.all(), PageRequest.first(2));
        Page<CloudSystem> rest =
                cloud.systems().list(SystemFilter.all(), PageRequest.first(2).next(2));
        assertEquals(4, firstTwo.total());
        assertEquals(2, firstTwo.data().size());
        assertEquals(2, rest.data().size());
        assertTrue(rest.isLast());

        CloudSystem small = cloud.systems()
                .list(SystemFilter.all().withFormat(Format.SMALL).withSiteId(site.id()), PageRequest.first())
                .data()
                .get(0);
        assertNotNull(small.pbxId());
        assertNull(small.xPbxOps(), "format small has no extension");
        assertNull(small.name(), "format small has no name");
    }

    @Test
    void partialUpdatesKeepWhatIsNotSent() {
        CloudSystem created = cloud.systems()
                .create(NewSystem.onSite(
                        site.id(),
                        oxe("upd")
                                .withExtension(PbxOpsExtension.ofModel("omnipcx-enterprise")
                                        .withWebRtc(new PbxOpsExtension.WebRtc(true, true)))));

        CloudSystem updated = cloud.systems()
                .update(
                        created.id(),
                        SystemSettings.none()
                                .withPrefixes("9", null)
                                .withExtension(
                                        new PbxOpsExtension(null, "+33123456789", null, null, null, null, null, null)));

        assertEquals("9", updated.pbxNationalPrefix());
        assertEquals("upd", updated.name());
        assertEquals("+33123456789", updated.xPbxOps().installationNumber());
        assertEquals(new PbxOpsExtension.WebRtc(true, true), updated.xPbxOps().webRtc(), "absent keys are kept");
        assertEquals("omnipcx-enterprise", updated.xPbxOps().model());

        CloudSystem reset =
                cloud.systems().update(created.id(), SystemSettings.none().withNumberingTranslator(List.of()));
        assertEquals(List.of(), reset.pbxNumberingTranslator());
    }

    @Test
    void stateOfANewSystemIsDownInEveryFormat() {
        CloudSystem created = cloud.systems().create(NewSystem.onSite(site.id(), oxe("state")));

        CloudSystemState small = cloud.systems().state(created.id(), Format.SMALL);
        CloudSystemState medium = cloud.systems().state(created.id(), Format.MEDIUM);
        CloudSystemState full = cloud.systems().state(created.id(), Format.FULL);

        assertEquals("down", small.connection());
        assertNotNull(small.timestamp());
        assertEquals("down", medium.csta());
        assertNull(medium.xmpp());
        assertEquals("down", full.xmpp());
        assertEquals(List.of("xmpp", "conf", "csta", "http"), full.down());
    }

    @Test
    void resetPasswordKeepsThePbxIdAndGoesBackToCreated() {
        CloudSystem created = cloud.systems().create(NewSystem.onSite(site.id(), oxe("reset")));

        CloudSystem reset = cloud.systems().resetPassword(created.id());

        assertEquals(created.pbxId(), reset.pbxId());
        assertEquals("created", reset.status());
        assertTrue(reset.jidPbxagentPassword().matches("\\d{4}"));
        assertNotNull(
                cloud.systems().get(created.id(), true).connectionHistory(),
                "connectionHistory is returned when asked for");
    }

    @Test
    void linkShareAndUnlink() {
        CloudCompany other = cloud.companies().create(CompanySettings.named("Customer B"));
        CloudSite otherSite = cloud.sites().create(SiteSettings.active("B HQ", other.id()));
        CloudSystem pbx = cloud.systems().create(NewSystem.onSite(site.id(), oxe("shared")));
        cloud.systems().update(pbx.id(), SystemSettings.none().withShared(true));

        CloudSystem linked = cloud.systems().link(otherSite.id(), pbx.id());
        assertEquals(Set.of(site.id(), otherSite.id()), Set.copyOf(linked.siteId()));
        assertEquals(
                Set.copyOf(linked.siteId()),
                Set.copyOf(cloud.systems().link(otherSite.id(), pbx.id()).siteId()),
                "linking again is no error");
        assertEquals(Set.of(pbx.id()), ids(SystemFilter.all().withShared(true)));

        cloud.systems().unlink(otherSite.id(), pbx.id());
        assertEquals(List.of(site.id()), cloud.systems().get(pbx.id()).siteId());
    }

    @Test
    void theLastLinkOfANonSharedSystemCannotBeRemoved() {
        CloudSystem pbx = cloud.systems().create(NewSystem.onSite(site.id(), oxe("single")));

        CloudConflictException e =
                assertThrows(CloudConflictException.class, () -> cloud.systems().unlink(site.id(), pbx.id()));
        assertEquals(409000, e.errorCode());
        assertTrue(e.getMessage().contains(pbx.id()), e.getMessage());
        assertEquals(List.of(site.id()), cloud.systems().get(pbx.id()).siteId());
    }

    @Test
    void deleteAndDeleteIfExists() {
        CloudSystem pbx = cloud.systems().create(NewSystem.onSite(site.id(), oxe("gone")));

        cloud.systems().delete(pbx.id());

        CloudNotFoundException e =
                assertThrows(CloudNotFoundException.class, () -> cloud.systems().get(pbx.id()));
        assertEquals(404000, e.errorCode());
        assertTrue(cloud.systems().find(pbx.id()).isEmpty());
        assertFalse(cloud.systems().deleteIfExists(pbx.id()));
        assertThrows(CloudNotFoundException.class, () -> cloud.systems().delete(pbx.id()));
    }

    private Set<String> ids(SystemFilter filter) {
        return cloud.systems().listAll(filter).map(CloudSystem::id).collect(Collectors.toSet());
    }
}
