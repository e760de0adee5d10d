package io.pbxops.simulator.o2g;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.pbxops.simulator.faults.HttpFaults;
import io.pbxops.simulator.state.World;
import io.pbxops.simulator.support.BasicAuth;
import io.pbxops.simulator.support.Ids;
import io.pbxops.simulator.support.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * O2G REST on one port (docs/pbx-contract.md): discovery, authentication (cookie {@code AlcUserId}), sessions
 * with a 30-minute idle expiry, and the PBX management service over the simulated OXE nodes. The virtual host comes
 * from {@code X-Forwarded-Host} (EXTENSIONS.md §2).
 */
public final class O2gApi {

    public static final String ROOT = "/api/rest";
    private static final Logger LOG = LoggerFactory.getLogger(O2gApi.class);
    private static final String V1 = ROOT + "/1.0";
    private static final String COOKIE = "AlcUserId";

    private final World world;
    private final O2gHosts hosts;
    private final Ids ids;
    private final Clock clock;

    public O2gApi(World world, O2gHosts hosts, Ids ids, Clock clock) {
        this.world = world;
        this.hosts = hosts;
        this.ids = ids;
        this.clock = clock;
    }

    public void routes(Javalin app) {
        app.exception(O2gException.class, (e, ctx) -> ctx.status(e.status()).json(e.body()));
        app.exception(
                HttpResponseException.class,
                (e, ctx) -> ctx.status(e.getStatus())
                        .json(new O2gException(
                                        e.getStatus(),
                                        O2gException.statusName(e.getStatus()),
                                        e.getMessage(),
                                        e.getMessage())
                                .body()));
        app.exception(Exception.class, (e, ctx) -> {
            LOG.warn("Unexpected failure on {} {}", ctx.method(), HttpFaults.route(ctx), e);
            ctx.status(500).json(new O2gException(500, "INTERNAL", "Internal error of the simulator", "").body());
        });
        app.get(ROOT, this::discover);
        app.get(ROOT + "/authenticate", this::authenticate);
        app.post(
                V1 + "/sessions",
                ctx -> ctx.json(world.write(() -> {
                    O2gHost.Session session = session(ctx, false);
                    session.open = true;
                    return sessionInfo(ctx);
                })));
        app.get(
                V1 + "/sessions",
                ctx -> ctx.json(world.read(() -> {
                    session(ctx, true);
                    return sessionInfo(ctx);
                })));
        app.delete(V1 + "/sessions", ctx -> {
            world.write(() -> {
                session(ctx, true);
                host(ctx).close(ctx.cookie(COOKIE));
            });
            ctx.status(204);
        });
        app.post(V1 + "/sessions/keepalive", ctx -> {
            world.read(() -> session(ctx, true));
            ctx.status(204);
        });
        app.get(
                V1 + "/pbxs",
                ctx -> ctx.json(world.read(() -> {
                    session(ctx, true);
                    ObjectNode body = Json.MAPPER.createObjectNode();
                    host(ctx).nodes.keySet().forEach(body.putArray("nodeIds")::add);
                    return body;
                })));
        app.get(
                V1 + "/pbxs/{nodeId}",
                ctx -> ctx.json(world.read(() -> {
                    OxeNode node = node(ctx, false);
                    ObjectNode body = Json.MAPPER.createObjectNode();
                    body.set("nodeId", parseNodeId(node.nodeId));
                    return body.put("fqdn", node.fqdn);
                })));
        app.get(
                V1 + "/pbxs/{nodeId}/model",
                ctx -> ctx.json(world.read(() -> {
                    node(ctx, true);
                    return hosts.model().root();
                })));
        app.get(
                V1 + "/pbxs/{nodeId}/model/{objectName}",
                ctx -> ctx.json(world.read(() -> {
                    node(ctx, true);
                    return objectModel(ctx.pathParam("objectName"));
                })));
        app.get(
                V1 + "/pbxs/{nodeId}/instances",
                ctx -> ctx.json(world.read(() -> {
                    OxeNode node = node(ctx, true);
                    ObjectNode body = Json.MAPPER
                            .createObjectNode()
                            .put("objectName", OxeModel.ROOT)
                            .put("objectId", node.nodeId);
                    body.putArray("attributes");
                    hosts.model().objectNames().forEach(body.putArray("objectNames")::add);
                    return body;
                })));
        app.get(
                V1 + "/pbxs/{nodeId}/instances/{objectName}",
                ctx -> ctx.json(world.read(() -> {
                    OxeNode node = node(ctx, true);
                    String objectName = ctx.pathParam("objectName");
                    objectModel(objectName);
                    ObjectNode body = Json.MAPPER.createObjectNode().put("objectName", objectName);
                    node.objects.getOrDefault(objectName, Map.of()).keySet().forEach(body.putArray("objectIds")::add);
                    return body;
                })));
        app.get(V1 + "/pbxs/{nodeId}/instances/{objectName}/{objectId}", this::getInstance);
        app.put(V1 + "/pbxs/{nodeId}/instances/{objectName}/{objectId}", this::setInstance);
    }

    /** Writes a fault answer as a {@code RestErrorInfo}. */
    public static void writeError(Context ctx, int status, String message) {
        O2gException error = new O2gException(status, "SIMULATED", message, message);
        ctx.status(status).json(error.body());
    }

    private void discover(Context ctx) {
        String base = baseUrl(ctx);
        ObjectNode body = Json.MAPPER.createObjectNode();
        ObjectNode server =
                body.putObject("serverInfo").put("productName", "O2G Solution").put("productType", "O2G");
        server.putObject("productVersion").put("major", "2.4").put("minor", "2.4.10");
        server.put("haMode", false);
        body.putArray("versions")
                .addObject()
                .put("id", "1.0")
                .put("status", "CURRENT")
                .put("publicUrl", base + ROOT + "/authenticate?version=1.0")
                .put("internalUrl", base + ROOT + "/authenticate?version=1.0");
        ctx.json(body);
    }

    private void authenticate(Context ctx) {
        if (!"1.0".equals(ctx.queryParam("version"))) {
            throw new O2gException(
                    400,
                    "BAD_PARAMETER_VALUE",
                    "Unsupported version: 1.0 expected",
                    "version=" + ctx.queryParam("version"));
        }
        BasicAuth.Credentials login = BasicAuth.decode(ctx.header("Authorization"));
        String credential = world.write(() -> {
            O2gHost host = host(ctx);
            if (login == null || !host.username.equals(login.user()) || !host.password.equals(login.secret())) {
                throw new O2gException(401, "AUTHENTICATION", "Authentication failed", "Bad login or password");
            }
            String issued = credential(login.user());
            host.addCredential(issued, Instant.now(clock));
            return issued;
        });
        ctx.header("Set-Cookie", COOKIE + "=" + credential + "; Path=/; HttpOnly");
        String sessions = baseUrl(ctx) + V1 + "/sessions";
        ctx.json(Json.MAPPER
                .createObjectNode()
                .put("credential", credential)
                .put("publicUrl", sessions)
                .put("internalUrl", sessions)
                .put("loginName", login.user())
                .put("expired", false));
    }

    private ObjectNode sessionInfo(Context ctx) {
        String base = baseUrl(ctx) + V1;
        ObjectNode body = Json.MAPPER
                .createObjectNode()
                .put("admin", true)
                .put("timeToLive", O2gHost.SESSION_TTL.toSeconds())
                .put("publicBaseUrl", base)
                .put("privateBaseUrl", base);
        ArrayNode services = body.putArray("services");
        services.addObject()
                .put("serviceName", "Sessions")
                .put("serviceVersion", "1.0")
                .put("relativeUrl", "/sessions");
        services.addObject()
                .put("serviceName", "PbxManagement")
                .put("serviceVersion", "1.0")
                .put("relativeUrl", "/pbxs");
        return body;
    }

    private void getInstance(Context ctx) {
        String filter = ctx.queryParam("attributes");
        Set<String> wanted = filter == null ? null : new HashSet<>(Arrays.asList(filter.split(",")));
        ctx.json(world.read(() -> {
            OxeNode node = node(ctx, true);
            String objectName = ctx.pathParam("objectName");
            ObjectModel model = objectModel(objectName);
            Map<String, List<String>> values = instance(node, objectName, ctx.pathParam("objectId"));
            ObjectNode body = Json.MAPPER
                    .createObjectNode()
                    .put("objectName", objectName)
                    .put("objectId", ctx.pathParam("objectId"));
            ArrayNode attributes = body.putArray("attributes");
            for (AttributeModel attribute : model.attributes()) {
                if (wanted != null && !wanted.contains(attribute.name())) {
                    continue;
                }
                List<String> value =
                        attribute.name().equals(hosts.model().names().connectionStatus())
                                ? List.of(hosts.agentStatus(host(ctx), node).wireName())
                                : shown(attribute, values.getOrDefault(attribute.name(), List.of("")));
                attributes.addObject().put("name", attribute.name()).set("value", Json.MAPPER.valueToTree(value));
            }
            return body;
        }));
    }

    /** Write-only values (codes, passwords) read as a mask once set. */
    private static List<String> shown(AttributeModel attribute, List<String> value) {
        boolean set = value.stream().anyMatch(v -> !v.isEmpty());
        return attribute.writeOnly() && set ? List.of(AttributeModel.MASK) : value;
    }

    private void setInstance(Context ctx) {
        JsonNode body = readBody(ctx);
        world.write(() -> {
            OxeNode node = node(ctx, true);
            String objectName = ctx.pathParam("objectName");
            ObjectModel model = objectModel(objectName);
            Map<String, List<String>> values = instance(node, objectName, ctx.pathParam("objectId"));
            Map<String, List<String>> changes = new LinkedHashMap<>();
            for (JsonNode entry : body.path("attributes")) {
                String name = entry.path("name").asText();
                AttributeModel attribute = model.attribute(name)
                        .orElseThrow(() -> new O2gException(
                                400,
                                "BAD_PARAMETER_VALUE",
                                "Unknown attribute " + name + " for object " + objectName,
                                "attribute=" + name));
                List<String> value = strings(entry.path("value"));
                String rejection = attribute.rejection(value);
                if (rejection != null) {
                    throw new O2gException(400, "BAD_PARAMETER_VALUE", rejection, "attribute=" + name);
                }
                changes.put(name, List.copyOf(value));
            }
            values.putAll(changes);
            if (objectName.equals(hosts.model().names().rainbowObject())
                    || objectName.equals(hosts.model().names().networkObject())) {
                hosts.agentChanged(host(ctx), node);
            }
        });
        ctx.status(204);
    }

    /** The values of an attribute entry: an array of strings, or null when it is anything else. */
    private static List<String> strings(JsonNode value) {
        if (!value.isArray()) {
            return null;
        }
        List<String> strings = new ArrayList<>();
        for (JsonNode item : value) {
            if (!item.isTextual()) {
                return null;
            }
            strings.add(item.asText());
        }
        return strings;
    }

    private static JsonNode readBody(Context ctx) {
        try {
            JsonNode body = Json.MAPPER.readTree(ctx.body());
            if (body != null && body.path("attributes").isArray()) {
                return body;
            }
        } catch (IOException e) {
            // answered below
        }
        throw new O2gException(
                400,
                "BAD_PARAMETER_VALUE",
                "The body must be {\"attributes\":[{\"name\",\"value\":[...]}]}",
                "invalid body");
    }

    private ObjectModel objectModel(String objectName) {
        return hosts.model()
                .object(objectName)
                .orElseThrow(() ->
                        new O2gException(404, "NOT_FOUND", "Unknown object " + objectName, "objectName=" + objectName));
    }

    private static Map<String, List<String>> instance(OxeNode node, String objectName, String objectId) {
        Map<String, List<String>> values =
                node.objects.getOrDefault(objectName, Map.of()).get(objectId);
        if (values == null) {
            throw new O2gException(
                    404, "NOT_FOUND", "No instance " + objectId + " of object " + objectName, "objectId=" + objectId);
        }
        return values;
    }

    private O2gHost host(Context ctx) {
        String forwardedHost = ctx.header("X-Forwarded-Host");
        O2gHost host = hosts.find(forwardedHost);
        if (host == null) {
            host = world.write(() -> hosts.createIfAllowed(forwardedHost));
        }
        if (host == null) {
            throw new O2gException(
                    404, "NOT_FOUND", "Unknown O2G host " + ctx.header("X-Forwarded-Host"), "X-Forwarded-Host");
        }
        return host;
    }

    /** The caller's session; {@code mustBeOpen} = a management call, which needs {@code POST /sessions} first. */
    private O2gHost.Session session(Context ctx, boolean mustBeOpen) {
        O2gHost.Session session = host(ctx).use(ctx.cookie(COOKIE), Instant.now(clock));
        if (session == null) {
            throw new O2gException(
                    401,
                    "AUTHENTICATION",
                    "Not authenticated or session expired",
                    "Missing or expired AlcUserId cookie");
        }
        if (mustBeOpen && !session.open) {
            throw new O2gException(
                    401, "SESSION", "No open session: POST /api/rest/1.0/sessions first", "Session not opened");
        }
        return session;
    }

    private OxeNode node(Context ctx, boolean mustBeConnected) {
        session(ctx, true);
        OxeNode node = host(ctx).nodes.get(ctx.pathParam("nodeId"));
        if (node == null) {
            throw new O2gException(
                    404,
                    "NOT_FOUND",
                    "Unknown PBX node " + ctx.pathParam("nodeId"),
                    "nodeId=" + ctx.pathParam("nodeId"));
        }
        if (mustBeConnected && !node.connected) {
            throw new O2gException(
                    503, "PBX_NOT_CONNECTED", "The PBX " + node.nodeId + " is not connected", "CMISE link down");
        }
        return node;
    }

    private String credential(String login) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String payload = Json.MAPPER
                .createObjectNode()
                .put("login", login)
                .put("iat", Instant.now(clock).getEpochSecond())
                .toString();
        return b64.encodeToString("{\"alg\":\"HS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + ids.hex(16);
    }

    private static JsonNode parseNodeId(String nodeId) {
        try {
            return Json.MAPPER.getNodeFactory().numberNode(Integer.parseInt(nodeId));
        } catch (NumberFormatException e) {
            return Json.MAPPER.getNodeFactory().textNode(nodeId);
        }
    }

    private static String baseUrl(Context ctx) {
        String proto = ctx.header("X-Forwarded-Proto") != null ? ctx.header("X-Forwarded-Proto") : "http";
        String host = ctx.header("X-Forwarded-Host") != null ? ctx.header("X-Forwarded-Host") : ctx.host();
        return proto + "://" + host;
    }
}
