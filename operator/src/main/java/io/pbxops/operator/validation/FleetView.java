package io.pbxops.operator.validation;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.pbxops.operator.api.Company;
import io.pbxops.operator.api.NumberingPlan;
import io.pbxops.operator.api.Pbx;
import io.pbxops.operator.api.PbxShare;
import io.pbxops.operator.api.WebRtcGateway;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;

/**
 * The objects the cross-object rules look at: the manifests of a pull request for {@code validate}, the informer
 * caches for the reconcilers. Each collection is in a stable order (the first of two duplicates wins).
 */
public interface FleetView {

    Collection<Company> companies();

    Collection<Pbx> pbxs();

    Collection<PbxShare> shares();

    Collection<WebRtcGateway> gateways();

    Collection<NumberingPlan> numberingPlans();

    default Optional<Company> company(String namespace, String name) {
        return find(companies(), namespace, name);
    }

    default Optional<Pbx> pbx(String namespace, String name) {
        return find(pbxs(), namespace, name);
    }

    default Optional<NumberingPlan> numberingPlan(String namespace, String name) {
        return find(numberingPlans(), namespace, name);
    }

    /** An object's namespace, "" when the manifest leaves it to the one it is applied to. */
    static String namespaceOf(HasMetadata object) {
        return Objects.requireNonNullElse(object.getMetadata().getNamespace(), "");
    }

    private static <T extends HasMetadata> Optional<T> find(Collection<T> objects, String namespace, String name) {
        return objects.stream()
                .filter(o -> namespaceOf(o).equals(Objects.requireNonNullElse(namespace, "")))
                .filter(o -> o.getMetadata().getName().equals(name))
                .findFirst();
    }
}
