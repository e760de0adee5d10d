package io.pbxops.simulator.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.Map;

/** An O2G admin session as a management client opens it: authenticate, cookie, POST /sessions. */
public final class O2gSession {

    public static final String PBXS = "/api/rest/1.0/pbxs";

    private final Http http;

    private O2gSession(Http http) {
        this.http = http;
    }

    /** Authenticates on {@code host} (null = no X-Forwarded-Host) and opens a session. */
    public static O2gSession open(URI o2g, String host, String login, String password) {
        Http anonymous = new Http(o2g);
        if (host != null) {
            anonymous.header("X-Forwarded-Host", host);
        }
        anonymous.header("Authorization", Http.basic(login, password));
        Http.Response auth = anonymous.get("/api/rest/authenticate?version=1.0");
        assertEquals(200, auth.status(), () -> "authenticate: " + auth.body());
        Http http = new Http(o2g)
                .header("Cookie", "AlcUserId=" + auth.body().get("credential").asText());
        if (host != null) {
            http.header("X-Forwarded-Host", host);
        }
        Http.Response session =
                http.post("/api/rest/1.0/sessions", Http.JSON.createObjectNode().put("applicationName", "tests"));
        assertEquals(200, session.status(), () -> "open session: " + session.body());
        return new O2gSession(http);
    }

    public Http http() {
        return http;
    }

    public Http.Response set(String node, String object, Map<String, String> values) {
        ObjectNode body = Http.JSON.createObjectNode();
        values.forEach((name, value) -> body.withArray("attributes")
                .addObject()
                .put("name", name)
                .putArray("value")
                .add(value));
        return http.put(PBXS + "/" + node + "/instances/" + object + "/1", body);
    }

    public void setOk(String node, String object, Map<String, String> values) {
        Http.Response response = set(node, object, values);
        assertEquals(204, response.status(), () -> "PUT " + object + ": " + response.body());
    }

    /** The first value of one attribute of instance 1 of an object. */
    public String value(String node, String object, String attribute) {
        JsonNode body = http.get(PBXS + "/" + node + "/instances/" + object + "/1?attributes=" + attribute)
                .body();
        for (JsonNode entry : body.get("attributes")) {
            if (entry.get("name").asText().equals(attribute)) {
                return entry.get("value").get(0).asText();
            }
        }
        throw new AssertionError(attribute + " not in " + body);
    }
}
