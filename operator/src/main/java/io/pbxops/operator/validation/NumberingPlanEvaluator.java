package io.pbxops.operator.validation;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import io.pbxops.operator.api.NumberingExample;
import io.pbxops.operator.api.NumberingRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * How the cloud applies a PBX's numbering rules to the number of an outgoing Rainbow call
 * (docs/domain.md#numbering-rules): the first rule whose expression is found in the number rewrites the matched part,
 * and no other rule runs; an empty (or absent) replacement forbids the number; when no rule matches, the number is
 * canonicalised for the country and the outbound prefix is added to national numbers.
 *
 * <p>Expressions are read in the cloud's dialect: Java's syntax, without what the cloud's API says it does not support
 * ({@code \d}, docs/cloud-contract.md#numbering-rules). A rule outside the dialect is reported and, like one that does
 * not compile, never applied.
 */
public final class NumberingPlanEvaluator {

    private static final Pattern GROUP_REFERENCE = Pattern.compile("\\$(\\d+)");
    private static final PhoneNumberUtil PHONE_NUMBERS = PhoneNumberUtil.getInstance();

    /** What the plan makes of one dialed number. */
    public record Outcome(boolean forbidden, String number, int ruleIndex) {

        public static Outcome forbiddenBy(int ruleIndex) {
            return new Outcome(true, null, ruleIndex);
        }

        /** -1 when no rule matched. */
        public boolean matchedRule() {
            return ruleIndex >= 0;
        }

        public String describe() {
            return forbidden ? "forbidden" : number;
        }
    }

    private record CompiledRule(Pattern pattern, String replacement) {}

    private final List<CompiledRule> rules;

    private NumberingPlanEvaluator(List<CompiledRule> rules) {
        this.rules = rules;
    }

    /** Compiles the rules; the problems of those that cannot be compiled are returned through {@code problems}. */
    public static NumberingPlanEvaluator compile(List<NumberingRule> rules, String rulesField, List<Problem> problems) {
        List<CompiledRule> compiled = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            NumberingRule rule = rules.get(i);
            String field = FieldPaths.item(rulesField, i);
            if (rule.getMatch() == null) {
                compiled.add(null);
                continue;
            }
            if (usesDigitShorthand(rule.getMatch())) {
                problems.add(Problem.of(
                        field + ".match",
                        "the cloud does not support \\d in expressions: use [0-9] instead of \\d",
                        "check/numbering-dialect"));
                compiled.add(null);
                continue;
            }
            try {
                Pattern pattern = Pattern.compile(rule.getMatch());
                Optional<String> badReference = badGroupReference(rule.getReplace(), pattern);
                badReference.ifPresent(
                        message -> problems.add(Problem.of(field + ".replace", message, "check/numbering-group")));
                compiled.add(badReference.isPresent() ? null : new CompiledRule(pattern, rule.getReplace()));
            } catch (PatternSyntaxException e) {
                problems.add(Problem.of(
                        field + ".match",
                        "the expression does not compile: " + e.getDescription() + " near index " + e.getIndex(),
                        "check/numbering-compile"));
                compiled.add(null);
            }
        }
        return new NumberingPlanEvaluator(compiled);
    }

    /**
     * Whether the expression uses {@code \d}, which the cloud does not support. An escaped backslash followed by
     * {@code d} ({@code \\d}) is a literal backslash and d, not the shorthand.
     */
    public static boolean usesDigitShorthand(String expression) {
        for (int i = 0; i < expression.length() - 1; i++) {
            if (expression.charAt(i) == '\\') {
                if (expression.charAt(i + 1) == 'd') {
                    return true;
                }
                i++; // the escaped character
            }
        }
        return false;
    }

    public Outcome apply(String dialed, String country, String outboundPrefix) {
        for (int i = 0; i < rules.size(); i++) {
            CompiledRule rule = rules.get(i);
            if (rule == null) {
                continue;
            }
            Matcher matcher = rule.pattern().matcher(dialed);
            if (matcher.find()) {
                if (rule.replacement() == null || rule.replacement().isEmpty()) {
                    return Outcome.forbiddenBy(i);
                }
                return new Outcome(false, rule.pattern().matcher(dialed).replaceFirst(rule.replacement()), i);
            }
        }
        return new Outcome(false, canonical(dialed, country, outboundPrefix), -1);
    }

    /** The problem of an example whose result differs from what it expects, if any. */
    public Optional<String> checkExample(NumberingExample example, List<NumberingRule> ruleSpecs) {
        Outcome outcome = apply(example.getDialed(), example.getCountry(), example.getOutboundPrefix());
        boolean wantForbidden = Boolean.TRUE.equals(example.getForbidden());
        boolean ok = wantForbidden
                ? outcome.forbidden()
                : !outcome.forbidden() && outcome.number().equals(example.getExpect());
        if (ok) {
            return Optional.empty();
        }
        String expected = wantForbidden ? "forbidden" : example.getExpect();
        String how = outcome.matchedRule()
                ? "rule " + (outcome.ruleIndex() + 1) + describeRule(ruleSpecs.get(outcome.ruleIndex()))
                : "no rule matched";
        return Optional.of("dialing " + example.getDialed() + " gives " + outcome.describe() + " (" + how
                + "), the example expects " + expected);
    }

    /** Internal number length: the length of the longest extension (docs/domain.md#numbering-rules). */
    public static Integer internalNumberLength(List<String> extensions) {
        return extensions.stream().mapToInt(String::length).max().stream()
                .boxed()
                .findFirst()
                .orElse(null);
    }

    private static String describeRule(NumberingRule rule) {
        return rule.getDescription() == null ? " " + rule.getMatch() : " \"" + rule.getDescription() + "\"";
    }

    private static Optional<String> badGroupReference(String replacement, Pattern pattern) {
        if (replacement == null) {
            return Optional.empty();
        }
        int groups = pattern.matcher("").groupCount();
        Matcher reference = GROUP_REFERENCE.matcher(replacement);
        while (reference.find()) {
            int group = Integer.parseInt(reference.group(1));
            if (group > groups) {
                return Optional.of("the replacement refers to group $" + group + " but the expression has " + groups
                        + (groups == 1 ? " group" : " groups"));
            }
        }
        return Optional.empty();
    }

    /**
     * No rule matched: a number that parses for the country is canonicalised; a national one becomes outbound prefix +
     * national number, any other E.164. What does not parse (an extension, a service code) is left as dialed.
     */
    static String canonical(String dialed, String country, String outboundPrefix) {
        String region = country == null ? null : Countries.alpha2(country).orElse(null);
        if (region == null) {
            return dialed;
        }
        try {
            Phonenumber.PhoneNumber number = PHONE_NUMBERS.parse(dialed, region);
            if (!PHONE_NUMBERS.isValidNumber(number)) {
                return dialed;
            }
            if (region.equals(PHONE_NUMBERS.getRegionCodeForNumber(number))) {
                String national = PHONE_NUMBERS
                        .format(number, PhoneNumberUtil.PhoneNumberFormat.NATIONAL)
                        .replaceAll("[^0-9]", "");
                return (outboundPrefix == null ? "" : outboundPrefix) + national;
            }
            return PHONE_NUMBERS.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
        } catch (NumberParseException e) {
            return dialed;
        }
    }
}
