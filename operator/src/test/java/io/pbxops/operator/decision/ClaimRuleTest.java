package io.pbxops.operator.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Who holds a cloud object among its claimants: a recorded claim holds, else the oldest object. */
class ClaimRuleTest {

    private static final Instant OLD = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant NEW = Instant.parse("2026-06-01T00:00:00Z");

    record Row(ClaimRule.Claimant self, List<ClaimRule.Claimant> others, String holder) {}

    static Stream<Arguments> claims() {
        return Stream.of(
                Arguments.of(
                        "alone, an object holds what it claims",
                        new Row(claimant("Pbx b/x", false, NEW), List.of(), null)),
                Arguments.of(
                        "the object that recorded the cloud object holds it, however new",
                        new Row(claimant("Pbx b/x", false, OLD), List.of(claimant("Pbx a/x", true, NEW)), "Pbx a/x")),
                Arguments.of(
                        "a recorded claim is kept against an older newcomer",
                        new Row(claimant("Pbx a/x", true, NEW), List.of(claimant("Pbx b/x", false, OLD)), null)),
                Arguments.of(
                        "when nobody recorded it, the oldest object holds it",
                        new Row(
                                claimant("Company b/acme", false, NEW),
                                List.of(claimant("Company a/acme", false, OLD)),
                                "Company a/acme")),
                Arguments.of(
                        "the oldest claimant is not held by a newer one",
                        new Row(
                                claimant("Company a/acme", false, OLD),
                                List.of(claimant("Company b/acme", false, NEW)),
                                null)),
                Arguments.of(
                        "two recorded claims (an old double adoption): the oldest keeps it",
                        new Row(claimant("Pbx b/x", true, NEW), List.of(claimant("Pbx a/x", true, OLD)), "Pbx a/x")),
                Arguments.of(
                        "an object is never its own rival",
                        new Row(claimant("Pbx a/x", false, NEW), List.of(claimant("Pbx a/x", false, NEW)), null)),
                Arguments.of(
                        "created in the same second: the name decides, always the same way",
                        new Row(
                                claimant("Company b/acme", false, OLD),
                                List.of(claimant("Company a/acme", false, OLD)),
                                "Company a/acme")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void claims(String name, Row row) {
        Claim claim = ClaimRule.holder(row.self(), row.others());
        assertEquals(row.holder(), claim.holder());
    }

    private static ClaimRule.Claimant claimant(String reference, boolean recorded, Instant created) {
        return new ClaimRule.Claimant(reference, recorded, created, reference.substring(reference.indexOf(' ') + 1));
    }
}
