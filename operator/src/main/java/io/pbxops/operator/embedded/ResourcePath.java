package io.pbxops.operator.embedded;

import java.util.List;
import java.util.Optional;

/**
 * A request path that names a served resource: {@code /apis/pbxops.io/v1alpha1/namespaces/default/pbxs/acme/status}.
 *
 * @param namespace   null for cluster-scoped resources and lists across namespaces
 * @param name        null for collections
 * @param subresource null, or e.g. {@code status}
 */
record ResourcePath(ServedResource resource, String namespace, String name, String subresource) {

    static Optional<ResourcePath> parse(String path, List<ServedResource> resources) {
        // Namespaced first: /api/v1/namespaces/default/secrets is a list of Secrets, not the sub-resource "secrets"
        // of the Namespace "default".
        for (ServedResource resource : resources) {
            String root = resource.apiRoot() + "/namespaces/";
            if (resource.namespaced() && path.startsWith(root)) {
                String[] parts = path.substring(root.length()).split("/");
                if (parts.length >= 2 && parts[1].equals(resource.plural())) {
                    return Optional.of(new ResourcePath(resource, parts[0], part(parts, 2), part(parts, 3)));
                }
            }
        }
        for (ServedResource resource : resources) {
            String root = resource.apiRoot() + "/";
            if (path.startsWith(root)) {
                String[] parts = path.substring(root.length()).split("/");
                if (parts[0].equals(resource.plural())) {
                    return Optional.of(new ResourcePath(resource, null, part(parts, 1), part(parts, 2)));
                }
            }
        }
        return Optional.empty();
    }

    private static String part(String[] parts, int index) {
        return parts.length > index && !parts[index].isEmpty() ? parts[index] : null;
    }

    boolean isStatus() {
        return "status".equals(subresource);
    }

    boolean isPbxOps() {
        return resource.pbxOpsKind().isPresent();
    }

    boolean isNamespace() {
        return resource.group().isEmpty() && resource.kind().equals("Namespace");
    }

    boolean isSecret() {
        return resource.group().isEmpty() && resource.kind().equals("Secret");
    }
}
