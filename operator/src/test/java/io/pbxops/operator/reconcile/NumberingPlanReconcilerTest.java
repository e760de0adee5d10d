package io.pbxops.operator.reconcile;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.pbxops.operator.api.Conditions;
import io.pbxops.operator.api.NumberingExample;
import io.pbxops.operator.api.NumberingPlan;
import io.pbxops.operator.api.NumberingPlanSpec;
import io.pbxops.operator.api.NumberingRule;
import io.pbxops.operator.api.Pbx;
import io.pbxops.operator.api.PbxDialing;
import io.pbxops.operator.api.PbxSpec;
import io.pbxops.operator.api.PbxType;
import io.pbxops.operator.api.LocalObjectReference;
import io.pbxops.operator.testing.TestCluster;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

class NumberingPlanReconcilerTest {

    private TestCluster cluster;
    private KubernetesClient client;
    private PbxOperator operator;

    @BeforeEach
    void start() {
        cluster = TestCluster.start();
        client = cluster.client();
        operator = new PbxOperator(client, OperatorSettings.defaults().withNamespaces(java.util.Set.of("test")), Clock.systemUTC());
        operator.start();
    }

    @AfterEach
    void stop() {
        operator.close();
        cluster.close();
    }

    @Test
    void reportsExamplesInternalLengthAndTheNumberOfPbxsUsingIt() {
        NumberingPlan plan = plan("fr", List.of(new NumberingRule("^218", "039067", null), new NumberingRule("^18$", "", null)),
                List.of(example("218123", "039067123"), example("18", null)));
        plan.getSpec().setExtensions(List.of("771", "7770", "7701"));
        client.resource(plan).create();

        await().atMost(Duration.ofSeconds(20)).ignoreExceptions().untilAsserted(() -> {
            NumberingPlan seen = client.resources(NumberingPlan.class).inNamespace("test").withName("fr").get();
            assertEquals(2, seen.getStatus().getExamplesTotal());
            assertEquals(2, seen.getStatus().getExamplesPassed());
            assertEquals(4, seen.getStatus().getInternalNumberLength());
            assertEquals(0, seen.getStatus().getPbxCount());
            assertEquals("True", condition(seen, Conditions.READY));
        });

        client.resource(pbx("lyon", "fr")).create();
        client.resource(pbx("paris", "fr")).create();
        await().atMost(Duration.ofSeconds(20)).ignoreExceptions().untilAsserted(() ->
                assertEquals(2, client.resources(NumberingPlan.class).inNamespace("test").withName("fr").get().getStatus().getPbxCount()));
    }

    @Test
    void aFailingExampleMakesThePlanInvalid() {
        client.resource(plan("broken", List.of(new NumberingRule("^218", "039067", null)), List.of(example("218123", "0000")))).create();
        await().atMost(Duration.ofSeconds(20)).ignoreExceptions().untilAsserted(() -> {
            NumberingPlan seen = client.resources(NumberingPlan.class).inNamespace("test").withName("broken").get();
            assertEquals("False", condition(seen, Conditions.READY));
            assertEquals(Conditions.Ready.INVALID_SPEC, StatusConditions.reason(seen.getStatus(), Conditions.READY).orElseThrow());
            assertEquals(0, seen.getStatus().getExamplesPassed());
        });
    }

    static String condition(NumberingPlan plan, String type) {
        return plan.getStatus() == null ? null
                : StatusConditions.find(plan.getStatus().getConditions(), type).map(c -> c.getStatus()).orElse(null);
    }

    static NumberingPlan plan(String name, List<NumberingRule> rules, List<NumberingExample> examples) {
        NumberingPlan plan = new NumberingPlan();
        plan.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace("test").build());
        NumberingPlanSpec spec = new NumberingPlanSpec();
        spec.setRules(rules);
        spec.setExamples(examples);
        plan.setSpec(spec);
        return plan;
    }

    static NumberingExample example(String dialed, String expect) {
        NumberingExample example = new NumberingExample();
        example.setDialed(dialed);
        if (expect == null) {
            example.setForbidden(true);
        } else {
            example.setExpect(expect);
        }
        return example;
    }

    static Pbx pbx(String name, String planName) {
        Pbx pbx = new Pbx();
        pbx.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace("test").build());
        PbxSpec spec = new PbxSpec();
        spec.setShared(true);
        spec.setType(PbxType.OXOConnect);
        PbxDialing dialing = new PbxDialing();
        dialing.setCountry("FRA");
        spec.setDialing(dialing);
        spec.setNumberingPlanRef(new LocalObjectReference(planName));
        pbx.setSpec(spec);
        return pbx;
    }
}
