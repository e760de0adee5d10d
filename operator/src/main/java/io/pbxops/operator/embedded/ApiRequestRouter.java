package io.pbxops.operator.embedded;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.zjsonpatch.JsonDiff;
import io.pbxops.operator.manifest.Manifest;
import io.pbxops.operator.manifest.ManifestException;
import io.pbxops.operator.manifest.ManifestReader;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded API server's front door. Serves what the fabric8 mock server lacks for kubectl — discovery, OpenAPI
 * documents, server-side table printing, event field selectors — and admits every write (validation, Secret
 * normalisation, patches applied with their real semantics) before the mock's CRUD store keeps it.
 */
final class ApiRequestRouter extends Dispatcher {

    private static final ObjectMapper JSON = Serialization.jsonMapper();
    private static final Logger LOG = LoggerFactory.getLogger(ApiRequestRouter.class);

    private final KubernetesCrudDispatcher store;
    private final List<ServedResource> resources;
    private final DiscoveryDocuments discovery;
    private final OpenApiDocuments openApi;
    private final Admission admission;
    private final TableConverter tables;
    private final ManagedFields managedFields = new ManagedFields(Clock.systemUTC());
    /** Reading an object, admitting its change and storing it is one step: no write slips in between. */
    private final ReentrantLock writes = new ReentrantLock();

    ApiRequestRouter(
            KubernetesCrudDispatcher store,
            List<ServedResource> resources,
            DiscoveryDocuments discovery,
            OpenApiDocuments openApi,
            Admission admission,
            TableConverter tables) {
        this.store = store;
        this.resources = resources;
        this.discovery = discovery;
        this.openApi = openApi;
        this.admission = admission;
        this.tables = tables;
    }

    @Override
    public MockResponse dispatch(RecordedRequest received) {
        String path = pathOf(received.getPath());
        Map<String, String> query = queryOf(received.getPath());
        RecordedRequest request = received;
        try {
            if (ProtobufBodies.isProtobuf(received.getHeader("Content-Type"))) {
                try {
                    request = withBody(
                            received,
                            received.getPath(),
                            "application/json",
                            ProtobufBodies.toJson(received.getBody().getBytes()));
                } catch (ProtobufBodies.Unreadable e) {
                    return json(
                            e.code,
                            Admission.status(
                                    e.code, e.code == 404 ? "NotFound" : "UnsupportedMediaType", e.getMessage()));
                }
            }
            if (request.method() == HttpMethod.POST && AccessReviews.serves(path)) {
                return json(201, AccessReviews.answer(path, JSON.readTree(request.getUtf8Body())));
            }
            if (request.method() == HttpMethod.GET && path.equals(OpenApiDocuments.V2)) {
                return openApiV2(request.getHeader("Accept"));
            }
            if (request.method() == HttpMethod.GET) {
                Optional<JsonNode> document = discovery.at(path).or(() -> openApi.at(path));
                if (document.isPresent()) {
                    return json(200, document.get());
                }
                if (path.equals("/healthz") || path.equals("/readyz") || path.equals("/livez")) {
                    return new MockResponse().setResponseCode(200).setBody("ok");
                }
            }
            Optional<ResourcePath> resource = ResourcePath.parse(path, resources);
            if (resource.isEmpty()) {
                if (path.startsWith("/apis/") || path.startsWith("/api/") || path.startsWith("/openapi/")) {
                    return json(
                            404, Admission.status(404, "NotFound", "the server could not find the requested resource"));
                }
                return store.dispatch(request);
            }
            return switch (request.method()) {
                case GET -> read(request, resource.get(), query);
                case POST, PUT -> write(request, resource.get(), query, false);
                case PATCH -> write(request, resource.get(), query, true);
                case DELETE -> delete(request, resource.get());
                default -> store.dispatch(request);
            };
        } catch (JsonProcessingException e) {
            return json(400, Admission.status(400, "BadRequest", "the body is not JSON: " + e.getOriginalMessage()));
        } catch (RuntimeException e) {
            LOG.warn("the embedded API server failed on {} {}", request.getMethod(), path, e);
            return json(
                    500,
                    Admission.status(
                            500,
                            "InternalError",
                            "the embedded API server failed: " + e.getClass().getSimpleName()));
        }
    }

    private MockResponse read(RecordedRequest request, ResourcePath path, Map<String, String> query) {
        String fieldSelector = query.getOrDefault("fieldSelector", "");
        String labelSelector = query.getOrDefault("labelSelector", "");
        MockResponse response;
        if (path.name() == null && !Selectors.onlyNameAndNamespace(fieldSelector)) {
            // The mock matches field selectors on name and namespace only; kubectl describe asks for the events of
            // one object, kubectl get events --field-selector type=Warning for some.
            try {
                response =
                        filteredList(request, path, Selectors.of(path.resource().kind(), fieldSelector, labelSelector));
            } catch (Selectors.Unsupported e) {
                return json(400, Admission.status(400, "BadRequest", e.getMessage()));
            }
        } else {
            response = store.dispatch(request);
        }
        if (response.code() == 404) {
            return notFound(path);
        }
        if (response.code() != 200 || path.subresource() != null) {
            return response;
        }
        if (TableConverter.wanted(request.getHeader("Accept"))) {
            return json(200, tables.toTable(path.resource(), read(response)));
        }
        if (path.name() == null) {
            // The mock calls every list "List"; typed clients (kubectl describe's events) want "EventList".
            ObjectNode list = (ObjectNode) read(response);
            list.put("kind", path.resource().kind() + "List")
                    .put("apiVersion", path.resource().groupVersion());
            return json(200, list);
        }
        return response;
    }

    /**
     * The OpenAPI v2 document, which kubectl reads (as protobuf) only to validate a {@code kind: List} on its side
     * before sending each item: served without definitions, kubectl finds no schema to check and leaves validation to
     * the server, which validates every item (the OpenAPI v3 documents have the schemas, for kubectl explain).
     */
    private static MockResponse openApiV2(String accept) {
        if (accept != null && accept.contains("protobuf")) {
            // An empty protobuf message: a Document with no fields set.
            return new MockResponse()
                    .setResponseCode(200)
                    .setHeader("Content-Type", OpenApiDocuments.V2_PROTOBUF)
                    .setBody(new byte[0]);
        }
        return json(200, OpenApiDocuments.emptyV2());
    }

    /** kube-apiserver's answer for a missing object: {@code pbxs.pbxops.io "foo" not found}, kubectl prints it. */
    static MockResponse notFound(ResourcePath path) {
        ServedResource resource = path.resource();
        String qualified = resource.plural() + (resource.group().isEmpty() ? "" : "." + resource.group());
        String name = path.name() == null ? "" : path.name();
        ObjectNode status = Admission.status(404, "NotFound", qualified + " \"" + name + "\" not found");
        status.putObject("details")
                .put("name", name)
                .put("group", resource.group())
                .put("kind", resource.plural());
        return json(404, status);
    }

    private MockResponse filteredList(RecordedRequest request, ResourcePath path, Predicate<JsonNode> selector) {
        String listPath = pathOf(request.getPath());
        MockResponse all = store.dispatch(get(request, listPath));
        if (all.code() != 200) {
            return all;
        }
        JsonNode list = read(all);
        ArrayNode kept = JSON.createArrayNode();
        for (JsonNode item : list.path("items")) {
            if (selector.test(item)) {
                kept.add(item);
            }
        }
        ((ObjectNode) list).set("items", kept);
        return json(200, list);
    }

    private MockResponse write(RecordedRequest request, ResourcePath path, Map<String, String> query, boolean patch) {
        writes.lock();
        try {
            String contentType = request.getHeader("Content-Type");
            boolean apply = patch && contentType != null && contentType.startsWith(Patches.APPLY_PATCH);
            JsonNode body = apply ? applyConfiguration(request.getUtf8Body()) : JSON.readTree(request.getUtf8Body());
            String manager = ManagedFields.manager(query.get("fieldManager"), request.getHeader("User-Agent"));
            if (apply
                    && (query.get("fieldManager") == null
                            || query.get("fieldManager").isBlank())) {
                return json(
                        400,
                        Admission.status(
                                400, "BadRequest", "PATCH, application/apply-patch+yaml: fieldManager is required"));
            }
            JsonNode current = null;
            if (patch || (request.method() == HttpMethod.PUT && !path.isStatus())) {
                MockResponse existing = store.dispatch(get(request, pathOf(request.getPath())));
                if (existing.code() == 404 && !(apply && !path.isStatus())) {
                    return notFound(path);
                }
                if (existing.code() != 200 && existing.code() != 404) {
                    return existing;
                }
                current = existing.code() == 404 ? null : read(existing);
            }
            JsonNode wanted;
            try {
                if (apply) {
                    if (!body.isObject()) {
                        return json(
                                400, Admission.status(400, "BadRequest", "the applied configuration is not an object"));
                    }
                    ObjectNode config = (ObjectNode) body;
                    ObjectNode metadata = config.withObjectProperty("metadata");
                    if (!metadata.hasNonNull("name") && path.name() != null) {
                        metadata.put("name", path.name());
                    }
                    if (path.namespace() != null && !metadata.hasNonNull("namespace")) {
                        metadata.put("namespace", path.namespace());
                    }
                    wanted = managedFields.apply(
                            path.resource(),
                            current,
                            config,
                            manager,
                            "true".equals(query.get("force")),
                            path.isStatus());
                } else if (patch
                        && path.isPbxOps()
                        && contentType != null
                        && contentType.startsWith(Patches.STRATEGIC_MERGE_PATCH)) {
                    // As kube-apiserver: custom resources have no patch strategies.
                    return json(
                            415,
                            Admission.status(
                                    415,
                                    "UnsupportedMediaType",
                                    "the body of the request was in an unknown format - accepted media types include: "
                                            + "application/json-patch+json, application/merge-patch+json, "
                                            + "application/apply-patch+yaml"));
                } else {
                    wanted = patch ? Patches.apply(contentType, current, body) : body.deepCopy();
                }
            } catch (ManagedFields.Conflict e) {
                return json(409, e.status);
            } catch (IllegalArgumentException e) {
                return json(
                        415, Admission.status(415, "UnsupportedMediaType", "unsupported patch type " + contentType));
            } catch (RuntimeException e) {
                return json(422, Admission.status(422, "Invalid", "the patch does not apply: " + e.getMessage()));
            }
            if (path.resource().statusSubresource() && !path.isStatus() && wanted.isObject()) {
                // Writes to the object itself never change its status (the status subresource does): what is
                // admitted is the object with the status it has.
                ObjectNode object = (ObjectNode) wanted;
                object.remove("status");
                if (current != null && current.hasNonNull("status")) {
                    object.set("status", current.get("status"));
                }
            }
            Optional<JsonNode> refusal = admission.refusal(path, wanted, current);
            if (refusal.isPresent()) {
                return json(422, refusal.get());
            }
            wanted = Admission.normalized(path, wanted);
            if (!apply && !path.isStatus() && wanted.isObject()) {
                wanted = managedFields.update(path.resource(), current, (ObjectNode) wanted, manager, false);
            }
            if (query.containsKey("dryRun")) {
                return json(current == null && apply ? 201 : 200, wanted);
            }
            if (apply && current == null) {
                String collection = path.resource().apiRoot()
                        + (path.namespace() == null ? "" : "/namespaces/" + path.namespace())
                        + "/" + path.resource().plural();
                RecordedRequest create = withBody(request, collection, "application/json", wanted);
                return store.dispatch(new RecordedRequest(
                        create.getHttpVersion(), HttpMethod.POST, collection, create.getHeaders(), create.getBody()));
            }
            if (!patch) {
                return store.dispatch(withBody(
                        request, request.getPath().split("\\?")[0], request.getHeader("Content-Type"), wanted));
            }
            if (path.isStatus()) {
                // The mock drops a status patch whose path carries a query string: send it without one.
                return ok(store.dispatch(
                        withBody(request, pathOf(request.getPath()), request.getHeader("Content-Type"), body)));
            }
            // Stored as the JSON Patch from the current object to the admitted one: every patch type ends with the
            // same result as on a real API server (the mock's merge patch keeps nulls instead of removing fields).
            JsonNode difference = JsonDiff.asJson(current, wanted);
            return ok(store.dispatch(withBody(request, pathOf(request.getPath()), Patches.JSON_PATCH, difference)));
        } catch (JsonProcessingException e) {
            return json(400, Admission.status(400, "BadRequest", "the body is not JSON: " + e.getOriginalMessage()));
        } finally {
            writes.unlock();
        }
    }

    /** An applied configuration: JSON, or YAML read as kubectl reads it. */
    private static JsonNode applyConfiguration(String text) throws JsonProcessingException {
        String trimmed = text == null ? "" : text.trim();
        if (trimmed.startsWith("{")) {
            return JSON.readTree(trimmed);
        }
        try {
            List<Manifest> documents = ManifestReader.readText(Path.of("(applied configuration)"), text);
            return documents.isEmpty()
                    ? JSON.createObjectNode()
                    : documents.get(0).object();
        } catch (ManifestException e) {
            return JSON.getNodeFactory().textNode(e.getMessage());
        }
    }

    /** The mock answers a patch with 202; kube-apiserver with 200. */
    private static MockResponse ok(MockResponse response) {
        return response.code() == 202 ? response.setResponseCode(200) : response;
    }

    private MockResponse delete(RecordedRequest request, ResourcePath path) {
        MockResponse response = store.dispatch(request);
        return response.code() == 404 && path.name() != null ? notFound(path) : response;
    }

    private static RecordedRequest get(RecordedRequest original, String path) {
        return new RecordedRequest(
                original.getHttpVersion(),
                HttpMethod.GET,
                path,
                Headers.builder().build(),
                new Buffer());
    }

    private static RecordedRequest withBody(RecordedRequest original, String path, String contentType, JsonNode body) {
        Headers.Builder headers = original.getHeaders().newBuilder();
        if (contentType != null) {
            headers.set("Content-Type", contentType);
        }
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        headers.set("Content-Length", String.valueOf(bytes.length));
        return new RecordedRequest(
                original.getHttpVersion(), original.method(), path, headers.build(), new Buffer(bytes));
    }

    private static JsonNode read(MockResponse response) {
        try {
            return JSON.readTree(response.getBody().getBytes());
        } catch (IOException e) {
            throw new IllegalStateException("the store answered something that is not JSON", e);
        }
    }

    static MockResponse json(int code, JsonNode body) {
        return new MockResponse()
                .setResponseCode(code)
                .setHeader("Content-Type", "application/json")
                .setBody(body.toString());
    }

    static String pathOf(String requestPath) {
        int query = requestPath.indexOf('?');
        return query < 0 ? requestPath : requestPath.substring(0, query);
    }

    static Map<String, String> queryOf(String requestPath) {
        Map<String, String> query = new LinkedHashMap<>();
        int start = requestPath.indexOf('?');
        if (start < 0) {
            return query;
        }
        for (String pair : requestPath.substring(start + 1).split("&")) {
            String[] parts = pair.split("=", 2);
            query.put(
                    URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
                    parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
        }
        return query;
    }
}
