package io.pbxops.operator.cloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pbxops.operator.cloud.model.CloudCompany;
import io.pbxops.operator.cloud.model.CloudMediaPillar;
import io.pbxops.operator.cloud.model.CloudSite;
import io.pbxops.operator.cloud.model.CloudSystem;
import io.pbxops.operator.cloud.model.CompanySettings;
import io.pbxops.operator.cloud.model.MediaPillarSettings;
import io.pbxops.operator.cloud.model.NewMediaPillar;
import io.pbxops.operator.cloud.model.NewSystem;
import io.pbxops.operator.cloud.model.PageRequest;
import io.pbxops.operator.cloud.model.PbxOpsExtension;
import io.pbxops.operator.cloud.model.SiteSettings;
import io.pbxops.operator.cloud.model.SystemSettings;
import io.pbxops.operator.cloud.support.SimulatorExtension;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The invented WebRTC gateway API (EXTENSIONS.md §1.2) against the simulator. */
class MediaPillarContractTest {

    @RegisterExtension
    static final SimulatorExtension SIM = new SimulatorExtension();

    private RainbowClient cloud;
    private CloudSite site;

    @BeforeEach
    void connect() {
        cloud = RainbowClient.create(
                SIM.clientConfig(new InMemoryCloudMetrics()), CloudCredentialsSource.of(SIM.credentials()));
        CloudCompany company = cloud.companies().create(CompanySettings.named("Acme"));
        site = cloud.sites().create(SiteSettings.active("HQ", company.id()));
    }

    @AfterEach
    void disconnect() {
        cloud.close();
    }

    private CloudSystem system(String name, boolean webRtc) {
        PbxOpsExtension extension = PbxOpsExtension.ofModel("omnipcx-enterprise");
        if (webRtc) {
            extension = extension.withWebRtc(new PbxOpsExtension.WebRtc(true, true));
        }
        return cloud.systems()
                .create(NewSystem.onSite(
                        site.id(),
                        SystemSettings.of(name, SystemSettings.TYPE_OXE, "FRA").withExtension(extension)));
    }

    private static NewMediaPillar external(String systemId, String name) {
        return new NewMediaPillar(
                systemId,
                CloudExtensions.MP_TYPE_EXTERNAL,
                MediaPillarSettings.none().withName(name).withAddress("10.1.0.80", 30));
    }

    @Test
    void gatewayLifecycle() {
        CloudSystem pbx = system("gw-host", true);

        CloudMediaPillar created = cloud.mediaPillars().create(external(pbx.id(), "acme-gw"));

        assertNotNull(created.id());
        assertEquals(pbx.id(), created.systemId());
        assertEquals(30, created.voiceChannels());
        assertEquals(created.id(), cloud.mediaPillars().get(created.id()).id());
        assertTrue(cloud.systems().get(pbx.id()).hasMediaPillar());

        CloudMediaPillar maintenance = cloud.mediaPillars()
                .update(created.id(), MediaPillarSettings.none().withMaintenance(true));
        assertEquals("maintenance", maintenance.state());
        assertEquals("acme-gw", maintenance.name(), "a partial update keeps the other fields");

        cloud.mediaPillars().delete(created.id());
        assertFalse(cloud.mediaPillars().deleteIfExists(created.id()));
        CloudNotFoundException gone = assertThrows(
                CloudNotFoundException.class, () -> cloud.mediaPillars().get(created.id()));
        assertEquals(404030, gone.errorCode());
        assertFalse(cloud.systems().get(pbx.id()).hasMediaPillar());
    }

    @Test
    void aSystemWithoutWebRtcGetsNoGateway() {
        CloudSystem pbx = system("no-webrtc", false);

        CloudForbiddenException e = assertThrows(
                CloudForbiddenException.class, () -> cloud.mediaPillars().create(external(pbx.id(), "gw")));
        assertEquals(403040, e.errorCode(), "the cloud's code: WebRTC not activated on the system");
    }

    @Test
    void anInternalGatewayNeedsOxoConnectEvolution() {
        CloudSystem pbx = system("oxe-internal", true);

        CloudForbiddenException e = assertThrows(
                CloudForbiddenException.class,
                () -> cloud.mediaPillars()
                        .create(new NewMediaPillar(pbx.id(), CloudExtensions.MP_TYPE_INTERNAL, null)));
        assertEquals(403041, e.errorCode(), "the cloud's code: an internal gateway needs an OXO Connect Evolution");
    }

    @Test
    void anExternalGatewayNeedsAddressAndChannels() {
        CloudSystem pbx = system("ext-invalid", true);

        CloudInvalidRequestException e = assertThrows(
                CloudInvalidRequestException.class,
                () -> cloud.mediaPillars()
                        .create(new NewMediaPillar(pbx.id(), CloudExtensions.MP_TYPE_EXTERNAL, null)));
        assertEquals(400000, e.errorCode());
    }

    @Test
    void aSystemWithAGatewayCannotBeDeleted() {
        CloudSystem pbx = system("guarded", true);
        CloudMediaPillar gateway = cloud.mediaPillars().create(external(pbx.id(), "gw"));

        CloudForbiddenException e = assertThrows(
                CloudForbiddenException.class, () -> cloud.systems().delete(pbx.id()));
        assertEquals(403030, e.errorCode());
        assertTrue(e.getMessage().contains(pbx.id()), e.getMessage());

        cloud.mediaPillars().delete(gateway.id());
        assertTrue(cloud.systems().deleteIfExists(pbx.id()));
    }

    @Test
    void listBySystemAndAllWithPaging() {
        CloudSystem one = system("one", true);
        CloudSystem two = system("two", true);
        CloudMediaPillar a = cloud.mediaPillars().create(external(one.id(), "a"));
        CloudMediaPillar b = cloud.mediaPillars().create(external(one.id(), "b"));
        CloudMediaPillar c = cloud.mediaPillars()
                .create(new NewMediaPillar(
                        two.id(),
                        CloudExtensions.MP_TYPE_CLOUD,
                        MediaPillarSettings.none().withName("c")));

        assertEquals(
                Set.of(a.id(), b.id()),
                cloud.mediaPillars().listAll(one.id()).map(CloudMediaPillar::id).collect(Collectors.toSet()));
        assertEquals(
                Set.of(a.id(), b.id(), c.id()),
                cloud.mediaPillars().listAll(null).map(CloudMediaPillar::id).collect(Collectors.toSet()));
        assertEquals(
                1,
                cloud.mediaPillars()
                        .list(null, PageRequest.first(2).next(2))
                        .data()
                        .size());
        assertEquals(3, cloud.mediaPillars().list(null, PageRequest.first(1)).total());
    }
}
