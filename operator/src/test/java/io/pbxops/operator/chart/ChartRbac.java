package io.pbxops.operator.chart;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleRef;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What the chart's RBAC lets the operator's ServiceAccount do, evaluated as the API server's RBAC authorizer does:
 * the rules of the ClusterRoles bound cluster-wide apply everywhere, those of a RoleBinding only in its namespace;
 * a rule names groups, resources (or resource/subresource), verbs and maybe object names. Wildcards are refused
 * outright (the chart must not use any), so each granted permission is one (group, resource, verb).
 */
final class ChartRbac {

    /** Where a permission applies: a namespace, or everywhere ({@link #CLUSTER_WIDE}). */
    static final String CLUSTER_WIDE = "*";

    private final List<Permission> permissions;

    /**
     * One granted permission, the unit of the coverage check.
     *
     * @param scope          a namespace, or {@link #CLUSTER_WIDE}
     * @param role           the Role or ClusterRole that grants it (Kind/name)
     * @param resourceNames  the objects it is limited to; empty: all
     */
    record Permission(
            String scope, String role, String apiGroup, String resource, String verb, List<String> resourceNames) {

        boolean allows(ApiRequest request) {
            return request.isResource()
                    && (scope.equals(CLUSTER_WIDE) || scope.equals(request.namespace()))
                    && apiGroup.equals(request.apiGroup())
                    && resource.equals(request.resourcePath())
                    && verb.equals(request.verb())
                    && (resourceNames.isEmpty() || resourceNames.contains(request.name()));
        }

        /** The same permission with its verb and resource only (what an allow-list entry names). */
        String key() {
            return verb + " " + (apiGroup.isEmpty() ? "" : apiGroup + "/") + resource;
        }

        @Override
        public String toString() {
            return key() + (resourceNames.isEmpty() ? "" : " named " + resourceNames)
                    + (scope.equals(CLUSTER_WIDE) ? " cluster-wide" : " in " + scope) + " (" + role + ")";
        }
    }

    private ChartRbac(List<Permission> permissions) {
        this.permissions = permissions;
    }

    /**
     * Requests Kubernetes lets every authenticated user make through its default ClusterRoles (system:basic-user,
     * system:discovery, system:public-info-viewer): the chart needs not and must not grant them.
     */
    static boolean grantedToEveryone(ApiRequest request) {
        if (!request.isResource()) {
            String path = request.nonResourcePath();
            return request.verb().equals("get")
                    && (path.equals("/api")
                            || path.equals("/apis")
                            || path.startsWith("/api/")
                            || path.startsWith("/apis/")
                            || path.equals("/version")
                            || path.startsWith("/openapi/"));
        }
        return request.verb().equals("create")
                && request.apiGroup().equals("authorization.k8s.io")
                && Set.of("selfsubjectrulesreviews", "selfsubjectaccessreviews").contains(request.resource())
                && request.subresource() == null;
    }

    /** The permissions the rendered manifests give the ServiceAccount {@code namespace/serviceAccount}. */
    static ChartRbac of(List<HasMetadata> manifests, String namespace, String serviceAccount) {
        List<Permission> granted = new ArrayList<>();
        for (HasMetadata object : manifests) {
            if (object instanceof ClusterRoleBinding binding
                    && boundTo(binding.getSubjects(), namespace, serviceAccount)) {
                granted.addAll(permissions(manifests, binding.getRoleRef(), CLUSTER_WIDE, null));
            } else if (object instanceof RoleBinding binding
                    && boundTo(binding.getSubjects(), namespace, serviceAccount)) {
                granted.addAll(permissions(
                        manifests,
                        binding.getRoleRef(),
                        binding.getMetadata().getNamespace(),
                        binding.getMetadata().getNamespace()));
            }
        }
        return new ChartRbac(List.copyOf(granted));
    }

    List<Permission> permissions() {
        return permissions;
    }

    /** Only the permissions that apply in these namespaces (cluster-wide ones included). */
    ChartRbac inScopes(Set<String> namespaces) {
        return new ChartRbac(permissions.stream()
                .filter(p -> p.scope().equals(CLUSTER_WIDE) || namespaces.contains(p.scope()))
                .toList());
    }

    /** What is granted in one namespace, as sorted keys (verb group/resource, and the object names if limited). */
    Set<String> keys(String namespace) {
        return permissions.stream()
                .filter(p -> p.scope().equals(namespace))
                .map(p -> p.key() + (p.resourceNames().isEmpty() ? "" : " " + p.resourceNames()))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** Every permission that allows the request (none: the API server would answer 403). */
    List<Permission> allowing(ApiRequest request) {
        return permissions.stream().filter(p -> p.allows(request)).toList();
    }

    boolean allows(ApiRequest request) {
        return grantedToEveryone(request) || !allowing(request).isEmpty();
    }

    /** The rules of the Role or ClusterRole a binding refers to, in the binding's namespace (null: cluster-wide). */
    private static List<Permission> permissions(
            List<HasMetadata> manifests, RoleRef ref, String scope, String bindingNamespace) {
        List<PolicyRule> rules = switch (ref.getKind()) {
            case "ClusterRole" ->
                find(manifests, ClusterRole.class, ref.getName(), null).getRules();
            case "Role" ->
                find(manifests, Role.class, ref.getName(), bindingNamespace).getRules();
            default -> throw new AssertionError("a binding to a " + ref.getKind());
        };
        List<Permission> permissions = new ArrayList<>();
        for (PolicyRule rule : rules) {
            if (rule.getNonResourceURLs() != null && !rule.getNonResourceURLs().isEmpty()) {
                throw new AssertionError(ref.getKind() + "/" + ref.getName() + " grants non-resource URLs: " + rule);
            }
            List<String> names = Objects.requireNonNullElse(rule.getResourceNames(), List.of());
            for (String group : rule.getApiGroups()) {
                for (String resource : rule.getResources()) {
                    for (String verb : rule.getVerbs()) {
                        if (List.of(group, resource, verb).stream().anyMatch(v -> v.contains("*"))) {
                            throw new AssertionError(ref.getKind() + "/" + ref.getName() + " has a wildcard: " + rule);
                        }
                        permissions.add(new Permission(
                                scope, ref.getKind() + "/" + ref.getName(), group, resource, verb, names));
                    }
                }
            }
        }
        return permissions;
    }

    private static <T extends HasMetadata> T find(
            List<HasMetadata> manifests, Class<T> kind, String name, String namespace) {
        Optional<T> found = manifests.stream()
                .filter(kind::isInstance)
                .map(kind::cast)
                .filter(o -> o.getMetadata().getName().equals(name)
                        && Objects.equals(o.getMetadata().getNamespace(), namespace))
                .findFirst();
        return found.orElseThrow(() -> new AssertionError("a binding refers to " + kind.getSimpleName() + " " + name
                + (namespace == null ? "" : " in " + namespace) + ", which the chart does not render"));
    }

    private static boolean boundTo(List<Subject> subjects, String namespace, String serviceAccount) {
        return subjects != null
                && subjects.stream()
                        .anyMatch(s -> "ServiceAccount".equals(s.getKind())
                                && serviceAccount.equals(s.getName())
                                && namespace.equals(s.getNamespace()));
    }
}
