package io.pbxops.operator.cloud.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/**
 * The simulator's control API ({@code /sim/v1}, EXTENSIONS.md §4) over HTTP, as documented: tests hold the
 * simulator to its contract, not to its Java classes.
 */
public final class SimControl {

    public static final String ADMIN = "/api/rainbow/admin/v1.0";
    public static final String AUTH = "/api/rainbow/authentication/v1.0";

    private final URI cloud;
    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final ObjectMapper json = new ObjectMapper();

    public SimControl(URI cloud) {
        this.cloud = cloud;
    }

    public void reset() {
        send("POST", "/sim/v1/reset", null);
    }

    public JsonNode state() {
        return send("GET", "/sim/v1/state", null);
    }

    /** Present keys only, e.g. {@code Map.of("failNext", 3)}. */
    public void faults(Map<String, ?> settings) {
        send("PUT", "/sim/v1/faults", settings);
    }

    public void clearFaults() {
        send("DELETE", "/sim/v1/faults", null);
    }

    public void expireTokens() {
        send("POST", "/sim/v1/tokens/expire", null);
    }

    public void clearRequests() {
        send("DELETE", "/sim/v1/requests", null);
    }

    /**
     * How many requests the simulator answered on one route with one status (0 = dropped on purpose); the route is
     * the full path template, e.g. {@code ADMIN + "/systems/{systemId}"}.
     */
    public long requests(String method, String route, int status) {
        long total = 0;
        for (JsonNode count : send("GET", "/sim/v1/requests", null)) {
            if (method.equals(count.path("method").asText())
                    && route.equals(count.path("route").asText())
                    && status == count.path("status").asInt()) {
                total += count.path("count").asLong();
            }
        }
        return total;
    }

    /** Every status together. */
    public long requests(String method, String route) {
        long total = 0;
        for (JsonNode count : send("GET", "/sim/v1/requests", null)) {
            if (method.equals(count.path("method").asText())
                    && route.equals(count.path("route").asText())) {
                total += count.path("count").asLong();
            }
        }
        return total;
    }

    /** Every request of the cloud and O2G APIs. */
    public long allRequests() {
        long total = 0;
        for (JsonNode count : send("GET", "/sim/v1/requests", null)) {
            total += count.path("count").asLong();
        }
        return total;
    }

    public JsonNode requestCounts() {
        return send("GET", "/sim/v1/requests", null);
    }

    public void addO2gHost(Map<String, ?> host) {
        send("POST", "/sim/v1/o2g/hosts", host);
    }

    public void expireO2gSessions(String host) {
        send("POST", "/sim/v1/o2g/sessions/expire", Map.of("host", host));
    }

    public JsonNode send(String method, String path, Object body) {
        try {
            HttpRequest.Builder request =
                    HttpRequest.newBuilder(cloud.resolve(path)).header("Accept", "application/json");
            if (body != null) {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
            } else {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            }
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": "
                        + new String(response.body()));
            }
            return response.body().length == 0 ? json.createObjectNode() : json.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
