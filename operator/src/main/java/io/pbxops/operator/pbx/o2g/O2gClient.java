package io.pbxops.operator.pbx.o2g;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The O2G REST management client for one {@link O2gEndpoint} (docs/pbx-contract.md#bootstrap-and-session).
 *
 * <p>The session is handled for the caller: the first call authenticates (Basic, answered by the {@code AlcUserId}
 * cookie) and opens a session; a call made after half the session's time-to-live first sends a keepalive; a call
 * made after the whole of it starts a new session; a 401 (session expired or revoked) re-authenticates once and
 * repeats the call. When the active URL cannot be connected to, the client fails over to the other one (primary ⇄
 * standby) and starts a session there.
 *
 * <p>Thread-safe: the methods are synchronized (one reconcile at a time talks to one PBX anyway, so there is nothing to
 * gain from parallel calls on one session). Nothing secret is logged or put in a message: the password and the
 * values of secret attributes ({@link O2gAttribute#isSecret}) are removed from what O2G answers.
 */
public final class O2gClient implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(O2gClient.class);
    private static final String REST = "/api/rest";
    private static final String COOKIE = "AlcUserId";
    private static final String DEFAULT_VERSION = "1.0";
    private static final String DEFAULT_MANAGEMENT_PATH = "/pbxs";
    private static final String MANAGEMENT_SERVICE = "PbxManagement";

    private final O2gEndpoint endpoint;
    private final O2gClientConfig config;
    private final HttpClient http;
    private final ObjectMapper json;
    private final List<URI> urls;

    private int active;
    private String version;
    private String credential;
    private Duration ttl;
    private Instant refreshedAt;
    private String managementPath = DEFAULT_MANAGEMENT_PATH;

    private O2gClient(O2gEndpoint endpoint, O2gClientConfig config) {
        this.endpoint = endpoint;
        this.config = config;
        this.urls = endpoint.standbyUrl() == null
                ? List.of(endpoint.url())
                : List.of(endpoint.url(), endpoint.standbyUrl());
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.json = JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
                .build();
    }

    public static O2gClient create(O2gEndpoint endpoint, O2gClientConfig config) {
        return new O2gClient(endpoint, config);
    }

    public O2gEndpoint endpoint() {
        return endpoint;
    }

    /** The URL in use now: the primary, or the standby after a failover. */
    public synchronized URI activeUrl() {
        return urls.get(active);
    }

    // ---- bootstrap and session ---------------------------------------------------------------------------------

    /** {@code GET /api/rest}: no session needed. */
    public synchronized O2gDiscovery discover() {
        return withFailover("discover the O2G API", this::discoverOnActive);
    }

    /** Authenticates and opens a session now (otherwise the first call does); returns what O2G said about it. */
    public synchronized O2gSessionInfo openSession() {
        return withFailover("open an O2G session", () -> {
            dropSession();
            return startSession();
        });
    }

    /** {@code POST .../sessions/keepalive}: starts a session when there is none. */
    public synchronized void keepAlive() {
        withFailover("keep the O2G session alive", () -> {
            if (credential == null) {
                startSession();
            } else if (!sendKeepAlive()) {
                dropSession();
                startSession();
            }
            return null;
        });
    }

    /** Closes the session ({@code DELETE .../sessions}), if one is open; failures are only logged. */
    @Override
    public synchronized void close() {
        if (credential == null) {
            return;
        }
        try {
            Answer answer =
                    send(new Op("close the O2G session", "DELETE", sessionsPath(), Map.of(), null, Set.of()), true);
            if (!answer.ok()) {
                LOG.debug("Closing the O2G session answered {}", answer.status());
            }
        } catch (RuntimeException e) {
            LOG.debug("Closing the O2G session failed: {}", e.toString());
        } finally {
            dropSession();
        }
    }

    // ---- management service ------------------------------------------------------------------------------------

    /** {@code GET /pbxs}: the OXE node ids this gateway manages. */
    public synchronized List<String> listNodes() {
        JsonNode body = read(new Op("list the OXE nodes", "GET", managementPath, Map.of(), null, Set.of()));
        return strings(body.get("nodeIds"));
    }

    /** {@code GET /pbxs/{nodeId}/model}: the node's whole object model. */
    public synchronized O2gModel getModel(String nodeId) {
        return convert(
                read(new Op(
                        "read the model of node " + nodeId,
                        "GET",
                        nodePath(nodeId) + "/model",
                        Map.of(),
                        null,
                        Set.of())),
                O2gModel.class);
    }

    /** {@code GET /pbxs/{nodeId}/model/{objectName}}: one object's model with its attributes. */
    public synchronized O2gModel getModel(String nodeId, String objectName) {
        return convert(
                read(new Op(
                        "read the model of " + objectName + " on node " + nodeId,
                        "GET",
                        nodePath(nodeId) + "/model/" + segment(objectName),
                        Map.of(),
                        null,
                        Set.of())),
                O2gModel.class);
    }

    /** {@code GET /pbxs/{nodeId}/instances}: the node's root object; {@code objectNames} lists its sub-objects. */
    public synchronized O2gInstance getRootInstance(String nodeId) {
        return convert(
                read(new Op(
                        "read the root object of node " + nodeId,
                        "GET",
                        nodePath(nodeId) + "/instances",
                        Map.of(),
                        null,
                        Set.of())),
                O2gInstance.class);
    }

    /** {@code GET /pbxs/{nodeId}/instances/{objectName}[?filter=]}: instance ids (filter may be null). */
    public synchronized List<String> listInstanceIds(String nodeId, String objectName, String filter) {
        Map<String, String> query = filter == null ? Map.of() : Map.of("filter", filter);
        JsonNode body = read(new Op(
                "list the instances of " + objectName + " on node " + nodeId,
                "GET",
                nodePath(nodeId) + "/instances/" + segment(objectName),
                query,
                null,
                Set.of()));
        return strings(body.get("objectIds"));
    }

    /**
     * {@code GET /pbxs/{nodeId}/instances/{objectName}/{objectId}[?attributes=a,b]}: with no attribute names, all
     * attributes.
     */
    public synchronized O2gInstance getInstance(
            String nodeId, String objectName, String objectId, String... attributes) {
        Map<String, String> query =
                attributes.length == 0 ? Map.of() : Map.of("attributes", String.join(",", attributes));
        return convert(
                read(new Op(
                        "read " + objectName + "/" + objectId + " on node " + nodeId,
                        "GET",
                        instancePath(nodeId, objectName, objectId),
                        query,
                        null,
                        Set.of())),
                O2gInstance.class);
    }

    /** {@code PUT /pbxs/{nodeId}/instances/{objectName}/{objectId}} with {@code {"attributes": [...]}} (204). */
    public synchronized void setAttributes(
            String nodeId, String objectName, String objectId, List<O2gAttribute> attributes) {
        Set<String> secrets = attributes.stream()
                .filter(a -> O2gAttribute.isSecret(a.name()))
                .flatMap(a -> a.value().stream())
                .filter(v -> !v.isEmpty())
                .collect(Collectors.toSet());
        String names = attributes.stream().map(O2gAttribute::name).collect(Collectors.joining(", "));
        exchange(new Op(
                "set " + names + " of " + objectName + "/" + objectId + " on node " + nodeId,
                "PUT",
                instancePath(nodeId, objectName, objectId),
                Map.of(),
                Map.of("attributes", attributes),
                secrets));
    }

    // ---- the machinery -----------------------------------------------------------------------------------------

    /** One call under {@code /api/rest/{version}}; {@code secrets} are values to keep out of messages. */
    private record Op(
            String action, String method, String path, Map<String, String> query, Object body, Set<String> secrets) {
        @Override
        public String toString() {
            return method + " " + path + " (" + action + ")"; // never the body or the secrets
        }
    }

    private record Answer(int status, byte[] body, HttpResponse<byte[]> raw) {
        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    /** The connection could not be made: the signal to fail over. */
    private static final class Unreachable extends RuntimeException {
        Unreachable(Throwable cause) {
            super(cause);
        }
    }

    private interface Step<T> {
        T run();
    }

    private JsonNode read(Op op) {
        Answer answer = exchange(op);
        try {
            return answer.body().length == 0 ? json.createObjectNode() : json.readTree(answer.body());
        } catch (IOException e) {
            throw new O2gException(message(op, "the answer is not JSON"), answer.status(), null, null);
        }
    }

    private Answer exchange(Op op) {
        return withFailover(op.action(), () -> {
            ensureSession();
            Answer answer = send(op, true);
            if (answer.status() == 401) {
                LOG.debug("O2G session rejected, authenticating again");
                dropSession();
                startSession();
                answer = send(op, true);
            }
            if (!answer.ok()) {
                throw toException(op, answer);
            }
            return answer;
        });
    }

    private <T> T withFailover(String action, Step<T> step) {
        for (int tried = 1; ; tried++) {
            try {
                return step.run();
            } catch (Unreachable e) {
                URI failed = urls.get(active);
                if (tried >= urls.size()) {
                    throw new O2gUnavailableException(
                            "Cannot " + action + ": O2G " + describeUrls() + " cannot be reached ("
                                    + e.getCause().getClass().getSimpleName() + ")",
                            0,
                            null,
                            e.getCause());
                }
                active = (active + 1) % urls.size();
                dropSession();
                LOG.warn("O2G {} cannot be reached, failing over to {}", failed, urls.get(active));
            }
        }
    }

    private void ensureSession() {
        Instant now = config.clock().instant();
        if (credential != null && !now.isBefore(refreshedAt.plus(ttl))) {
            dropSession(); // expired while idle: a keepalive would only get a 401
        }
        if (credential == null) {
            startSession();
        } else if (!now.isBefore(refreshedAt.plus(ttl.dividedBy(2))) && !sendKeepAlive()) {
            dropSession();
            startSession();
        }
    }

    private O2gSessionInfo startSession() {
        if (version == null) {
            version = discoverOnActive()
                    .currentVersion()
                    .map(O2gDiscovery.Version::id)
                    .orElse(DEFAULT_VERSION);
        }
        authenticate();
        Op open = new Op(
                "open an O2G session",
                "POST",
                sessionsPath(),
                Map.of(),
                Map.of("applicationName", config.applicationName()),
                Set.of());
        Answer answer = send(open, true);
        if (!answer.ok()) {
            O2gException failure = toException(open, answer);
            dropSession();
            throw failure;
        }
        O2gSessionInfo session = convert(parse(open, answer), O2gSessionInfo.class);
        ttl = session.timeToLive() == null || session.timeToLive() <= 0
                ? config.defaultSessionTtl()
                : Duration.ofSeconds(session.timeToLive());
        refreshedAt = config.clock().instant();
        managementPath = session.service(MANAGEMENT_SERVICE)
                .map(O2gSessionInfo.Service::relativeUrl)
                .filter(url -> url.startsWith("/"))
                .orElse(DEFAULT_MANAGEMENT_PATH);
        LOG.debug("O2G session open on {} (ttl {})", urls.get(active), ttl);
        return session;
    }

    private void authenticate() {
        Op login = new Op(
                "log in to O2G as " + endpoint.username(),
                "GET",
                null,
                Map.of("version", version),
                null,
                Set.of(endpoint.password()));
        String basic = Base64.getEncoder()
                .encodeToString((endpoint.username() + ":" + endpoint.password()).getBytes(StandardCharsets.UTF_8));
        Answer answer = sendRaw(login, REST + "/authenticate", Map.of("Authorization", "Basic " + basic));
        if (answer.status() == 401 || answer.status() == 403) {
            throw new O2gAuthenticationException(
                    message(
                            login,
                            "O2G refused the credentials of " + endpoint.username() + " (" + answer.status()
                                    + "); correct the Secret the Pbx names"),
                    answer.status(),
                    errorOf(answer),
                    null);
        }
        if (!answer.ok()) {
            throw toException(login, answer);
        }
        String fromCookie = answer.raw().headers().allValues("set-cookie").stream()
                .map(String::trim)
                .filter(c -> c.startsWith(COOKIE + "="))
                .map(c -> c.substring(COOKIE.length() + 1).split(";", 2)[0])
                .findFirst()
                .orElse(null);
        String fromBody = parse(login, answer).path("credential").asText(null);
        credential = fromCookie != null ? fromCookie : fromBody;
        if (credential == null || credential.isEmpty()) {
            credential = null;
            throw new O2gException(message(login, "the answer holds no credential"), answer.status(), null, null);
        }
    }

    private boolean sendKeepAlive() {
        Answer answer = send(
                new Op("keep the O2G session alive", "POST", sessionsPath() + "/keepalive", Map.of(), null, Set.of()),
                true);
        if (answer.ok()) {
            refreshedAt = config.clock().instant();
            return true;
        }
        LOG.debug("O2G keepalive answered {}", answer.status());
        return false;
    }

    private O2gDiscovery discoverOnActive() {
        Op discover = new Op("discover the O2G API", "GET", null, Map.of(), null, Set.of());
        Answer answer = sendRaw(discover, REST, Map.of());
        if (!answer.ok()) {
            throw toException(discover, answer);
        }
        return convert(parse(discover, answer), O2gDiscovery.class);
    }

    private void dropSession() {
        credential = null;
        refreshedAt = null;
    }

    private String sessionsPath() {
        return "/sessions";
    }

    private Answer send(Op op, boolean withSession) {
        Map<String, String> headers =
                withSession && credential != null ? Map.of("Cookie", COOKIE + "=" + credential) : Map.of();
        return sendRaw(op, REST + "/" + version + op.path(), headers);
    }

    private Answer sendRaw(Op op, String path, Map<String, String> headers) {
        EndpointRouting.Route route = config.routing().route(urls.get(active));
        String base = route.dialUrl().toString();
        if (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        URI uri = URI.create(base + path + query(op.query()));
        HttpRequest.Builder request =
                HttpRequest.newBuilder(uri).timeout(config.requestTimeout()).header("Accept", "application/json");
        if (route.forwardedHost() != null) {
            request.header("X-Forwarded-Host", route.forwardedHost());
        }
        headers.forEach(request::header);
        if (op.body() != null) {
            request.header("Content-Type", "application/json")
                    .method(op.method(), HttpRequest.BodyPublishers.ofByteArray(serialize(op)));
        } else {
            request.method(op.method(), HttpRequest.BodyPublishers.noBody());
        }
        LOG.debug("-> {} {}{}", op.method(), urls.get(active), path);
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            LOG.debug("<- {} {} {}", response.statusCode(), op.method(), path);
            return new Answer(response.statusCode(), response.body() == null ? new byte[0] : response.body(), response);
        } catch (ConnectException | HttpConnectTimeoutException e) {
            throw new Unreachable(e);
        } catch (IOException e) {
            if (e.getCause() instanceof UnresolvedAddressException) {
                throw new Unreachable(e);
            }
            throw new O2gUnavailableException(
                    message(op, "the connection failed (" + e.getClass().getSimpleName() + ")"), 0, null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new O2gUnavailableException(message(op, "interrupted"), 0, null, e);
        }
    }

    private O2gException toException(Op op, Answer answer) {
        O2gErrorInfo error = errorOf(answer);
        StringBuilder said = new StringBuilder().append(answer.status());
        if (error != null) {
            if (error.httpStatus() != null) {
                said.append(' ').append(error.httpStatus());
            }
            if (error.helpMessage() != null) {
                said.append(": ").append(error.helpMessage());
            }
            if (error.innerMessage() != null && !error.innerMessage().equals(error.helpMessage())) {
                said.append(" (").append(error.innerMessage()).append(')');
            }
        }
        String message = redact(message(op, said.toString()), op.secrets());
        O2gErrorInfo safeError = error == null
                ? null
                : new O2gErrorInfo(
                        error.httpStatus(),
                        error.code(),
                        redact(error.helpMessage(), op.secrets()),
                        error.type(),
                        redact(error.innerMessage(), op.secrets()),
                        error.canRetry());
        return switch (answer.status()) {
            case 400 -> new O2gInvalidRequestException(message, 400, safeError, null);
            case 404 -> new O2gNotFoundException(message, 404, safeError, null);
            case 503 -> new O2gUnavailableException(message, 503, safeError, null);
            default -> new O2gException(message, answer.status(), safeError, null);
        };
    }

    private O2gErrorInfo errorOf(Answer answer) {
        if (answer.body().length == 0) {
            return null;
        }
        try {
            return json.readValue(answer.body(), O2gErrorInfo.class);
        } catch (IOException e) {
            return null;
        }
    }

    private String message(Op op, String what) {
        return "Cannot " + op.action() + " at O2G " + urls.get(active) + ": " + what;
    }

    private static String redact(String text, Set<String> secrets) {
        if (text == null) {
            return null;
        }
        String result = text;
        for (String secret : secrets) {
            if (!secret.isEmpty()) {
                result = result.replace(secret, "****");
            }
        }
        return result;
    }

    private JsonNode parse(Op op, Answer answer) {
        try {
            return json.readTree(answer.body());
        } catch (IOException e) {
            throw new O2gException(message(op, "the answer is not JSON"), answer.status(), null, null);
        }
    }

    private <T> T convert(JsonNode node, Class<T> type) {
        try {
            return json.treeToValue(node, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new O2gException(
                    "Unexpected O2G answer shape for " + type.getSimpleName() + " from " + urls.get(active),
                    200,
                    null,
                    null);
        }
    }

    private byte[] serialize(Op op) {
        try {
            return json.writeValueAsBytes(op.body());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot serialize the body to " + op.action());
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        if (array != null && array.isArray()) {
            array.forEach(item -> values.add(item.asText()));
        }
        return List.copyOf(values);
    }

    private String nodePath(String nodeId) {
        return managementPath + "/" + segment(nodeId);
    }

    private String instancePath(String nodeId, String objectName, String objectId) {
        return nodePath(nodeId) + "/instances/" + segment(objectName) + "/" + segment(objectId);
    }

    private static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String query(Map<String, String> query) {
        if (query.isEmpty()) {
            return "";
        }
        Map<String, String> ordered = new LinkedHashMap<>(query);
        return "?"
                + ordered.entrySet().stream()
                        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                        .collect(Collectors.joining("&"));
    }

    private String describeUrls() {
        return urls.stream().map(URI::toString).collect(Collectors.joining(" and "));
    }

    @Override
    public String toString() {
        return "O2gClient[" + endpoint + "]";
    }
}
