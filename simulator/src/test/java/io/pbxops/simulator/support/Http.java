package io.pbxops.simulator.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/** A small JSON-over-HTTP client for the tests: real requests on loopback with the JDK client. */
public final class Http {

    /** One answer: status, parsed body (null when empty) and headers. */
    public record Response(int status, JsonNode body, HttpHeaders headers) {
        public JsonNode data() {
            return body.get("data");
        }

        public int detailsCode() {
            return body.path("errorDetailsCode").asInt();
        }
    }

    public static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private final URI base;
    private final Map<String, String> headers = new LinkedHashMap<>();

    public Http(URI base) {
        this.base = base;
    }

    public Http header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public Http bearer(String token) {
        return header("Authorization", "Bearer " + token);
    }

    public Response get(String path) {
        return send("GET", path, null);
    }

    public Response delete(String path) {
        return send("DELETE", path, null);
    }

    public Response post(String path, Object body) {
        return send("POST", path, body);
    }

    public Response put(String path, Object body) {
        return send("PUT", path, body);
    }

    public Response send(String method, String path, Object body) {
        try {
            return sendOrFail(method, path, body);
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " failed", e);
        }
    }

    /** Like {@link #send} but lets the caller see an I/O failure (a dropped connection). */
    public Response sendOrFail(String method, String path, Object body) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(20));
        headers.forEach(request::header);
        if (body != null) {
            request.header("Content-Type", "application/json");
            String text = body instanceof String s ? s : JSON.writeValueAsString(body);
            request.method(method, HttpRequest.BodyPublishers.ofString(text));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        try {
            HttpResponse<String> response =
                    CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            JsonNode json = response.body().isEmpty() ? null : JSON.readTree(response.body());
            return new Response(response.statusCode(), json, response.headers());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    public static String basic(String user, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    public static String sha256Hex(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
