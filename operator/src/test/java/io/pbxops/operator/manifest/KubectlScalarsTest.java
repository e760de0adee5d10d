package io.pbxops.operator.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each form of an unquoted scalar, as kubectl v1.32 reads it (checked against kubectl by KubectlYamlAgreementTest). */
class KubectlScalarsTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "039067|39067", "0800|800", "0755|493", "0o17|15", "0x1F|31", "-0x10|-16", "0b101|5", "1e3|1000",
                "2.5E-3|0.0025", ".5|0.5", "+1|1", "-0|0", "1_000|1000", "1_000.5|1000.5", "1.50|1.5", "1.10|1.1",
                "9223372036854775807|9223372036854775807", "18446744073709551615|18446744073709551615"
            })
    void numbers(String text, String number) throws Exception {
        JsonNode value = KubectlScalars.plain(text);
        assertTrue(value.isNumber(), text + " is a number: " + value);
        assertEquals(0, new BigDecimal(number).compareTo(value.decimalValue()), text + " reads as " + value);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "yes,true",
        "Yes,true",
        "YES,true",
        "y,true",
        "Y,true",
        "on,true",
        "On,true",
        "true,true",
        "True,true",
        "no,false",
        "N,false",
        "off,false",
        "OFF,false",
        "false,false",
        "FALSE,false"
    })
    void booleans(String text, boolean expected) throws Exception {
        JsonNode value = KubectlScalars.plain(text);
        assertTrue(value.isBoolean(), text + ": " + value);
        assertEquals(expected, value.booleanValue());
    }

    @Test
    void nulls() throws Exception {
        for (String text : List.of("", "~", "null", "Null", "NULL")) {
            assertTrue(KubectlScalars.plain(text).isNull(), "'" + text + "' is null");
        }
    }

    @Test
    void stringsThatLookLikeSomethingElse() throws Exception {
        for (String text : List.of(
                "2001-12-14",
                "2001-12-14T21:59:43Z",
                "1:20",
                "1.10.1",
                "Infinity",
                ".nAn",
                "0x",
                "0b2",
                "08.5.1",
                "yess",
                "Off-peak",
                "+",
                "_1",
                "1e400")) {
            JsonNode value = KubectlScalars.plain(text);
            assertEquals(text, value.isTextual() ? value.asText() : value.toString(), text + " stays a string");
        }
    }

    @Test
    void infinityAndNanCannotBeWrittenAsJson() {
        KubectlScalars.Unreadable infinity =
                assertThrows(KubectlScalars.Unreadable.class, () -> KubectlScalars.plain(".inf"));
        assertTrue(infinity.getMessage().contains("quote it: \".inf\""), infinity.getMessage());
        assertThrows(KubectlScalars.Unreadable.class, () -> KubectlScalars.plain("-.Inf"));
        assertThrows(KubectlScalars.Unreadable.class, () -> KubectlScalars.plain(".NaN"));
    }

    @Test
    void keysAreWrittenInTheirGoForms() throws Exception {
        assertEquals("true", KubectlScalars.key(KubectlScalars.plain("yes"), "yes"));
        assertEquals("1000", KubectlScalars.key(KubectlScalars.plain("1e3"), "1e3"));
        assertEquals("39067", KubectlScalars.key(KubectlScalars.plain("039067"), "039067"));
        assertEquals("1.5", KubectlScalars.key(KubectlScalars.plain("1.5"), "1.5"));
        assertEquals("1e+06", KubectlScalars.goFloat32(new BigDecimal("1000000")));
        assertEquals("1.0000005e+06", KubectlScalars.goFloat32(new BigDecimal("1000000.5")));
        assertEquals("0.0001", KubectlScalars.goFloat32(new BigDecimal("0.0001")));
        assertEquals("1e-05", KubectlScalars.goFloat32(new BigDecimal("0.00001")));
        assertThrows(KubectlScalars.Unreadable.class, () -> KubectlScalars.key(KubectlScalars.plain("~"), "~"));
    }

    @Test
    void explicitTagsDecideTheType() throws Exception {
        assertEquals(
                "0755", KubectlScalars.tagged("tag:yaml.org,2002:str", "0755").asText());
        assertEquals(42, KubectlScalars.tagged("tag:yaml.org,2002:int", "42").asInt());
        assertThrows(KubectlScalars.Unreadable.class, () -> KubectlScalars.tagged("tag:yaml.org,2002:int", "4.2"));
        assertEquals(
                "hi", KubectlScalars.tagged("tag:yaml.org,2002:binary", "aGk=").asText());
    }

    @Test
    void anUnquotedStringFieldKubectlReadsAsANumberGetsTheFix() throws Exception {
        Manifest plan = ManifestReader.readText(Path.of("plan.yaml"), """
                apiVersion: pbxops.io/v1alpha1
                kind: NumberingPlan
                metadata: {name: fr}
                spec:
                  rules:
                  - {match: "^218", replace: 039067}
                """).get(0);
        assertEquals(39067, plan.object().at("/spec/rules/0/replace").asInt(), "a number, as kubectl reads it");
        assertEquals(
                "unquoted, 039067 is the number 39067 to kubectl (YAML 1.1 as go-yaml reads it), not a string: "
                        + "quote it: \"039067\"",
                plan.unquotedHint("spec.rules[0].replace").orElseThrow());
        assertTrue(plan.unquotedHint("spec.rules[0].match").isEmpty(), "quoted: nothing to say");
    }
}
