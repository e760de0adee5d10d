package io.pbxops.operator.reconcile.plan;

import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.pbxops.operator.api.NumberingExample;
import io.pbxops.operator.api.NumberingPlan;
import io.pbxops.operator.api.NumberingPlanSpec;
import io.pbxops.operator.api.NumberingPlanStatus;
import io.pbxops.operator.api.Pbx;
import io.pbxops.operator.reconcile.ManagedReconciler;
import io.pbxops.operator.reconcile.Outcome;
import io.pbxops.operator.reconcile.ReconcileSupport;
import io.pbxops.operator.reconcile.ReferenceIndex;
import io.pbxops.operator.validation.NumberingPlanEvaluator;
import io.pbxops.operator.validation.ObjectValidator;
import io.pbxops.operator.validation.Problem;
import java.util.ArrayList;
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
        NumberingPlanSpec spec = Objects.requireNonNullElseGet(plan.getSpec(), NumberingPlanSpec::new);
        NumberingPlanStatus status = plan.getStatus();
        status.setPbxCount((int) ReferenceIndex.list(context, Pbx.class, PBXS).stream()
                .filter(pbx -> Objects.equals(
                        pbx.getMetadata().getNamespace(), plan.getMetadata().getNamespace()))
                .filter(pbx -> pbx.getSpec() != null
                        && pbx.getSpec().getNumberingPlanRef() != null
                        && plan.getMetadata()
                                .getName()
                                .equals(pbx.getSpec().getNumberingPlanRef().getName()))
                .count());
        status.setInternalNumberLength(NumberingPlanEvaluator.internalNumberLength(spec.getExtensions()));
        List<Problem> compileProblems = new ArrayList<>();
        NumberingPlanEvaluator evaluator =
                NumberingPlanEvaluator.compile(spec.getRules(), "spec.rules", compileProblems);
        int passed = 0;
        for (NumberingExample example : spec.getExamples()) {
            if (example.getDialed() != null
                    && evaluator.checkExample(example, spec.getRules()).isEmpty()) {
                passed++;
            }
        }
        status.setExamplesTotal(spec.getExamples().size());
        status.setExamplesPassed(passed);
        List<Problem> problems = ObjectValidator.get().validate(plan);
        if (!problems.isEmpty()) {
            return Outcome.invalid(
                    problems.size() == 1
                            ? problems.get(0).toString()
                            : problems.get(0) + " (and " + (problems.size() - 1)
                                    + " more problems; run pbx-operator validate)");
        }
        return Outcome.available(spec.getRules().size() + " rules; " + passed + " of "
                + spec.getExamples().size() + " worked examples pass; used by " + status.getPbxCount() + " PBXs");
    }
}
