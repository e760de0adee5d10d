package io.pbxops.operator.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What an unquoted YAML scalar is to kubectl. kubectl reads manifests with sigs.k8s.io/yaml, which resolves plain
 * scalars with go-yaml v2's YAML 1.1 rules and Go's number syntax, then writes JSON: {@code yes}, {@code on},
 * {@code y} are {@code true}; {@code 0755} is octal 493; {@code 039067} (a leading zero with an 8 or 9, not octal)
 * still reads as the decimal number 39067; {@code 0x1F}, {@code 0o17}, {@code 0b101}, {@code 1e3}, {@code .5},
 * {@code +1} and {@code 1_000} are numbers; {@code ~}, {@code null} and nothing are null; dates stay strings.
 */
final class KubectlScalars {

    /** A scalar kubectl cannot turn into JSON at all (it fails the whole file). */
    static final class Unreadable extends Exception {
        Unreadable(String message) {
            super(message);
        }
    }

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String YAML_TAG = "tag:yaml.org,2002:";
    private static final Map<String, Boolean> BOOLEANS = Map.ofEntries(
            Map.entry("y", true),
            Map.entry("Y", true),
            Map.entry("yes", true),
            Map.entry("Yes", true),
            Map.entry("YES", true),
            Map.entry("true", true),
            Map.entry("True", true),
            Map.entry("TRUE", true),
            Map.entry("on", true),
            Map.entry("On", true),
            Map.entry("ON", true),
            Map.entry("n", false),
            Map.entry("N", false),
            Map.entry("no", false),
            Map.entry("No", false),
            Map.entry("NO", false),
            Map.entry("false", false),
            Map.entry("False", false),
            Map.entry("FALSE", false),
            Map.entry("off", false),
            Map.entry("Off", false),
            Map.entry("OFF", false));
    private static final Set<String> NULLS = Set.of("", "~", "null", "Null", "NULL");
    private static final Set<String> NOT_NUMBERS = Set.of(
            ".nan", ".NaN", ".NAN", ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF");
    /** The float syntax go-yaml accepts (after underscores are dropped). */
    private static final Pattern FLOAT = Pattern.compile("^[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?$");

    private static final Pattern DATE_START = Pattern.compile("^[0-9]{4}-.*");
    private static final BigInteger INT64_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger INT64_MAX = BigInteger.valueOf(Long.MAX_VALUE);
    private static final BigInteger UINT64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    private KubectlScalars() {}

    /** The JSON value of a plain (unquoted, untagged) scalar, as kubectl gets it. */
    static JsonNode plain(String text) throws Unreadable {
        if (text.isEmpty() || NULLS.contains(text)) {
            return NODES.nullNode();
        }
        Boolean bool = BOOLEANS.get(text);
        if (bool != null) {
            return NODES.booleanNode(bool);
        }
        if (NOT_NUMBERS.contains(text)) {
            String what = text.toLowerCase().contains("nan") ? "NaN" : "infinity";
            throw new Unreadable(text + " is read as the floating-point " + what
                    + ", which kubectl cannot turn into JSON (quote it: \"" + text + "\")");
        }
        char first = text.charAt(0);
        if (first == '.') {
            return FLOAT.matcher(text).matches() ? decimal(new BigDecimal(text), text) : NODES.textNode(text);
        }
        if (first != '+' && first != '-' && (first < '0' || first > '9')) {
            return NODES.textNode(text);
        }
        if (DATE_START.matcher(text).matches()) {
            // go-yaml resolves it as a timestamp, then hands it over as the string it was written as
            return NODES.textNode(text);
        }
        String digits = text.replace("_", "");
        BigInteger integer = goInteger(digits);
        if (integer != null && integer.compareTo(INT64_MIN) >= 0 && integer.compareTo(UINT64_MAX) <= 0) {
            return integer.compareTo(INT64_MAX) <= 0
                    ? NODES.numberNode(integer.longValue())
                    : NODES.numberNode(integer);
        }
        if (FLOAT.matcher(digits).matches()) {
            return decimal(new BigDecimal(digits), text);
        }
        return NODES.textNode(text);
    }

    /** The JSON value of a scalar with an explicit tag ({@code !!str 0755}, {@code !!int "12"}), as go-yaml decodes it. */
    static JsonNode tagged(String tag, String text) throws Unreadable {
        String shortTag = tag.startsWith(YAML_TAG) ? "!!" + tag.substring(YAML_TAG.length()) : tag;
        switch (shortTag) {
            case "!!int" -> {
                BigInteger value = goInteger(text.replace("_", ""));
                if (value == null) {
                    throw new Unreadable("cannot decode !!str `" + text + "` as a !!int");
                }
                return NODES.numberNode(value);
            }
            case "!!float" -> {
                JsonNode value = plain(text);
                if (!value.isNumber()) {
                    throw new Unreadable("cannot decode !!str `" + text + "` as a !!float");
                }
                return value;
            }
            case "!!bool" -> {
                Boolean value = BOOLEANS.get(text);
                if (value == null) {
                    throw new Unreadable("cannot decode !!str `" + text + "` as a !!bool");
                }
                return NODES.booleanNode(value);
            }
            case "!!null" -> {
                if (!NULLS.contains(text)) {
                    throw new Unreadable("cannot decode !!str `" + text + "` as a !!null");
                }
                return NODES.nullNode();
            }
            case "!!binary" -> {
                try {
                    return NODES.textNode(new String(
                            Base64.getMimeDecoder().decode(text.replaceAll("\\s", "")), StandardCharsets.UTF_8));
                } catch (IllegalArgumentException e) {
                    throw new Unreadable("!!binary value contains invalid base64 data");
                }
            }
            default -> {
                // !!str, !!timestamp, and tags go-yaml does not resolve: the text as it is
                return NODES.textNode(text);
            }
        }
    }

    /** A map key as kubectl writes it in JSON: numbers and booleans become their Go string forms. */
    static String key(JsonNode resolved, String text) throws Unreadable {
        if (resolved.isTextual()) {
            return resolved.asText();
        }
        if (resolved.isNull()) {
            throw new Unreadable("the key " + (text.isEmpty() ? "(empty)" : text)
                    + " is read as null, which kubectl refuses as a map key (quote it: \"" + text + "\")");
        }
        if (resolved.isBoolean() || resolved.isIntegralNumber()) {
            return resolved.asText();
        }
        // Go formats a float key with float32 precision, shortest form ('g').
        return goFloat32(resolved.decimalValue());
    }

    /**
     * An integer as Go's strconv.ParseInt(s, 0, 64) reads it: an optional sign, then 0x, 0o or 0b and its digits, a
     * leading 0 for octal, or decimal digits; null when it is not one.
     */
    static BigInteger goInteger(String text) {
        String digits = text;
        boolean negative = false;
        if (digits.startsWith("+") || digits.startsWith("-")) {
            negative = digits.startsWith("-");
            digits = digits.substring(1);
        }
        if (digits.isEmpty()) {
            return null;
        }
        int radix = 10;
        String lower = digits.toLowerCase();
        if (lower.startsWith("0x")) {
            radix = 16;
            digits = digits.substring(2);
        } else if (lower.startsWith("0o")) {
            radix = 8;
            digits = digits.substring(2);
        } else if (lower.startsWith("0b")) {
            radix = 2;
            digits = digits.substring(2);
        } else if (digits.length() > 1 && digits.startsWith("0")) {
            radix = 8;
            digits = digits.substring(1);
        }
        if (digits.isEmpty()) {
            return null;
        }
        for (char c : digits.toCharArray()) {
            if (Character.digit(c, radix) < 0) {
                return null;
            }
        }
        BigInteger value = new BigInteger(digits, radix);
        return negative ? value.negate() : value;
    }

    /** A float as kubectl's JSON writes it: integral values as integers (39067, 1000), others as decimals. */
    private static JsonNode decimal(BigDecimal value, String text) {
        double asDouble = value.doubleValue();
        if (Double.isInfinite(asDouble)) {
            // Go's ParseFloat refuses it (out of range): go-yaml then keeps the text.
            return NODES.textNode(text);
        }
        if (asDouble == Math.rint(asDouble) && Math.abs(asDouble) < 1e21) {
            return NODES.numberNode(BigDecimal.valueOf(asDouble).toBigInteger());
        }
        return NODES.numberNode(asDouble);
    }

    /** Go's strconv.FormatFloat(f, 'g', -1, 32): the shortest float32 digits, %e from an exponent of 6 or below -4. */
    static String goFloat32(BigDecimal value) {
        float f = value.floatValue();
        if (f == 0) {
            return "0";
        }
        BigDecimal shortest = new BigDecimal(Float.toString(Math.abs(f))).stripTrailingZeros();
        String digits = shortest.unscaledValue().toString();
        int exponent = digits.length() - 1 - shortest.scale();
        String sign = f < 0 ? "-" : "";
        if (exponent < -4 || exponent >= 6) {
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + String.format("%02d", Math.abs(exponent));
        }
        return sign + shortest.toPlainString();
    }
}
