package io.pbxops.operator.validation;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.fabric8.kubernetes.client.CustomResource;
import io.pbxops.operator.api.Company;
import io.pbxops.operator.api.NumberingPlan;
import io.pbxops.operator.api.Pbx;
import io.pbxops.operator.api.PbxShare;
import io.pbxops.operator.api.WebRtcGateway;
import io.pbxops.operator.crd.PbxOpsKinds;
import io.pbxops.operator.manifest.Manifest;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Validates a set of manifests as a pull request holds them: each pbxops object by itself, then the fleet they form.
 * Objects of other kinds (Secrets, ConfigMaps, ...) are counted and skipped. Never contacts a cluster or a cloud.
 */
public final class ManifestSetValidator {

    private static final ObjectMapper LENIENT = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL)
            .build();

    /** One problem, where it stands. */
    public record Finding(Manifest manifest, int line, Problem problem) {
    }

    public record Report(List<Finding> findings, int objects, int skipped) {

        public boolean valid() {
            return findings.isEmpty();
        }

        public long objectsWithProblems() {
            return findings.stream().map(Finding::manifest).distinct().count();
        }
    }

    private ManifestSetValidator() {
    }

    public static Report validate(List<Manifest> manifests) {
        ObjectValidator objectValidator = ObjectValidator.get();
        List<Finding> findings = new ArrayList<>();
        Map<Object, Manifest> manifestOf = new IdentityHashMap<>();
        ManifestFleet fleet = new ManifestFleet();
        Map<String, Manifest> seen = new HashMap<>();
        int skipped = 0;
        for (Manifest manifest : manifests) {
            if (!ObjectValidator.isPbxOps(manifest.object())) {
                skipped++;
                continue;
            }
            for (Problem problem : objectValidator.validate(manifest.object())) {
                findings.add(new Finding(manifest, manifest.lineOf(problem.field()), problem));
            }
            String identity = manifest.kind() + "/" + manifest.namespace() + "/" + manifest.name();
            Manifest first = seen.putIfAbsent(identity, manifest);
            if (first != null) {
                findings.add(new Finding(manifest, manifest.lineOf("metadata.name"), Problem.of("metadata.name",
                        "declared twice: " + first.file() + ":" + first.line() + " already declares " + manifest.kind() + " "
                                + manifest.name() + " in the same namespace", "check/duplicate-object")));
                continue;
            }
            typed(manifest).ifPresent(resource -> {
                manifestOf.put(resource, manifest);
                fleet.add(resource);
            });
        }
        for (FleetProblem problem : FleetRules.checkAll(fleet)) {
            Manifest manifest = manifestOf.get(problem.object());
            findings.add(new Finding(manifest, manifest.lineOf(problem.problem().field()), problem.problem()));
        }
        findings.sort(Comparator.comparing((Finding f) -> f.manifest().file().toString()).thenComparingInt(Finding::line));
        return new Report(findings, manifests.size() - skipped, skipped);
    }

    /** The typed object, when its shape allows one; a shape the schema refuses is reported by the object checks. */
    private static Optional<CustomResource<?, ?>> typed(Manifest manifest) {
        Optional<PbxOpsKinds> kind = PbxOpsKinds.byKind(manifest.kind());
        if (kind.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(LENIENT.treeToValue(manifest.object(), kind.get().type()));
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    private static final class ManifestFleet implements FleetView {
        private final List<Company> companies = new ArrayList<>();
        private final List<Pbx> pbxs = new ArrayList<>();
        private final List<PbxShare> shares = new ArrayList<>();
        private final List<WebRtcGateway> gateways = new ArrayList<>();
        private final List<NumberingPlan> plans = new ArrayList<>();

        void add(CustomResource<?, ?> resource) {
            if (resource.getMetadata() == null || resource.getMetadata().getName() == null) {
                return;
            }
            if (resource instanceof Company company) {
                companies.add(company);
            } else if (resource instanceof Pbx pbx) {
                pbxs.add(pbx);
            } else if (resource instanceof PbxShare share) {
                shares.add(share);
            } else if (resource instanceof WebRtcGateway gateway) {
                gateways.add(gateway);
            } else if (resource instanceof NumberingPlan plan) {
                plans.add(plan);
            }
        }

        @Override
        public Collection<Company> companies() {
            return companies;
        }

        @Override
        public Collection<Pbx> pbxs() {
            return pbxs;
        }

        @Override
        public Collection<PbxShare> shares() {
            return shares;
        }

        @Override
        public Collection<WebRtcGateway> gateways() {
            return gateways;
        }

        @Override
        public Collection<NumberingPlan> numberingPlans() {
            return plans;
        }
    }
}
