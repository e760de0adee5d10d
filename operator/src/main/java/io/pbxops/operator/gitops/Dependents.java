package io.pbxops.operator.gitops;

import io.pbxops.operator.api.Company;
import io.pbxops.operator.validation.DeclaredFleet;
import io.pbxops.operator.validation.FleetView;
import java.util.ArrayList;
import java.util.List;

/** The Pbx objects of the manifests a Company owns, and the shared ones associated with it by a PbxShare. */
final class Dependents {

    private Dependents() {}

    static List<String> of(Company company, DeclaredFleet fleet) {
        String namespace = FleetView.namespaceOf(company);
        String name = company.getMetadata().getName();
        List<String> names = new ArrayList<>();
        fleet.pbxs().stream()
                .filter(pbx -> namespace.equals(FleetView.namespaceOf(pbx))
                        && !pbx.getSpec().isSharedPbx()
                        && pbx.getSpec().getCompanyRef() != null
                        && name.equals(pbx.getSpec().getCompanyRef().getName()))
                .forEach(pbx -> names.add(pbx.getMetadata().getName()));
        fleet.shares().stream()
                .filter(share -> namespace.equals(FleetView.namespaceOf(share))
                        && name.equals(share.getSpec().getCompanyRef().getName()))
                .forEach(share -> names.add(share.getSpec().getPbxRef().getName()));
        return names;
    }
}
