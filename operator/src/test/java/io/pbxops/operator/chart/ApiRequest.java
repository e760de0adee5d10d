package io.pbxops.operator.chart;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * An API server request as RBAC sees it (after the API server's request-info resolver): a verb on a resource of a
 * group, maybe a subresource, in a namespace or cluster-wide, maybe of one object; or a non-resource path.
 *
 * @param nonResourcePath the path of a request outside /api and /apis resources (discovery, /version), else null
 */
record ApiRequest(
        String verb,
        String apiGroup,
        String resource,
        String subresource,
        String namespace,
        String name,
        String nonResourcePath) {

    /** {@code resource} or {@code resource/subresource}, as RBAC rules name them. */
    String resourcePath() {
        return subresource == null ? resource : resource + "/" + subresource;
    }

    boolean isResource() {
        return nonResourcePath == null;
    }

    /** Reads a request line's method and path with its query, as the API server would. */
    static ApiRequest of(String method, String pathAndQuery) {
        URI uri = URI.create(pathAndQuery);
        String path = uri.getRawPath();
        String query = uri.getRawQuery() == null ? "" : uri.getRawQuery();
        List<String> parts =
                Arrays.stream(path.split("/")).filter(p -> !p.isEmpty()).toList();
        String group;
        List<String> rest;
        if (parts.size() >= 2 && parts.get(0).equals("api")) {
            group = "";
            rest = parts.subList(2, parts.size());
        } else if (parts.size() >= 3 && parts.get(0).equals("apis")) {
            group = parts.get(1);
            rest = parts.subList(3, parts.size());
        } else {
            return nonResource(method, path);
        }
        if (rest.isEmpty()) {
            return nonResource(method, path); // discovery of a group version
        }
        String namespace = null;
        // namespaces/{ns}/{resource}...; but namespaces/{ns} alone is the Namespace object itself.
        if (rest.get(0).equals("namespaces") && rest.size() >= 3) {
            namespace = rest.get(1);
            rest = rest.subList(2, rest.size());
        }
        String resource = rest.get(0);
        String name = rest.size() > 1 ? rest.get(1) : null;
        String subresource = rest.size() > 2 ? String.join("/", rest.subList(2, rest.size())) : null;
        return new ApiRequest(verb(method, name, query), group, resource, subresource, namespace, name, null);
    }

    private static String verb(String method, String name, String query) {
        boolean watch = Arrays.stream(query.split("&")).anyMatch(p -> p.equals("watch=true") || p.equals("watch=1"));
        return switch (method) {
            case "GET", "HEAD" -> watch ? "watch" : name == null ? "list" : "get";
            case "POST" -> "create";
            case "PUT" -> "update";
            case "PATCH" -> "patch";
            case "DELETE" -> name == null ? "deletecollection" : "delete";
            default -> throw new IllegalArgumentException("no RBAC verb for " + method);
        };
    }

    private static ApiRequest nonResource(String method, String path) {
        return new ApiRequest(method.toLowerCase(Locale.ROOT), null, null, null, null, null, path);
    }

    @Override
    public String toString() {
        if (!isResource()) {
            return verb + " " + nonResourcePath;
        }
        return verb + " " + (apiGroup.isEmpty() ? "" : apiGroup + "/") + resourcePath()
                + (namespace == null ? " (cluster-wide)" : " in " + namespace) + (name == null ? "" : " named " + name);
    }
}
