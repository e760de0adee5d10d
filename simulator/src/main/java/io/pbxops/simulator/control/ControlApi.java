package io.pbxops.simulator.control;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.pbxops.simulator.Channel;
import io.pbxops.simulator.FaultSettings;
import io.pbxops.simulator.FaultTarget;
import io.pbxops.simulator.O2gHostSpec;
import io.pbxops.simulator.OxoRainbowSettings;
import io.pbxops.simulator.OxoSpec;
import io.pbxops.simulator.SimulatorControl;
import io.pbxops.simulator.support.Json;
import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;
import java.util.NoSuchElementException;

/**
 * {@code /sim/v1} on the cloud port (EXTENSIONS.md §4): the HTTP face of {@link SimulatorControl}. Not part of any
 * real API; never faulted, never counted. Errors use the cloud's envelope.
 */
public final class ControlApi {

    private static final String BASE = "/sim/v1";

    private final SimulatorControl control;

    public ControlApi(SimulatorControl control) {
        this.control = control;
    }

    public void routes(Javalin app) {
        app.get(BASE + "/state", ctx -> ctx.json(control.state()));
        app.post(BASE + "/reset", done(ctx -> control.reset()));
        app.get(BASE + "/requests", ctx -> ctx.json(control.requestCounts()));
        app.delete(BASE + "/requests", done(ctx -> control.clearRequestCounts()));
        app.get(BASE + "/faults", guarded(ctx -> ctx.json(control.faults(target(ctx.queryParam("target"))))));
        app.put(BASE + "/faults", guarded(this::putFaults));
        app.get(BASE + "/faults/injected", ctx -> {
            ObjectNode injected = Json.MAPPER.createObjectNode();
            for (FaultTarget target : FaultTarget.values()) {
                injected.set(
                        target.name().toLowerCase(Locale.ROOT),
                        Json.MAPPER.valueToTree(control.injectedFaults(target)));
            }
            ctx.json(injected);
        });
        app.delete(BASE + "/faults", done(ctx -> {
            String target = ctx.queryParam("target");
            if (target == null) {
                control.clearFaults();
            } else {
                control.updateFaults(target(target), current -> FaultSettings.none());
            }
        }));
        app.post(BASE + "/tokens/expire", done(ctx -> control.expireTokens()));
        app.post(BASE + "/o2g/hosts", done(ctx -> control.putO2gHost(body(ctx, O2gHostSpec.class))));
        app.post(
                BASE + "/o2g/sessions/expire",
                done(ctx -> control.expireO2gSessions(text(body(ctx, JsonNode.class), "host"))));
        app.post(BASE + "/oxo", done(ctx -> control.addOxo(body(ctx, OxoSpec.class))));
        app.put(
                BASE + "/oxo/{serial}/rainbow",
                done(ctx -> control.installerStep(ctx.pathParam("serial"), body(ctx, OxoRainbowSettings.class))));
        app.put(
                BASE + "/systems/{systemId}/channels/{channel}",
                done(ctx -> control.setChannel(
                        ctx.pathParam("systemId"),
                        Channel.fromWire(ctx.pathParam("channel")),
                        flag(body(ctx, JsonNode.class), "up"))));
        app.put(
                BASE + "/systems/{systemId}/secret-identity-active",
                done(ctx -> control.setSecretIdentityActive(
                        ctx.pathParam("systemId"), flag(body(ctx, JsonNode.class), "active"))));
        app.post(
                BASE + "/mediapillar-versions",
                done(ctx -> control.publishMediaPillarVersion(text(body(ctx, JsonNode.class), "version"))));
    }

    /** PUT /faults: the present keys replace the current ones; {@code target} picks the API (default cloud). */
    private void putFaults(Context ctx) {
        ObjectNode patch = body(ctx, ObjectNode.class);
        FaultTarget target =
                target(patch.path("target").isTextual() ? patch.remove("target").asText() : null);
        ObjectNode merged = Json.MAPPER.valueToTree(control.faults(target));
        for (Iterator<String> keys = patch.fieldNames(); keys.hasNext(); ) {
            String key = keys.next();
            if (!merged.has(key)) {
                throw new IllegalArgumentException("Unknown fault '" + key + "'");
            }
        }
        merged.setAll(patch);
        FaultSettings settings = parse(merged, FaultSettings.class);
        ctx.json(control.updateFaults(target, current -> settings));
    }

    private static FaultTarget target(String name) {
        return name == null ? FaultTarget.CLOUD : FaultTarget.valueOf(name.toUpperCase(Locale.ROOT));
    }

    private static String text(JsonNode body, String field) {
        if (!body.path(field).isTextual()) {
            throw new IllegalArgumentException("'" + field + "' is required");
        }
        return body.get(field).asText();
    }

    private static boolean flag(JsonNode body, String field) {
        if (!body.path(field).isBoolean()) {
            throw new IllegalArgumentException("'" + field + "' must be true or false");
        }
        return body.get(field).asBoolean();
    }

    private static <T> T body(Context ctx, Class<T> type) {
        try {
            return parse(Json.MAPPER.readTree(ctx.body()), type);
        } catch (IOException e) {
            throw new IllegalArgumentException("Invalid JSON body");
        }
    }

    private static <T> T parse(JsonNode node, Class<T> type) {
        T value;
        try {
            value = Json.MAPPER.treeToValue(node, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    e.getCause() instanceof IllegalArgumentException cause
                            ? cause.getMessage()
                            : e.getOriginalMessage());
        }
        if (value == null) {
            throw new IllegalArgumentException("A JSON body is required");
        }
        return value;
    }

    /** An action with no answer body: 204. */
    private static Handler done(Handler action) {
        return guarded(ctx -> {
            action.handle(ctx);
            ctx.status(204);
        });
    }

    /** Invalid input → 400, unknown object → 404, both in the cloud's error envelope. */
    private static Handler guarded(Handler action) {
        return ctx -> {
            try {
                action.handle(ctx);
            } catch (IllegalArgumentException e) {
                ctx.status(400).json(envelope(400, e.getMessage()));
            } catch (NoSuchElementException e) {
                ctx.status(404).json(envelope(404, e.getMessage()));
            }
        };
    }

    private static ObjectNode envelope(int status, String message) {
        return Json.MAPPER
                .createObjectNode()
                .put("errorCode", status)
                .put("errorMsg", status == 400 ? "Bad Request" : "Resource Not Found")
                .put("errorDetails", message)
                .put("errorDetailsCode", status * 1000);
    }
}
