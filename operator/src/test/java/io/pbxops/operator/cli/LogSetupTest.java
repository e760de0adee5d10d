package io.pbxops.operator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.ContextInitializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** {@code --log-format json}: one JSON object per line, an object's kind, namespace and name as fields. */
class LogSetupTest {

    private final PrintStream originalErr = System.err;

    @AfterEach
    void restore() throws Exception {
        System.setErr(originalErr);
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.reset();
        new ContextInitializer(context).autoConfig();
    }

    @Test
    void jsonLinesCarryTheObjectAndTheLevel() throws Exception {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        LogSetup.configure(LogSetup.Format.json, "DEBUG");

        MDC.put("kind", "Pbx");
        MDC.put("namespace", "fleet");
        MDC.put("name", "acme-oxe1");
        try {
            LoggerFactory.getLogger("io.pbxops.operator.test").info("reset the PBX connection");
        } finally {
            MDC.clear();
        }
        String line = captured.toString(StandardCharsets.UTF_8)
                .lines()
                .filter(l -> l.contains("reset the PBX connection"))
                .findFirst()
                .orElseThrow();
        JsonNode json = new ObjectMapper().readTree(line);
        assertEquals("reset the PBX connection", json.get("message").asText());
        assertEquals("INFO", json.get("level").asText());
        assertEquals("Pbx", json.get("kind").asText());
        assertEquals("fleet", json.get("namespace").asText());
        assertEquals("acme-oxe1", json.get("name").asText());
    }
}
