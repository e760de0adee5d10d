package io.pbxops.operator.decision;

import static io.pbxops.operator.decision.Fixtures.BLOCKED;
import static io.pbxops.operator.decision.Fixtures.CONTEXT;
import static io.pbxops.operator.decision.Fixtures.HELD;
import static io.pbxops.operator.decision.Fixtures.PENDING;
import static io.pbxops.operator.decision.Fixtures.brief;
import static io.pbxops.operator.decision.Fixtures.json;
import static io.pbxops.operator.decision.Fixtures.yaml;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pbxops.operator.api.Company;
import io.pbxops.operator.cloud.model.CloudCompany;
import io.pbxops.operator.cloud.model.CloudSite;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The Company's decision, branch by branch: one row per case of the domain, no cluster, no HTTP. */
class CompanyDecisionTest {

    private static final Company ACME = company("""
            metadata: {name: acme}
            spec: {displayName: ACME Industries, country: FRA, siteName: ACME HQ}
            """);
    private static final Company ACME_ANNOTATED = company("""
            metadata: {name: acme, annotations: {pbxops.io/external-id: c1}}
            spec: {displayName: ACME Industries, country: FRA, siteName: ACME HQ}
            """);
    private static final Company ACME_STALE = company("""
            metadata: {name: acme, annotations: {pbxops.io/external-id: gone}}
            spec: {displayName: ACME Industries, country: FRA, siteName: ACME HQ}
            """);
    private static final Company ACME_DELETE = company("""
            metadata: {name: acme, annotations: {pbxops.io/external-id: c1}}
            spec: {displayName: ACME Industries, country: FRA, siteName: ACME HQ, deletionPolicy: Delete}
            """);
    private static final Company ACME_DELETE_PAUSED = company("""
            metadata: {name: acme, annotations: {pbxops.io/external-id: c1, pbxops.io/paused: "true"}}
            spec: {displayName: ACME Industries, country: FRA, siteName: ACME HQ, deletionPolicy: Delete}
            """);

    private static final CloudCompany IN_CLOUD = json(
            CloudCompany.class,
            "{\"id\":\"c1\",\"name\":\"ACME Industries\",\"country\":\"FRA\",\"status\":\"active\"}");
    private static final CloudCompany IN_GERMANY = json(
            CloudCompany.class,
            "{\"id\":\"c1\",\"name\":\"ACME Industries\",\"country\":\"DEU\",\"status\":\"active\"}");
    private static final CloudSite SITE =
            json(CloudSite.class, "{\"id\":\"s1\",\"name\":\"ACME HQ\",\"companyId\":\"c1\",\"status\":\"active\"}");
    private static final CloudSite SITE_RENAMED =
            json(CloudSite.class, "{\"id\":\"s1\",\"name\":\"ACME Paris\",\"companyId\":\"c1\",\"status\":\"active\"}");

    /** A row: the inputs, then the steps and the Ready condition they must give. */
    record Row(
            Company company,
            List<String> dependents,
            Observed<CloudCompany> observed,
            CloudSite site,
            boolean siteMayBeRenamed,
            DecisionContext context,
            List<String> steps,
            boolean ready,
            String reason) {}

    static Stream<Arguments> sync() {
        return Stream.of(
                row(
                        "a new company is created with its site",
                        new Row(
                                ACME,
                                List.of(),
                                Observed.absent(),
                                null,
                                false,
                                CONTEXT,
                                List.of("CreateCompany", "CreateSite"),
                                false,
                                "Creating")),
                row(
                        "a company found by its exact name is adopted, not created again",
                        new Row(
                                ACME,
                                List.of(),
                                Observed.of(IN_CLOUD),
                                SITE,
                                false,
                                CONTEXT,
                                List.of("Adopt(company c1)"),
                                true,
                                "Available")),
                row(
                        "an adopted company that matches the spec needs nothing",
                        new Row(
                                ACME_ANNOTATED,
                                List.of("acme-oxe1"),
                                Observed.of(IN_CLOUD),
                                SITE,
                                false,
                                CONTEXT,
                                List.of(),
                                true,
                                "Available")),
                row(
                        "a changed country is one update of that field",
                        new Row(
                                ACME_ANNOTATED,
                                List.of(),
                                Observed.of(IN_GERMANY),
                                SITE,
                                false,
                                CONTEXT,
                                List.of("UpdateCompany(country)"),
                                true,
                                "Available")),
                row(
                        "a missing site is created under the existing company",
                        new Row(
                                ACME_ANNOTATED,
                                List.of(),
                                Observed.of(IN_CLOUD),
                                null,
                                false,
                                CONTEXT,
                                List.of("CreateSite"),
                                false,
                                "Creating")),
                row(
                        "a plan that cannot see the status says the operator may rename a site instead",
                        new Row(
                                ACME_ANNOTATED,
                                List.of(),
                                Observed.of(IN_CLOUD),
                                null,
                                true,
                                CONTEXT,
                                List.of("CreateSite", "Unknown"),
                                false,
                                "Creating")),
                row(
                        "a renamed site gets its name back",
                        new Row(
                                ACME_ANNOTATED,
                                List.of(),
                                Observed.of(IN_CLOUD),
                                SITE_RENAMED,
                                false,
                                CONTEXT,
                                List.of("UpdateSite(name)"),
                                true,
                                "Available")),
                row(
                        "an annotated ID that names nothing: the company found by name is adopted, the stale ID said",
                        new Row(
                                ACME_STALE,
                                List.of(),
                                new Observed<>(Optional.of(IN_CLOUD), "gone"),
                                SITE,
                                false,
                                CONTEXT,
                                List.of("Adopt(company c1, stale gone)"),
                                true,
                                "Available")),
                row(
                        "a company another object holds is a Conflict that writes nothing",
                        new Row(
                                ACME,
                                List.of(),
                                Observed.of(IN_GERMANY),
                                SITE,
                                false,
                                HELD,
                                List.of("Wait(Conflict)"),
                                false,
                                "Conflict")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void sync(String name, Row row) {
        Decision<CompanyDecision.View> decision = CompanyDecision.decide(
                new CompanyDecision.Desired(row.company(), row.dependents()),
                new CompanyDecision.Observation(
                        row.observed(), Optional.ofNullable(row.site()), row.siteMayBeRenamed()),
                row.context());
        assertAll(
                () -> assertEquals(row.steps(), brief(decision.steps())),
                () -> assertEquals(row.ready(), decision.outcome().ready()),
                () -> assertEquals(row.reason(), decision.outcome().readyReason()),
                () -> assertEquals(row.dependents().size(), decision.view().pbxCount()));
    }

    record DeletionRow(
            Company company,
            List<String> dependents,
            CloudCompany observed,
            CloudSite site,
            int linkedSystems,
            DecisionContext context,
            List<String> steps,
            Duration recheck) {}

    static Stream<Arguments> deletion() {
        return Stream.of(
                row(
                        "by default a company is left in the cloud",
                        new DeletionRow(
                                ACME_ANNOTATED, List.of(), IN_CLOUD, SITE, 0, CONTEXT, List.of("Orphan"), null)),
                row(
                        "a paused company is left in the cloud, whatever its policy",
                        new DeletionRow(
                                ACME_DELETE_PAUSED, List.of(), IN_CLOUD, SITE, 0, CONTEXT, List.of("Orphan"), null)),
                row(
                        "a company waits for its PBXs to be removed first",
                        new DeletionRow(
                                ACME_DELETE,
                                List.of("acme-oxe1", "oxo90"),
                                null,
                                null,
                                0,
                                CONTEXT,
                                List.of("Wait(DeletionWaiting)"),
                                PENDING)),
                row(
                        "a company that is not in the cloud deletes nothing",
                        new DeletionRow(ACME_DELETE, List.of(), null, null, 0, CONTEXT, List.of(), null)),
                row(
                        "a site with systems still linked blocks the deletion until a person acts",
                        new DeletionRow(
                                ACME_DELETE,
                                List.of(),
                                IN_CLOUD,
                                SITE,
                                2,
                                CONTEXT,
                                List.of("Wait(DeletionBlocked)"),
                                BLOCKED)),
                row(
                        "with nothing linked, the site goes, then the company",
                        new DeletionRow(
                                ACME_DELETE,
                                List.of(),
                                IN_CLOUD,
                                SITE,
                                0,
                                CONTEXT,
                                List.of("DeleteSite(s1)", "DeleteCompany(c1)"),
                                null)),
                row(
                        "a company without a site is deleted alone",
                        new DeletionRow(
                                ACME_DELETE,
                                List.of(),
                                IN_CLOUD,
                                null,
                                0,
                                CONTEXT,
                                List.of("DeleteCompany(c1)"),
                                null)),
                row(
                        "a company another object holds deletes nothing",
                        new DeletionRow(ACME_DELETE, List.of(), IN_CLOUD, SITE, 0, HELD, List.of(), null)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void deletion(String name, DeletionRow row) {
        Decision<CompanyDecision.View> decision = CompanyDecision.decideDeletion(
                new CompanyDecision.Desired(row.company(), row.dependents()),
                new CompanyDecision.DeletionObservation(
                        Optional.ofNullable(row.observed()), Optional.ofNullable(row.site()), row.linkedSystems()),
                row.context());
        assertAll(
                () -> assertEquals(row.steps(), brief(decision.steps())),
                () -> assertEquals(false, decision.outcome().ready()),
                () -> assertEquals("Deleting", decision.outcome().readyReason()),
                () -> assertEquals(row.recheck(), decision.outcome().recheckAfter()),
                () -> assertTrue(decision.outcome().readyMessage() != null
                        && !decision.outcome().readyMessage().isBlank()));
    }

    static Arguments row(String name, Object row) {
        return Arguments.of(name, row);
    }

    private static Company company(String yaml) {
        return yaml(Company.class, "apiVersion: pbxops.io/v1alpha1\nkind: Company\n" + yaml);
    }
}
