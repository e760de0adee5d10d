package io.pbxops.operator.pbx.o2g;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.RetryPolicy;
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
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The O2G REST management client for one {@link O2gGateway}: one session serves every OXE node behind it
 * (docs/pbx-contract.md#bootstrap-and-session).
 *
 * <p>The session is handled for the caller: the first call discovers the API, authenticates (Basic, answered by the
 * {@code AlcUserId} cookie) and opens a session; a call made after half the session's time-to-live first sends a
 * keepalive; a call made after the whole of it starts a new session; a 401 (session expired or revoked) opens a new
 * session once and repeats the call. When the active URL cannot be connected to, the client fails over to the other
 * one (primary ⇄ standby) and starts a session there.
 *
 * <p>Every call is idempotent (reads, writes of given values, opening a session), so a passing failure — a 5xx, a
 * connection dropped before the answer, no URL reachable — is retried within the call with backoff and jitter, within
 * the bounds of {@link O2gRetrySettings}; any other 4xx is final.
 *
 * <p>Thread-safe, and calls run in parallel: only starting, refreshing and closing the session are serialized. Nothing
 * secret is logged or put in a message: the password and the values of secret attributes
 * ({@link O2gAttribute#isSecret}) are removed from what O2G answers.
 */
public final class O2gClient implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(O2gClient.class);
    private static final String REST = "/api/rest";
    private static final String COOKIE = "AlcUserId";
    private static final String DEFAULT_VERSION = "1.0";
    private static final String DEFAULT_MANAGEMENT_PATH = "/pbxs";
    private static final String MANAGEMENT_SERVICE = "PbxManagement";
    private static final String SESSIONS = "/sessions";

    private final O2gGateway gateway;
    private final O2gClientConfig config;
    private final HttpClient http;
    private final ObjectMapper json;
    private final List<URI> urls;
    private final RetryPolicy<Object> retries;
    /** Guards starting, refreshing, renewing and closing the session, and failing over. */
    private final Object sessionLock = new Object();

    private volatile int active;
    /** What {@code GET /api/rest} said on the active URL; forgotten when the O2G may have changed (restart, failover). */
    private volatile O2gDiscovery discovery;

    private volatile Session session;

    private O2gClient(O2gGateway gateway, O2gClientConfig config) {
        this.gateway = gateway;
        this.config = config;
        this.urls =
                gateway.standbyUrl() == null ? List.of(gateway.url()) : List.of(gateway.url(), gateway.standbyUrl());
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.json = JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
                .build();
        this.retries = retryPolicy(config.retry());
    }

    public static O2gClient create(O2gGateway gateway, O2gClientConfig config) {
        return new O2gClient(gateway, config);
    }

    /** The client of the endpoint's O2G and account; the node is named in each call. */
    public static O2gClient create(O2gEndpoint endpoint, O2gClientConfig config) {
        return create(endpoint.gateway(), config);
    }

    public O2gGateway gateway() {
        return gateway;
    }

    /** The URL in use now: the primary, or the standby after a failover. */
    public URI activeUrl() {
        return urls.get(active);
    }

    // ---- bootstrap and session ---------------------------------------------------------------------------------

    /** {@code GET /api/rest}: no session needed; the answer is kept for {@link #discovery()}. */
    public O2gDiscovery discover() {
        return retrying(() -> withFailover("discover the O2G API", () -> {
            int url = active;
            O2gDiscovery found = discoverOn(url);
            discovery = found;
            return found;
        }));
    }

    /**
     * What the O2G said of itself (its versions, its software release): asked once, then kept until the O2G may
     * have changed (a rejected session, a failover).
     */
    public O2gDiscovery discovery() {
        O2gDiscovery known = discovery;
        if (known != null) {
            return known;
        }
        return retrying(() -> withFailover("discover the O2G API", () -> {
            synchronized (sessionLock) {
                O2gDiscovery again = discovery;
                if (again == null) {
                    again = discoverOn(active);
                    discovery = again;
                }
                return again;
            }
        }));
    }

    /** Authenticates and opens a session now (otherwise the first call does); returns what O2G said about it. */
    public O2gSessionInfo openSession() {
        return retrying(() -> withFailover("open an O2G session", () -> {
            synchronized (sessionLock) {
                session = null;
                session = startSession();
                return session.info();
            }
        }));
    }

    /** {@code POST .../sessions/keepalive}: starts a session when there is none. */
    public void keepAlive() {
        retrying(() -> withFailover("keep the O2G session alive", () -> {
            synchronized (sessionLock) {
                Session current = session;
                if (current == null || current.url() != active) {
                    session = startSession();
                } else if (sendKeepAlive(current)) {
                    session = current.refreshed(config.clock().instant());
                } else {
                    session = null;
                    session = startSession();
                }
                return null;
            }
        }));
    }

    /** Closes the session ({@code DELETE .../sessions}), if one is open; failures are only logged. */
    @Override
    public void close() {
        synchronized (sessionLock) {
            Session current = session;
            if (current == null) {
                return;
            }
            try {
                Answer answer =
                        send(new Op("close the O2G session", "DELETE", SESSIONS, false, Map.of(), null), current);
                if (!answer.ok()) {
                    LOG.debug("Closing the O2G session answered {}", answer.status());
                }
            } catch (RuntimeException e) {
                LOG.debug("Closing the O2G session failed: {}", e.toString());
            } finally {
                session = null;
            }
        }
    }

    // ---- management service ------------------------------------------------------------------------------------

    /** {@code GET /pbxs}: the OXE node ids this gateway manages. */
    public List<String> listNodes() {
        JsonNode body = read(Op.management("list the OXE nodes", "GET", "", Map.of()));
        return strings(body.get("nodeIds"));
    }

    /** {@code GET /pbxs/{nodeId}/model}: the node's whole object model. */
    public O2gModel getModel(String nodeId) {
        return convert(
                read(Op.management("read the model of node " + nodeId, "GET", nodePath(nodeId) + "/model", Map.of())),
                O2gModel.class);
    }

    /** {@code GET /pbxs/{nodeId}/model/{objectName}}: one object's model with its attributes. */
    public O2gModel getModel(String nodeId, String objectName) {
        return convert(
                read(Op.management(
                        "read the model of " + objectName + " on node " + nodeId,
                        "GET",
                        nodePath(nodeId) + "/model/" + segment(objectName),
                        Map.of())),
                O2gModel.class);
    }

    /** {@code GET /pbxs/{nodeId}/instances}: the node's root object; {@code objectNames} lists its sub-objects. */
    public O2gInstance getRootInstance(String nodeId) {
        return convert(
                read(Op.management(
                        "read the root object of node " + nodeId, "GET", nodePath(nodeId) + "/instances", Map.of())),
                O2gInstance.class);
    }

    /** {@code GET /pbxs/{nodeId}/instances/{objectName}[?filter=]}: instance ids (filter may be null). */
    public List<String> listInstanceIds(String nodeId, String objectName, String filter) {
        Map<String, String> query = filter == null ? Map.of() : Map.of("filter", filter);
        JsonNode body = read(Op.management(
                "list the instances of " + objectName + " on node " + nodeId,
                "GET",
                nodePath(nodeId) + "/instances/" + segment(objectName),
                query));
        return strings(body.get("objectIds"));
    }

    /**
     * {@code GET /pbxs/{nodeId}/instances/{objectName}/{objectId}[?attributes=a,b]}: with no attribute names, all
     * attributes.
     */
    public O2gInstance getInstance(String nodeId, String objectName, String objectId, String... attributes) {
        Map<String, String> query =
                attributes.length == 0 ? Map.of() : Map.of("attributes", String.join(",", attributes));
        return convert(
                read(Op.management(
                        "read " + objectName + "/" + objectId + " on node " + nodeId,
                        "GET",
                        instancePath(nodeId, objectName, objectId),
                        query)),
                O2gInstance.class);
    }

    /**
     * {@code PUT /pbxs/{nodeId}/instances/{objectName}/{objectId}} with {@code {"attributes": [...]}} (204). Writing
     * given values is idempotent, so a passing failure is retried like a read.
     */
    public void setAttributes(String nodeId, String objectName, String objectId, List<O2gAttribute> attributes) {
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
                true,
                Map.of(),
                Map.of("attributes", attributes),
                secrets));
    }

    // ---- the machinery -----------------------------------------------------------------------------------------

    /**
     * One call under {@code /api/rest/{version}}, under the session's management path when {@code management};
     * {@code secrets} are values to keep out of messages.
     */
    private record Op(
            String action,
            String method,
            String path,
            boolean management,
            Map<String, String> query,
            Object body,
            Set<String> secrets) {

        Op(String action, String method, String path, boolean management, Map<String, String> query, Object body) {
            this(action, method, path, management, query, body, Set.of());
        }

        static Op management(String action, String method, String path, Map<String, String> query) {
            return new Op(action, method, path, true, query, null);
        }

        @Override
        public String toString() {
            return method + " " + path + " (" + action + ")"; // never the body or the secrets
        }
    }

    /** An open session: on which URL, with which API version and credential, and until when. */
    private record Session(
            int url,
            String version,
            String credential,
            Duration ttl,
            Instant refreshedAt,
            String managementPath,
            O2gSessionInfo info) {

        Session refreshed(Instant now) {
            return new Session(url, version, credential, ttl, now, managementPath, info);
        }

        boolean expiredAt(Instant now) {
            return !now.isBefore(refreshedAt.plus(ttl));
        }

        boolean dueForKeepAliveAt(Instant now) {
            return !now.isBefore(refreshedAt.plus(ttl.dividedBy(2)));
        }
    }

    private record Answer(int status, byte[] body, HttpResponse<byte[]> raw) {
        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    /** The connection to one URL could not be made: the signal to fail over. */
    private static final class Unreachable extends RuntimeException {
        private final int url;

        Unreachable(int url, Throwable cause) {
            super(cause);
            this.url = url;
        }
    }

    private interface Step<T> {
        T run();
    }

    private static RetryPolicy<Object> retryPolicy(O2gRetrySettings settings) {
        var builder = RetryPolicy.builder()
                .handleIf(O2gClient::passing)
                .withMaxRetries(settings.maxRetries())
                .withMaxDuration(settings.maxDuration())
                .onRetry(event -> LOG.debug(
                        "Repeating an O2G call after a passing failure (retry {}): {}",
                        event.getAttemptCount(),
                        event.getLastException() == null
                                ? "?"
                                : event.getLastException().getMessage()));
        if (settings.initialDelay().compareTo(settings.maxDelay()) < 0) {
            builder.withBackoff(settings.initialDelay(), settings.maxDelay());
        } else {
            builder.withDelay(settings.initialDelay());
        }
        if (settings.jitterFactor() > 0) {
            builder.withJitter(settings.jitterFactor());
        }
        return builder.build();
    }

    /**
     * A failure that may not happen again: a 5xx (503 included: the O2G has lost its OXE for a moment), a
     * connection lost before the answer, or no URL reachable. Refused credentials, other 4xx and answers that cannot
     * be read are final.
     */
    static boolean passing(Throwable failure) {
        if (!(failure instanceof O2gException e) || e instanceof O2gAuthenticationException) {
            return false;
        }
        if (e.getCause() instanceof InterruptedException) {
            return false;
        }
        int status = e.httpStatus();
        return status == 0 || status >= 500 && status <= 599;
    }

    private <T> T retrying(Step<T> call) {
        try {
            return Failsafe.with(retries).get(call::run);
        } catch (FailsafeException e) {
            if (e.getCause() instanceof InterruptedException) {
                Thread.currentThread().interrupt();
                throw new O2gUnavailableException(
                        "Interrupted while waiting to repeat an O2G call on " + urls.get(active), 0, null, e);
            }
            throw e;
        }
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
        return retrying(() -> withFailover(op.action(), () -> {
            Session current = ensureSession();
            Answer answer = send(op, current);
            if (answer.status() == 401) {
                LOG.debug("O2G session rejected, opening a new one");
                answer = send(op, renewSession(current));
            }
            if (!answer.ok()) {
                throw toException(op, answer);
            }
            return answer;
        }));
    }

    private <T> T withFailover(String action, Step<T> step) {
        for (int tried = 1; ; tried++) {
            try {
                return step.run();
            } catch (Unreachable e) {
                if (tried >= urls.size()) {
                    throw new O2gUnavailableException(
                            "Cannot " + action + ": O2G " + describeUrls() + " cannot be reached ("
                                    + e.getCause().getClass().getSimpleName() + ")",
                            0,
                            null,
                            e.getCause());
                }
                failOver(e.url);
            }
        }
    }

    /** Switches to the other URL, unless another call already did after the same failure. */
    private void failOver(int failed) {
        synchronized (sessionLock) {
            if (active != failed) {
                return;
            }
            active = (failed + 1) % urls.size();
            session = null;
            discovery = null;
            LOG.warn("O2G {} cannot be reached, failing over to {}", urls.get(failed), urls.get(active));
        }
    }

    /** The session to send a call with: the current one, refreshed or started first when its time has come. */
    private Session ensureSession() {
        Session current = session;
        if (current != null
                && current.url() == active
                && !current.dueForKeepAliveAt(config.clock().instant())) {
            return current;
        }
        synchronized (sessionLock) {
            current = session;
            Instant now = config.clock().instant();
            if (current != null && (current.url() != active || current.expiredAt(now))) {
                current = null; // expired while idle: a keepalive would only get a 401
                session = null;
            }
            if (current == null) {
                session = startSession();
            } else if (current.dueForKeepAliveAt(now)) {
                if (sendKeepAlive(current)) {
                    session = current.refreshed(config.clock().instant());
                } else {
                    session = null;
                    session = startSession();
                }
            }
            return session;
        }
    }

    /**
     * A new session after O2G rejected {@code rejected}, unless another call already opened one. The O2G may have
     * restarted (an upgrade), so what it said of itself is asked again.
     */
    private Session renewSession(Session rejected) {
        synchronized (sessionLock) {
            Session current = session;
            if (current != null && current != rejected && current.url() == active) {
                return current;
            }
            session = null;
            discovery = null;
            session = startSession();
            return session;
        }
    }

    /** Under the session lock: discovers the API when needed, authenticates and opens a session on the active URL. */
    private Session startSession() {
        int url = active;
        O2gDiscovery known = discovery;
        if (known == null) {
            known = discoverOn(url);
            discovery = known;
        }
        String version = known.currentVersion().map(O2gDiscovery.Version::id).orElse(DEFAULT_VERSION);
        String credential = authenticate(url, version);
        Op open = new Op(
                "open an O2G session",
                "POST",
                SESSIONS,
                false,
                Map.of(),
                Map.of("applicationName", config.applicationName()));
        Answer answer =
                sendRaw(open, url, REST + "/" + version + SESSIONS, Map.of("Cookie", COOKIE + "=" + credential));
        if (!answer.ok()) {
            throw toException(open, answer);
        }
        O2gSessionInfo info = convert(parse(open, answer), O2gSessionInfo.class);
        Duration ttl = info.timeToLive() == null || info.timeToLive() <= 0
                ? config.defaultSessionTtl()
                : Duration.ofSeconds(info.timeToLive());
        String managementPath = info.service(MANAGEMENT_SERVICE)
                .map(O2gSessionInfo.Service::relativeUrl)
                .filter(path -> path.startsWith("/"))
                .orElse(DEFAULT_MANAGEMENT_PATH);
        LOG.debug("O2G session open on {} (ttl {})", urls.get(url), ttl);
        return new Session(url, version, credential, ttl, config.clock().instant(), managementPath, info);
    }

    private String authenticate(int url, String version) {
        Op login = new Op(
                "log in to O2G as " + gateway.username(),
                "GET",
                null,
                false,
                Map.of("version", version),
                null,
                Set.of(gateway.password()));
        String basic = Base64.getEncoder()
                .encodeToString((gateway.username() + ":" + gateway.password()).getBytes(StandardCharsets.UTF_8));
        Answer answer = sendRaw(login, url, REST + "/authenticate", Map.of("Authorization", "Basic " + basic));
        if (answer.status() == 401 || answer.status() == 403) {
            throw new O2gAuthenticationException(
                    message(
                            login,
                            "O2G refused the credentials of " + gateway.username() + " (" + answer.status()
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
        String credential = fromCookie != null ? fromCookie : fromBody;
        if (credential == null || credential.isEmpty()) {
            throw new O2gException(message(login, "the answer holds no credential"), answer.status(), null, null);
        }
        return credential;
    }

    private boolean sendKeepAlive(Session current) {
        Answer answer = send(
                new Op("keep the O2G session alive", "POST", SESSIONS + "/keepalive", false, Map.of(), null), current);
        if (answer.ok()) {
            return true;
        }
        LOG.debug("O2G keepalive answered {}", answer.status());
        return false;
    }

    private O2gDiscovery discoverOn(int url) {
        Op discover = new Op("discover the O2G API", "GET", null, false, Map.of(), null);
        Answer answer = sendRaw(discover, url, REST, Map.of());
        if (!answer.ok()) {
            throw toException(discover, answer);
        }
        return convert(parse(discover, answer), O2gDiscovery.class);
    }

    private Answer send(Op op, Session with) {
        String path = REST + "/" + with.version() + (op.management() ? with.managementPath() : "") + op.path();
        return sendRaw(op, with.url(), path, Map.of("Cookie", COOKIE + "=" + with.credential()));
    }

    private Answer sendRaw(Op op, int url, String path, Map<String, String> headers) {
        EndpointRouting.Route route = config.routing().route(urls.get(url));
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
        LOG.debug("-> {} {}{}", op.method(), urls.get(url), path);
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            LOG.debug("<- {} {} {}", response.statusCode(), op.method(), path);
            return new Answer(response.statusCode(), response.body() == null ? new byte[0] : response.body(), response);
        } catch (ConnectException | HttpConnectTimeoutException e) {
            throw new Unreachable(url, e);
        } catch (IOException e) {
            if (e.getCause() instanceof UnresolvedAddressException) {
                throw new Unreachable(url, e);
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

    /** Relative to the session's management path. */
    private static String nodePath(String nodeId) {
        return "/" + segment(nodeId);
    }

    private static String instancePath(String nodeId, String objectName, String objectId) {
        return nodePath(nodeId) + "/instances/" + segment(objectName) + "/" + segment(objectId);
    }

    /**
     * A name or an object's path in the URL: each part encoded, the {@code /} between the parts of a sub-object's
     * path ({@code Obj1/id1/Obj2}) sent raw, as the official SDKs send it.
     */
    static String segment(String value) {
        return Arrays.stream(value.split("/", -1))
                .map(part -> URLEncoder.encode(part, StandardCharsets.UTF_8).replace("+", "%20"))
                .collect(Collectors.joining("/"));
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
        return "O2gClient[" + gateway + "]";
    }
}
