package io.pbxops.operator.reconcile;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Secret;
import io.pbxops.operator.api.Company;
import io.pbxops.operator.api.Conditions;
import io.pbxops.operator.api.ConnectionState;
import io.pbxops.operator.api.Pbx;
import io.pbxops.operator.testing.FleetHarness;
import io.pbxops.simulator.O2gHostSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** The lifecycles of one PBX, against the simulated cloud and PBX over loopback. */
class PbxLifecycleTest {

    static final String ACME = """
            apiVersion: v1
            kind: Secret
            metadata: {name: acme-o2g}
            stringData: {username: o2g-admin, password: o2g-secret}
            ---
            apiVersion: pbxops.io/v1alpha1
            kind: Company
            metadata: {name: acme}
            spec: {displayName: ACME Industries, country: FRA}
            """;

    static final String ACME_OXE = """
            apiVersion: pbxops.io/v1alpha1
            kind: Pbx
            metadata: {name: acme-oxe1}
            spec:
              companyRef: {name: acme}
              serverName: ACME-OXE-1
              type: OmniPCXEnterprise
              dialing: {country: FRA, nationalPrefix: "0", internationalPrefix: "00", outboundPrefix: "0", useOutboundPrefix: true}
              network:
                dns: {primary: 10.20.0.53}
              endpoint:
                url: https://o2g.acme.example
                nodeId: "1"
                credentialsSecretRef: {name: acme-o2g}
            """;

    private FleetHarness fleet;

    @BeforeEach
    void start() {
        fleet = FleetHarness.start();
    }

    @AfterEach
    void stop() {
        fleet.close();
    }

    @Test
    void omniPcxWithAManagedEndpointReachesRunning() {
        fleet.simulator().control().putO2gHost(new O2gHostSpec("o2g.acme.example", "o2g-admin", "o2g-secret",
                List.of(new O2gHostSpec.Node("1", "oxe1.acme.example"))));
        fleet.apply(ACME);
        fleet.apply(ACME_OXE);

        Company company = fleet.awaitReady(Company.class, "acme");
        assertNotNull(company.getStatus().getCompanyId());
        Pbx pbx = fleet.awaitReady(Pbx.class, "acme-oxe1");
        assertEquals(ConnectionState.Running, pbx.getStatus().getConnection());
        assertEquals("activated", pbx.getStatus().getCloudStatus());
        assertEquals(1, pbx.getStatus().getCompanies());
        Secret activation = fleet.get(Secret.class, "acme-oxe1-activation");
        assertNotNull(activation, "the activation Secret");

        JsonNode system = systemNamed("ACME-OXE-1");
        assertEquals("activated", system.path("status").asText());
        assertEquals(pbx.getStatus().getEquipmentId(), system.path("pbxId").asText());
        assertEquals("True", StatusConditions.find(pbx.getStatus().getConditions(), Conditions.CONNECTED).orElseThrow().getStatus());
    }

    JsonNode systemNamed(String name) {
        for (JsonNode system : fleet.simulator().control().state().path("systems")) {
            if (name.equals(system.path("name").asText())) {
                return system;
            }
        }
        throw new AssertionError("no system named " + name + " in " + fleet.simulator().control().state().path("systems"));
    }
}
