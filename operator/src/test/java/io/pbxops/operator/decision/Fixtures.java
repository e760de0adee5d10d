package io.pbxops.operator.decision;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.pbxops.operator.cloud.CloudJson;
import io.pbxops.operator.mapping.FieldChange;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Inputs for the decision tables: objects as their YAML, cloud objects as the cloud's JSON, and each step in a few
 * words, so that a row reads as what it means.
 */
final class Fixtures {

    static final Duration PENDING = Duration.ofSeconds(10);
    static final Duration BLOCKED = Duration.ofMinutes(5);
    static final DecisionContext CONTEXT = DecisionContext.of(PENDING, BLOCKED);
    static final DecisionContext HELD = CONTEXT.withClaim(Claim.heldBy("Pbx other/acme-oxe1"));
    /** A cloud that does not serve the (invented) gateway administration. */
    static final DecisionContext NO_GATEWAYS = CONTEXT.withCapabilities(new Capabilities(false));

    private Fixtures() {}

    static <T> T yaml(Class<T> type, String yaml) {
        return Serialization.unmarshal(yaml, type);
    }

    static <T> T json(Class<T> type, String json) {
        try {
            return CloudJson.newMapper().readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a " + type.getSimpleName() + ": " + json, e);
        }
    }

    /** Each step in a few words: its kind and what it acts on. */
    static List<String> brief(List<Step> steps) {
        return steps.stream().map(Fixtures::brief).toList();
    }

    static String brief(Step step) {
        if (step instanceof Step.UpdateCompany u) {
            return "UpdateCompany(" + fields(u.changes().fields()) + ")";
        }
        if (step instanceof Step.UpdateSite u) {
            return "UpdateSite(" + fields(u.changes().fields()) + ")";
        }
        if (step instanceof Step.UpdateSystem u) {
            return "UpdateSystem(" + fields(u.changes().fields()) + ")";
        }
        if (step instanceof Step.UpdateGateway u) {
            return "UpdateGateway(" + fields(u.changes().fields()) + ")";
        }
        if (step instanceof Step.Link l) {
            return "Link(" + l.systemId() + "→" + l.siteId() + ")";
        }
        if (step instanceof Step.Unlink u) {
            return "Unlink(" + u.systemId() + "→" + u.siteId() + ")";
        }
        if (step instanceof Step.Reset r) {
            return "Reset(" + r.systemId() + "," + r.token() + ")";
        }
        if (step instanceof Step.ConfirmReset c) {
            return "ConfirmReset(" + c.token() + ")";
        }
        if (step instanceof Step.Adopt a) {
            return "Adopt(" + a.ref() + (a.staleId() == null ? "" : ", stale " + a.staleId()) + ")";
        }
        if (step instanceof Step.PublishActivation p) {
            return p.withCreateOrReset() ? "PublishActivation(with create or reset)" : "PublishActivation";
        }
        if (step instanceof Step.ConfigurePbx c) {
            return "ConfigurePbx(" + String.join("; ", c.changes()) + (c.enterCode() ? "" : "; code kept")
                    + (c.unread() ? "; not read first" : "") + ")";
        }
        if (step instanceof Step.Wait w) {
            return "Wait(" + w.reason() + ")";
        }
        if (step instanceof Step.CreateSystem c) {
            return "CreateSystem(" + c.where() + (c.fleetIds() ? ", fleet IDs" : "") + ")";
        }
        if (step instanceof Step.CreateGateway c) {
            return "CreateGateway(" + c.gateway().type() + " on " + c.on() + ")";
        }
        if (step instanceof Step.DeleteGateway d) {
            return "DeleteGateway(" + d.gatewayId() + ")";
        }
        if (step instanceof Step.DeleteSystem d) {
            return "DeleteSystem(" + d.systemId() + ")";
        }
        if (step instanceof Step.DeleteSite d) {
            return "DeleteSite(" + d.siteId() + ")";
        }
        if (step instanceof Step.DeleteCompany d) {
            return "DeleteCompany(" + d.companyId() + ")";
        }
        if (step instanceof Step.Unsupported u) {
            return "Unsupported(" + u.feature() + ")";
        }
        return step.getClass().getSimpleName();
    }

    private static String fields(List<FieldChange> changes) {
        return changes.stream().map(FieldChange::field).collect(Collectors.joining(", "));
    }
}
