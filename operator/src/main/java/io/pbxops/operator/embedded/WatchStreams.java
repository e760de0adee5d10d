package io.pbxops.operator.embedded;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Watches as kube-apiserver serves them ({@code ?watch=true}), over a streamed HTTP response (kubectl get -w, kubectl
 * wait) or a WebSocket (fabric8's informers): without a resource version, or with 0, the current objects come first as
 * ADDED; from a resource version N, the changes after N; then every change as it happens. kubectl's table printing
 * ({@code as=Table}) gets each object as a one-row Table.
 */
final class WatchStreams {

    /** Where a watch's lines go, in order; {@link #end()} closes the stream. */
    interface Sink {
        void send(String event);

        void end();
    }

    /** An open watch: closing it stops the events. */
    interface Stream extends AutoCloseable {
        @Override
        void close();
    }

    private static final ObjectMapper JSON = Serialization.jsonMapper();

    private final Dispatcher store;
    private final List<ServedResource> resources;
    private final WatchEvents events;
    private final TableConverter tables;

    WatchStreams(Dispatcher store, List<ServedResource> resources, WatchEvents events, TableConverter tables) {
        this.store = store;
        this.resources = resources;
        this.events = events;
        this.tables = tables;
    }

    /** The resource a request watches, if it is a watch of a served resource. */
    Optional<ResourcePath> watched(String method, String uri) {
        if (!"GET".equals(method)) {
            return Optional.empty();
        }
        Map<String, String> query = ApiRequestRouter.queryOf(uri);
        String watch = query.get("watch");
        if (!"true".equals(watch) && !"1".equals(watch)) {
            return Optional.empty();
        }
        return ResourcePath.parse(ApiRequestRouter.pathOf(uri), resources).filter(path -> path.subresource() == null);
    }

    /**
     * Starts a watch. A selector the server cannot match is refused before the stream starts: the refusal (a Status)
     * is returned, and nothing is sent to the sink.
     */
    Stream open(ResourcePath path, String uri, String accept, Sink sink) throws Refused {
        Map<String, String> query = ApiRequestRouter.queryOf(uri);
        Predicate<JsonNode> selector;
        try {
            selector = Selectors.of(path.resource().kind(), query.get("fieldSelector"), query.get("labelSelector"));
        } catch (Selectors.Unsupported e) {
            throw new Refused(Admission.status(400, "BadRequest", e.getMessage()));
        }
        if (path.name() != null) {
            String name = path.name();
            selector = selector.and(
                    object -> name.equals(object.at("/metadata/name").asText()));
        }
        boolean table = TableConverter.wanted(accept);
        Encoder encoder = new Encoder(path.resource(), table);
        String requested = query.getOrDefault("resourceVersion", "");
        boolean initialEvents =
                requested.isEmpty() || requested.equals("0") || "true".equals(query.get("sendInitialEvents"));
        long from;
        if (initialEvents) {
            JsonNode list = list(path);
            from = Long.parseLong(list.at("/metadata/resourceVersion").asText("0"));
            for (JsonNode item : list.path("items")) {
                if (selector.test(item)) {
                    sink.send(encoder.encode("ADDED", (ObjectNode) item));
                }
            }
            if ("true".equals(query.get("sendInitialEvents"))) {
                sink.send(bookmark(path.resource(), from));
            }
        } else {
            try {
                from = Long.parseLong(requested);
            } catch (NumberFormatException e) {
                throw new Refused(Admission.status(400, "BadRequest", "invalid resource version: " + requested));
            }
        }
        String namespace = path.namespace();
        Predicate<WatchEvents.Event> wanted =
                event -> event.apiVersion().equals(path.resource().groupVersion())
                        && event.kind().equals(path.resource().kind())
                        && (namespace == null
                                || namespace.equals(
                                        event.object().at("/metadata/namespace").asText()));
        try {
            WatchEvents.Subscription subscription = events.subscribe(
                    from, wanted, selector, event -> sink.send(encoder.encode(event.type(), event.object())));
            return subscription::close;
        } catch (WatchEvents.TooOld e) {
            ObjectNode status =
                    Admission.status(410, "Expired", "too old resource version: " + from + " (" + e.oldest + ")");
            ObjectNode error = JSON.createObjectNode().put("type", "ERROR");
            error.set("object", status);
            sink.send(error.toString());
            sink.end();
            return () -> {};
        }
    }

    /** A watch the server refuses to start: the Status to answer with. */
    static final class Refused extends Exception {
        final ObjectNode status;

        Refused(ObjectNode status) {
            super(status.path("message").asText());
            this.status = status;
        }
    }

    private JsonNode list(ResourcePath path) {
        String root = path.resource().apiRoot()
                + (path.namespace() == null ? "" : "/namespaces/" + path.namespace())
                + "/" + path.resource().plural();
        MockResponse response = store.dispatch(new RecordedRequest(
                "HTTP/1.1", HttpMethod.GET, root, Headers.builder().build(), new Buffer()));
        try {
            return JSON.readTree(response.getBody().getBytes());
        } catch (IOException e) {
            throw new IllegalStateException("the store answered something that is not JSON", e);
        }
    }

    private static String bookmark(ServedResource resource, long version) {
        ObjectNode event = JSON.createObjectNode().put("type", "BOOKMARK");
        ObjectNode object =
                event.putObject("object").put("kind", resource.kind()).put("apiVersion", resource.groupVersion());
        ObjectNode metadata = object.putObject("metadata").put("resourceVersion", String.valueOf(version));
        metadata.putObject("annotations").put("k8s.io/initial-events-end", "true");
        return event.toString();
    }

    /** Encodes one watch's events; a table watch gets the column definitions with its first event only. */
    private final class Encoder {
        private final ServedResource resource;
        private final boolean table;
        private boolean first = true;

        Encoder(ServedResource resource, boolean table) {
            this.resource = resource;
            this.table = table;
        }

        synchronized String encode(String type, ObjectNode object) {
            ObjectNode event = JSON.createObjectNode().put("type", type);
            if (table) {
                ObjectNode rows = (ObjectNode) tables.toTable(resource, object);
                rows.withObjectProperty("metadata")
                        .put(
                                "resourceVersion",
                                object.at("/metadata/resourceVersion").asText());
                if (!first) {
                    rows.set("columnDefinitions", JSON.createArrayNode());
                }
                first = false;
                event.set("object", rows);
            } else {
                event.set("object", object);
            }
            return event.toString();
        }
    }
}
