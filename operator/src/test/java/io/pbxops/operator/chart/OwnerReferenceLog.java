package io.pbxops.operator.chart;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.Interceptor;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps, from a client's writes, the owner references that block the owner's deletion. The API server lets a request
 * set {@code blockOwnerDeletion} only if its author may update the owner's {@code finalizers} subresource (admission
 * plugin OwnerReferencesPermissionEnforcement, on in most clusters): a permission no request path shows.
 */
final class OwnerReferenceLog implements Interceptor {

    /** One owner reference with blockOwnerDeletion in the body of a write. */
    record Write(String method, String path, String ownerApiVersion, String ownerKind, String ownerName) {}

    private static final ObjectMapper JSON = new ObjectMapper();
    private final List<Write> writes = new ArrayList<>();

    @Override
    public void before(BasicBuilder builder, HttpRequest request, RequestTags tags) {
        String method = request.method();
        if (!List.of("POST", "PUT", "PATCH").contains(method)) {
            return;
        }
        String body = request.bodyString();
        if (body == null || !body.contains("blockOwnerDeletion")) {
            return;
        }
        try {
            collect(JSON.readTree(body), method, request.uri().getRawPath());
        } catch (JsonProcessingException e) {
            throw new AssertionError("a write with an unreadable body: " + method + " " + request.uri(), e);
        }
    }

    private void collect(JsonNode node, String method, String path) {
        if (node.isObject() && node.path("blockOwnerDeletion").asBoolean(false)) {
            synchronized (writes) {
                writes.add(new Write(
                        method,
                        path,
                        node.path("apiVersion").asText(),
                        node.path("kind").asText(),
                        node.path("name").asText()));
            }
        }
        node.forEach(child -> collect(child, method, path));
    }

    List<Write> writes() {
        synchronized (writes) {
            return List.copyOf(writes);
        }
    }
}
