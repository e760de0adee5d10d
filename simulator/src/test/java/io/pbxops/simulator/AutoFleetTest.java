package io.pbxops.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pbxops.simulator.support.SimulatorTest;
import org.junit.jupiter.api.Test;

class AutoFleetTest extends SimulatorTest {

    @Override
    protected SimulatorConfig config() {
        return super.config().withAutoFleet(true);
    }

    @Test
    void aFleetDeclarationStandsUpItsStockOxoWhichActivatesTheSystem() {
        String site = createSite(createCompany("ACME"), "HQ");
        String id = createSystem(system("OXO", "oxo", site)
                        .put("pbxId", "ALE12-1234.5678.90")
                        .put("activationCode", "ALE12-1234.5678.90"))
                .get("id")
                .asText();

        awaitSystemStatus(id, "activated");
        assertEquals(
                "ALE12-1234.5678.90",
                sim.control().state().at("/oxoAgents/0/serial").asText());
    }

    @Test
    void aGeneratedDeclarationGetsNoOxo() {
        String site = createSite(createCompany("ACME"), "HQ");
        createSystem(system("OXO", "oxo", site));
        createSystem(
                system("OXO", "oxo", site).put("pbxId", "ALE12-1234.5678.91").put("activationCode", "1234"));

        assertEquals(
                0, sim.control().state().get("oxoAgents").size(), "systems are created synchronously with their hook");
        assertEquals(
                "created",
                ok(cloud.get(ADMIN + "/systems/pbxid/ALE12-1234.5678.91"))
                        .get("status")
                        .asText());
    }
}
