package io.pbxops.operator.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** What "converged" means for up --once, and how the fleet is shown. */
class FleetSnapshotTest {

    static FleetRow row(String kind, String name, String ready, FleetRow.Hold hold, boolean settled) {
        return new FleetRow(
                kind, "default", name, kind.equals("Pbx") ? "Running" : "-", ready, "Available", "fine", hold, settled);
    }

    @Test
    void convergedMeansEveryObjectReadyOrHeldAsItsSpecAsks() {
        FleetRow company = row("Company", "acme", "True", FleetRow.Hold.NONE, true);
        FleetRow waitingOxo = row("Pbx", "umbrella-oxo", "False", FleetRow.Hold.AWAITING_INSTALLER, true);
        FleetRow gatewayInMaintenance = row("WebRtcGateway", "gw", "False", FleetRow.Hold.MAINTENANCE, true);
        assertTrue(new FleetSnapshot(List.of(company, waitingOxo, gatewayInMaintenance)).converged());

        assertFalse(
                new FleetSnapshot(List.of(company, row("Pbx", "acme-oxe1", "False", FleetRow.Hold.NONE, true)))
                        .converged(),
                "a Pbx still connecting");
        assertFalse(
                new FleetSnapshot(List.of(row("Company", "acme", "True", FleetRow.Hold.NONE, false))).converged(),
                "Ready for an older generation, or being deleted");
        assertFalse(
                new FleetSnapshot(List.of(row("Company", "acme", "Unknown", FleetRow.Hold.NONE, false))).converged());
        assertFalse(new FleetSnapshot(List.of()).converged(), "an empty fleet has nothing to show");
    }

    @Test
    void activationCodesAndEquipmentIdsNeverReachTheScreen() {
        Set<String> secrets = new TreeSet<>(List.of("ALE12-1234.5678.90", "4711"));
        assertEquals(
                "fleet PBX " + FleetStatus.MASK + ": connects by itself; code " + FleetStatus.MASK,
                FleetStatus.masked("fleet PBX ALE12-1234.5678.90: connects by itself; code 4711", secrets));
    }

    @Test
    void plainLinesOnlyWhenSomethingChanged() {
        StringWriter text = new StringWriter();
        PlainDisplay display = new PlainDisplay(new PrintWriter(text, true), () -> Duration.ofMillis(1500));
        FleetSnapshot pending = new FleetSnapshot(List.of(row("Company", "acme", "False", FleetRow.Hold.NONE, true)));
        display.show(pending, "converging");
        display.show(pending, "converging");
        display.show(new FleetSnapshot(List.of(row("Company", "acme", "True", FleetRow.Hold.NONE, true))), "converged");
        display.show(new FleetSnapshot(List.of()), "converging");
        List<String> lines = text.toString().lines().toList();
        assertEquals(
                List.of(
                        "[ 1.5 s] Company/acme  Ready=False  Available: fine",
                        "[ 1.5 s] converging",
                        "[ 1.5 s] Company/acme  Ready=True  Available: fine",
                        "[ 1.5 s] converged",
                        "[ 1.5 s] Company/acme  deleted",
                        "[ 1.5 s] converging"),
                lines);
    }

    @Test
    void theTableAlignsItsColumnsAndCutsLongLines() {
        FleetSnapshot snapshot = new FleetSnapshot(List.of(
                row("Company", "acme", "True", FleetRow.Hold.NONE, true),
                row("Pbx", "umbrella-oxo", "False", FleetRow.Hold.AWAITING_INSTALLER, true)));
        List<String> lines = FleetTable.render(snapshot, 64);
        assertEquals("KIND     NAME          CONNECTION  READY              MESSAGE", lines.get(0));
        assertEquals("Pbx      umbrella-oxo  Running     False (installer)  Available…", lines.get(2));
    }

    @Test
    void theHeaderTellsHowLongConvergenceTookOnceItHas() {
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        AtomicReference<Instant> now = new AtomicReference<>(start.plusSeconds(5));
        Clock clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
        StartupTimeline timeline = new StartupTimeline(clock, start);
        ConvergenceWatch watch = new ConvergenceWatch(null, null, timeline);
        FleetRow ready = row("Company", "acme", "True", FleetRow.Hold.NONE, true);
        FleetRow connecting = row("Pbx", "acme-oxe1", "False", FleetRow.Hold.NONE, true);
        assertEquals(
                "pbx-operator up: converging, 1/2 objects settled",
                watch.headline(new FleetSnapshot(List.of(ready, connecting))));
        now.set(start.plusMillis(9100));
        timeline.mark(StartupTimeline.CONVERGED);
        now.set(start.plusSeconds(46));
        assertEquals(
                "pbx-operator up: converged in 9.1 s, 2/2 objects settled",
                watch.headline(new FleetSnapshot(List.of(ready, ready))),
                "the time it took, not the time since the start");
        assertEquals(
                "pbx-operator up: converging, 1/2 objects settled (first converged in 9.1 s)",
                watch.headline(new FleetSnapshot(List.of(ready, connecting))));
    }
}
