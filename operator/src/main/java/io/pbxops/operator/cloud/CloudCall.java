package io.pbxops.operator.cloud;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One cloud call: method, path template with its values, query, body, whether repeating it is safe, the words that
 * describe it in messages (e.g. "delete system 65ab..."; never a secret), and the sensitive values it carries (an
 * activation code, a fleet equipment ID, which is also its code) that must be cut out of any message the cloud's
 * answer would put them in. Immutable.
 */
record CloudCall(
        Api api,
        String method,
        String template,
        String path,
        Map<String, String> query,
        Object body,
        boolean idempotent,
        String action,
        Set<String> sensitive) {

    /** The two base paths of the public API. */
    enum Api {
        AUTH("/api/rainbow/authentication/v1.0"),
        ADMIN("/api/rainbow/admin/v1.0");

        final String basePath;

        Api(String basePath) {
            this.basePath = basePath;
        }
    }

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{[^}]+}");

    /** GET, PUT and DELETE are idempotent; POST is not unless {@link #idempotent()} says so. */
    static CloudCall of(Api api, String method, String template, String action, String... pathValues) {
        return new CloudCall(
                api,
                method,
                template,
                expand(template, pathValues),
                Map.of(),
                null,
                !"POST".equals(method),
                action,
                Set.of());
    }

    static CloudCall admin(String method, String template, String action, String... pathValues) {
        return of(Api.ADMIN, method, template, action, pathValues);
    }

    CloudCall withQuery(Map<String, String> value) {
        return new CloudCall(
                api,
                method,
                template,
                path,
                Collections.unmodifiableMap(new LinkedHashMap<>(value)),
                body,
                idempotent,
                action,
                sensitive);
    }

    CloudCall withBody(Object value) {
        return new CloudCall(api, method, template, path, query, value, idempotent, action, sensitive);
    }

    /** Marks a POST whose repetition is harmless (e.g. link: "if the link still exists, no error"). */
    CloudCall idempotentPost() {
        return new CloudCall(api, method, template, path, query, body, true, action, sensitive);
    }

    /** Values to cut out of messages (nulls and blanks ignored). */
    CloudCall withSensitive(String... values) {
        Set<String> all = new HashSet<>(sensitive);
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                all.add(value);
            }
        }
        return new CloudCall(api, method, template, path, query, body, idempotent, action, Set.copyOf(all));
    }

    /** The text with every sensitive value replaced by {@code ****}. */
    String redact(String text) {
        String result = text;
        for (String value : sensitive) {
            result = result.replace(value, "****");
        }
        return result;
    }

    /** The counter and log name: method and path template, e.g. {@code GET /systems/{systemId}}. */
    String endpoint() {
        return method + " " + template;
    }

    /** Path and query, encoded, relative to the base URL. */
    String pathAndQuery() {
        StringBuilder target = new StringBuilder(api.basePath).append(path);
        char separator = '?';
        for (Map.Entry<String, String> entry : query.entrySet()) {
            target.append(separator).append(encode(entry.getKey())).append('=').append(encode(entry.getValue()));
            separator = '&';
        }
        return target.toString();
    }

    private static String expand(String template, String... values) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        int index = 0;
        while (matcher.find()) {
            if (index >= values.length || values[index] == null || values[index].isBlank()) {
                throw new IllegalArgumentException("missing value for " + matcher.group() + " in " + template);
            }
            matcher.appendReplacement(
                    out, Matcher.quoteReplacement(encode(values[index++]).replace("+", "%20")));
        }
        matcher.appendTail(out);
        if (index != values.length) {
            throw new IllegalArgumentException("too many values for " + template);
        }
        return out.toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        // never the body: it may hold an activation code
        return endpoint() + " (" + action + ")";
    }
}
