package io.pbxops.operator.gitops;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.pbxops.operator.api.Annotations;
import io.pbxops.operator.api.Company;
import io.pbxops.operator.api.Pbx;
import io.pbxops.operator.decision.Claim;
import io.pbxops.operator.decision.ClaimRule;
import io.pbxops.operator.mapping.CompanyMapping;
import io.pbxops.operator.mapping.SystemMapping;
import io.pbxops.operator.validation.DeclaredFleet;
import io.pbxops.operator.validation.FleetView;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Who would hold a cloud object among the manifests of a plan: objects of several namespaces that claim one cloud
 * object (by the same external-id annotation, the same company name, fleet equipment ID or shared PBX name) are
 * resolved by the operator's own rule, the first in the manifests standing for the oldest. A plan reads no cluster:
 * claims already recorded there are beyond it (its "cannot know offline" says so).
 */
final class ManifestClaims {

    private final Map<String, List<ClaimRule.Claimant>> byKey = new HashMap<>();
    private final Map<String, ClaimRule.Claimant> claimants = new HashMap<>();
    private final Map<String, List<String>> keysOf = new HashMap<>();

    ManifestClaims(DeclaredFleet fleet) {
        int position = 0;
        for (HasMetadata object : fleet.all()) {
            List<String> keys = keys(object);
            if (keys.isEmpty()) {
                continue;
            }
            String reference = reference(object);
            ClaimRule.Claimant claimant = new ClaimRule.Claimant(reference, false, null, "%08d".formatted(position++));
            claimants.put(reference, claimant);
            keysOf.put(reference, keys);
            keys.forEach(
                    key -> byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(claimant));
        }
    }

    Claim of(HasMetadata object) {
        String reference = reference(object);
        ClaimRule.Claimant self = claimants.get(reference);
        if (self == null) {
            return Claim.FREE;
        }
        List<ClaimRule.Claimant> others = new ArrayList<>();
        keysOf.get(reference).forEach(key -> others.addAll(byKey.get(key)));
        return ClaimRule.holder(self, others);
    }

    private static List<String> keys(HasMetadata object) {
        List<String> keys = new ArrayList<>();
        String annotated = Annotations.externalId(object);
        if (annotated != null) {
            keys.add(object.getKind() + " id:" + annotated);
        }
        if (object instanceof Company company) {
            keys.add("company:" + CompanyMapping.cloudName(company));
        } else if (object instanceof Pbx pbx && pbx.getSpec().fleetEquipmentId() != null) {
            keys.add("fleet:" + pbx.getSpec().fleetEquipmentId());
        } else if (object instanceof Pbx pbx && pbx.getSpec().isSharedPbx()) {
            keys.add("shared:" + SystemMapping.serverName(pbx));
        }
        return keys;
    }

    private static String reference(HasMetadata object) {
        return object.getKind() + " " + FleetView.namespaceOf(object) + "/"
                + object.getMetadata().getName();
    }
}
