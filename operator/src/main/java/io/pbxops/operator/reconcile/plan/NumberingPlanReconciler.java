package io.pbxops.operator.reconcile.plan;

import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
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
import java.util.List;
import java.util.Objects;

/**
 * A NumberingPlan has no cloud object of its own: its rules reach the cloud through every Pbx that names it (the Pbx
 * reconciler watches plans). Here the plan's worked examples are evaluated and reported, with the PBXs using it.
 */
@ControllerConfiguration(name = "numberingplan")
public class NumberingPlanReconciler extends ManagedReconciler<NumberingPlan, NumberingPlanStatus> {

    static final String PBXS = "pbx-of-plan";

    public NumberingPlanReconciler(ReconcileSupport support) {
        super(support);
    }

    @Override
    public List<EventSource<?, NumberingPlan>> prepareEventSources(EventSourceContext<NumberingPlan> context) {
        // A Pbx may stop naming one plan for another: recount every plan of its namespace.
        return List.of(
                ReferenceIndex.waking(Pbx.class, context, PBXS, pbx -> ReferenceIndex.allInNamespace(context, pbx)));
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
