package io.pbxops.operator.validation;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.CustomResource;
import io.pbxops.operator.crd.PbxOpsKinds;
import io.pbxops.operator.manifest.Manifest;
import java.util.ArrayList;
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
    public record Finding(Manifest manifest, int line, Problem problem) {}

    public record Report(List<Finding> findings, int objects, int skipped) {

        public boolean valid() {
            return findings.isEmpty();
        }

        public long objectsWithProblems() {
            return findings.stream().map(Finding::manifest).distinct().count();
        }
    }

    private ManifestSetValidator() {}

    public static Report validate(List<Manifest> manifests) {
        ObjectValidator objectValidator = ObjectValidator.get();
        List<Finding> findings = new ArrayList<>();
        Map<Object, Manifest> manifestOf = new IdentityHashMap<>();
        DeclaredFleet fleet = DeclaredFleet.of(List.<HasMetadata>of());
        Map<String, Manifest> seen = new HashMap<>();
        int skipped = 0;
        for (Manifest manifest : manifests) {
            if (!ObjectValidator.isPbxOps(manifest.object())) {
                skipped++;
                continue;
            }
            for (Problem problem : objectValidator.validate(manifest.object())) {
                findings.add(
                        new Finding(manifest, manifest.lineOf(problem.field()), withQuotingHint(manifest, problem)));
            }
            String identity = manifest.kind() + "/" + manifest.namespace() + "/" + manifest.name();
            Manifest first = seen.putIfAbsent(identity, manifest);
            if (first != null) {
                findings.add(new Finding(
                        manifest,
                        manifest.lineOf("metadata.name"),
                        Problem.of(
                                "metadata.name",
                                "declared twice: " + first.file() + ":" + first.line() + " already declares "
                                        + manifest.kind() + " " + manifest.name() + " in the same namespace",
                                "check/duplicate-object")));
                continue;
            }
            typed(manifest)
                    .filter(resource -> resource.getMetadata() != null
                            && resource.getMetadata().getName() != null)
                    .ifPresent(resource -> {
                        manifestOf.put(resource, manifest);
                        fleet.add(resource);
                    });
        }
        for (FleetProblem problem : FleetRules.checkAll(fleet)) {
            Manifest manifest = manifestOf.get(problem.object());
            findings.add(new Finding(manifest, manifest.lineOf(problem.problem().field()), problem.problem()));
        }
        findings.sort(Comparator.comparing((Finding f) -> f.manifest().file().toString())
                .thenComparingInt(Finding::line));
        return new Report(findings, manifests.size() - skipped, skipped);
    }

    /**
     * A string field written unquoted that kubectl reads as a number or a boolean ({@code replace: 039067} is the
     * number 39067 to kubectl, which the API server refuses): the message says so, and how to fix it.
     */
    static Problem withQuotingHint(Manifest manifest, Problem problem) {
        if (!problem.message().endsWith("is not a string")) {
            return problem;
        }
        return manifest.unquotedHint(problem.field())
                .map(hint -> Problem.of(problem.field(), hint, problem.rule()))
                .orElse(problem);
    }

    /** The typed object, when its shape allows one; a shape the schema refuses is reported by the object checks. */
    private static Optional<CustomResource<?, ?>> typed(Manifest manifest) {
        Optional<PbxOpsKinds> kind = PbxOpsKinds.byKind(manifest.kind());
        if (kind.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(
                    LENIENT.treeToValue(manifest.object(), kind.get().type()));
        } catch (Exception e) {
            return Optional.empty();
        }
    }
}
