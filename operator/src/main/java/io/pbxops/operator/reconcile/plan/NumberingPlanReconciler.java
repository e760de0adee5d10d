package io.pbxops.operator.reconcile.plan;

import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.pbxops.operator.api.NumberingPlan;
import io.pbxops.operator.api.NumberingPlanStatus;
import io.pbxops.operator.api.Pbx;
import io.pbxops.operator.decision.Decision;
import io.pbxops.operator.decision.NumberingPlanDecision;
import io.pbxops.operator.decision.Outcome;
import io.pbxops.operator.reconcile.ManagedReconciler;
import io.pbxops.operator.reconcile.ReconcileSupport;
import io.pbxops.operator.reconcile.ReferenceIndex;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * A NumberingPlan has no cloud object of its own: its rules reach the cloud through every Pbx that names it (the Pbx
 * reconciler watches plans). Here the plan's worked examples are evaluated and reported, with the PBXs using it.
 */
@ControllerConfiguration(name = "numberingplan")
public class NumberingPlanReconciler extends ManagedReconciler<NumberingPlan, NumberingPlanStatus> {

    static final String PBXS = "pbx-of-plan";

    /**
     * The plan each Pbx names and the one it named before: a Pbx that moves to another plan wakes both. The mapper
     * is asked more than once per event (java-operator-sdk also builds its index with it), so it answers the same
     * for the same object.
     */
    private final Map<ResourceID, PlanNames> plansOfPbx = new ConcurrentHashMap<>();

    private record PlanNames(String current, String previous) {}

    public NumberingPlanReconciler(ReconcileSupport support) {
        super(support);
    }

    @Override
    public List<EventSource<?, NumberingPlan>> prepareEventSources(EventSourceContext<NumberingPlan> context) {
        return List.of(ReferenceIndex.waking(Pbx.class, context, PBXS, this::plansOf));
    }

    /** The plan a Pbx names now and the one it named before (not every plan of the namespace: 5,000 objects). */
    private Set<ResourceID> plansOf(Pbx pbx) {
        String namespace = pbx.getMetadata().getNamespace();
        String now = pbx.getSpec() == null || pbx.getSpec().getNumberingPlanRef() == null
                ? null
                : pbx.getSpec().getNumberingPlanRef().getName();
        PlanNames names = plansOfPbx.compute(
                ResourceID.fromResource(pbx),
                (id, known) -> known == null
                        ? new PlanNames(now, null)
                        : Objects.equals(known.current(), now) ? known : new PlanNames(now, known.current()));
        Set<ResourceID> plans = new HashSet<>();
        Stream.of(names.current(), names.previous())
                .filter(Objects::nonNull)
                .forEach(name -> plans.add(new ResourceID(name, namespace)));
        return plans;
    }

    @Override
    protected NumberingPlanStatus newStatus() {
        return new NumberingPlanStatus();
    }

    @Override
    protected Outcome sync(NumberingPlan plan, Context<NumberingPlan> context) {
        int pbxCount = (int) ReferenceIndex.list(context, Pbx.class, PBXS).stream()
                .filter(pbx -> Objects.equals(
                        pbx.getMetadata().getNamespace(), plan.getMetadata().getNamespace()))
                .filter(pbx -> pbx.getSpec() != null
                        && pbx.getSpec().getNumberingPlanRef() != null
                        && plan.getMetadata()
                                .getName()
                                .equals(pbx.getSpec().getNumberingPlanRef().getName()))
                .count();
        Decision<NumberingPlanDecision.View> decision = NumberingPlanDecision.decide(plan, pbxCount);
        NumberingPlanStatus status = plan.getStatus();
        status.setPbxCount(decision.view().pbxCount());
        status.setInternalNumberLength(decision.view().internalNumberLength());
        status.setExamplesTotal(decision.view().examplesTotal());
        status.setExamplesPassed(decision.view().examplesPassed());
        return decision.outcome();
    }
}
