package io.pbxops.operator.validation;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.pbxops.operator.api.NumberingExample;
import io.pbxops.operator.api.NumberingPlanSpec;
import io.pbxops.operator.api.PbxOps;
import io.pbxops.operator.crd.CrdCatalog;
import io.pbxops.operator.crd.PbxOpsKinds;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Everything one object can be checked for by itself: its CRD's schema and CEL rules (what an API server would
 * refuse), then the domain checks that need Java (assigned country codes, phone numbers, numbering expressions that
 * compile and worked examples that hold). Thread-safe; build it once ({@link #get()}).
 */
public final class ObjectValidator {

    private static final Pattern OBJECT_NAME =
            Pattern.compile("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$");
    private static final ObjectMapper LENIENT = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL)
            .build();

    private record KindChecks(SchemaCheck schema, CelCheck cel) {}

    private static volatile ObjectValidator instance;

    private final Map<PbxOpsKinds, KindChecks> checks = new EnumMap<>(PbxOpsKinds.class);

    private ObjectValidator() {
        for (PbxOpsKinds kind : PbxOpsKinds.values()) {
            JsonNode schema = CrdCatalog.openApiSchema(kind);
            checks.put(kind, new KindChecks(new SchemaCheck(schema), new CelCheck(schema)));
        }
    }

    public static ObjectValidator get() {
        ObjectValidator local = instance;
        if (local == null) {
            synchronized (ObjectValidator.class) {
                local = instance;
                if (local == null) {
                    local = new ObjectValidator();
                    instance = local;
                }
            }
        }
        return local;
    }

    /** Whether an object is one of ours (by apiVersion group), i.e. whether {@link #validate} applies to it. */
    public static boolean isPbxOps(JsonNode object) {
        return object.path("apiVersion").asText("").startsWith(PbxOps.GROUP + "/");
    }

    public List<Problem> validate(HasMetadata resource) {
        JsonNode tree = Serialization.jsonMapper().valueToTree(resource);
        return validate(tree);
    }

    public List<Problem> validate(JsonNode object) {
        return validate(object, null);
    }

    /**
     * As {@link #validate(JsonNode)} for an update: the CRDs' transition rules ({@code oldSelf}) are evaluated
     * against {@code old}, the object as stored (null: a create).
     */
    public List<Problem> validate(JsonNode object, JsonNode old) {
        List<Problem> problems = new ArrayList<>();
        String apiVersion = object.path("apiVersion").asText("");
        if (!PbxOps.API_VERSION.equals(apiVersion)) {
            problems.add(Problem.of(
                    "apiVersion",
                    "version " + apiVersion + " is not served; use " + PbxOps.API_VERSION,
                    "check/api-version"));
            return problems;
        }
        Optional<PbxOpsKinds> kind = PbxOpsKinds.byKind(object.path("kind").asText(""));
        if (kind.isEmpty()) {
            problems.add(Problem.of(
                    "kind",
                    "unknown kind " + object.path("kind").asText("") + " in " + PbxOps.GROUP
                            + "; the kinds are Company, Pbx, PbxShare, WebRtcGateway, NumberingPlan",
                    "check/kind"));
            return problems;
        }
        checkName(object.path("metadata"), problems);
        KindChecks kindChecks = checks.get(kind.get());
        problems.addAll(kindChecks.schema().check(object));
        problems.addAll(kindChecks.cel().check(object, old));
        switch (kind.get()) {
            case COMPANY -> {
                checkCountry(object.at("/spec/country"), "spec.country", problems);
                checkState(object.path("spec"), problems);
            }
            case PBX -> {
                checkCountry(object.at("/spec/dialing/country"), "spec.dialing.country", problems);
                checkInstallationNumber(object, problems);
            }
            case NUMBERING_PLAN -> checkNumberingPlan(object.path("spec"), problems);
            default -> {}
        }
        return problems;
    }

    private static void checkName(JsonNode metadata, List<Problem> problems) {
        String name = metadata.path("name").asText("");
        if (name.isEmpty()) {
            problems.add(Problem.of("metadata.name", "required field is missing", "check/name"));
        } else if (name.length() > 253 || !OBJECT_NAME.matcher(name).matches()) {
            problems.add(Problem.of(
                    "metadata.name",
                    "must be a lowercase RFC 1123 name: letters, digits, '-' and '.', "
                            + "starting and ending with a letter or digit",
                    "check/name"));
        }
    }

    private static void checkCountry(JsonNode country, String field, List<Problem> problems) {
        if (country.isTextual() && country.asText().matches("^[A-Z]{3}$") && !Countries.isAlpha3(country.asText())) {
            problems.add(Problem.of(
                    field,
                    country.asText() + " is not an ISO 3166-1 alpha-3 country code (e.g. FRA, DEU, USA)",
                    "check/country"));
        }
    }

    /** A state of the right shape and country prefix (schema and CEL) must also be one the cloud knows. */
    private static void checkState(JsonNode spec, List<Problem> problems) {
        String country = spec.path("country").asText(null);
        JsonNode state = spec.path("state");
        if (!CloudStates.hasStates(country) || !state.isTextual()) {
            return;
        }
        String prefix = "USA".equals(country) ? "US-" : "CA-";
        String code = state.asText();
        if (!code.matches("^[A-Z]{2}-[A-Z0-9]{1,3}$") || !code.startsWith(prefix)) {
            return; // already reported by the schema's pattern or the CEL rule
        }
        if (!CloudStates.isKnown(country, code.substring(prefix.length()))) {
            String kind = "USA".equals(country)
                    ? "state, district or territory of the USA"
                    : "province or territory of Canada";
            String example = "USA".equals(country) ? "US-NY" : "CA-QC";
            problems.add(Problem.of(
                    "spec.state",
                    code + " is not a " + kind + " the cloud knows (e.g. " + example + ")",
                    "check/state"));
        }
    }

    private static void checkInstallationNumber(JsonNode pbx, List<Problem> problems) {
        JsonNode number = pbx.at("/spec/dialing/installationNumber");
        if (!number.isTextual() || !number.asText().matches("^\\+[1-9][0-9]{5,14}$")) {
            return; // absent, or already reported by the schema's pattern
        }
        PhoneNumberUtil phoneNumbers = PhoneNumberUtil.getInstance();
        try {
            if (!phoneNumbers.isPossibleNumber(phoneNumbers.parse(number.asText(), null))) {
                problems.add(Problem.of(
                        "spec.dialing.installationNumber",
                        number.asText() + " is not a possible public number for its country code",
                        "check/phone-number"));
            }
        } catch (NumberParseException e) {
            problems.add(Problem.of(
                    "spec.dialing.installationNumber",
                    number.asText() + " is not a phone number: " + e.getMessage(),
                    "check/phone-number"));
        }
    }

    private static void checkNumberingPlan(JsonNode spec, List<Problem> problems) {
        NumberingPlanSpec plan;
        try {
            plan = LENIENT.treeToValue(spec, NumberingPlanSpec.class);
        } catch (Exception e) {
            return; // the schema check already says what is malformed
        }
        if (plan == null) {
            return;
        }
        NumberingPlanEvaluator evaluator = NumberingPlanEvaluator.compile(plan.getRules(), "spec.rules", problems);
        for (int i = 0; i < plan.getExamples().size(); i++) {
            NumberingExample example = plan.getExamples().get(i);
            String field = FieldPaths.item("spec.examples", i);
            if (problems.stream().anyMatch(p -> p.field().startsWith(field))) {
                continue; // a malformed example is reported once, by the schema and CEL checks
            }
            if (example.getCountry() != null && !Countries.isAlpha3(example.getCountry())) {
                problems.add(Problem.of(
                        field + ".country",
                        example.getCountry() + " is not an ISO 3166-1 alpha-3 country code",
                        "check/country"));
                continue;
            }
            evaluator
                    .checkExample(example, plan.getRules())
                    .ifPresent(message -> problems.add(Problem.of(field, message, "check/numbering-example")));
        }
    }
}
