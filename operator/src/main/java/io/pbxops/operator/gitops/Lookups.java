package io.pbxops.operator.gitops;

import io.pbxops.operator.api.Company;
import io.pbxops.operator.api.Pbx;
import io.pbxops.operator.api.WebRtcGateway;
import io.pbxops.operator.cloud.CloudPort;
import io.pbxops.operator.cloud.model.CloudCompany;
import io.pbxops.operator.cloud.model.CloudMediaPillar;
import io.pbxops.operator.cloud.model.CloudSite;
import io.pbxops.operator.cloud.model.CloudSystem;
import io.pbxops.operator.mapping.CompanyMapping;
import io.pbxops.operator.mapping.SystemMapping;
import io.pbxops.operator.reconcile.ExternalIds;

import java.util.Optional;

/**
 * How the reconcilers find the cloud object of a declared one, call for call: by the {@code pbxops.io/external-id}
 * annotation, else by natural key, and by natural key again when the annotated object is gone. What the reconcilers
 * also know and a plan cannot (the IDs they keep in {@code status}) is left out: a plan starts from the manifests.
 */
final class Lookups {

    private final CloudPort cloud;

    Lookups(CloudPort cloud) {
        this.cloud = cloud;
    }

    /** A company by its annotation, else by its exact name under the reseller (CompanyReconciler). */
    Optional<CloudCompany> company(Company company) {
        String knownId = ExternalIds.of(company);
        String name = CompanyMapping.cloudName(company);
        Optional<CloudCompany> found = cloud.companies().observe(knownId, name);
        return found.isEmpty() && knownId != null ? cloud.companies().observe(null, name) : found;
    }

    /** The company's site by its exact name (the reconciler first tries the site ID its status remembers). */
    Optional<CloudSite> site(Company company, String companyId) {
        return cloud.sites().observe(null, companyId, CompanyMapping.siteName(company))
                .filter(site -> companyId.equals(site.companyId()));
    }

    /**
     * A system by its annotation, else by its fleet equipment ID, else by its exact name on the owner's site
     * ({@code ownerSiteId}) or among the shared systems (PbxReconciler). A company's PBX whose company has no site yet
     * can only be found by ID: the reconciler waits for the site before it looks.
     */
    Optional<CloudSystem> system(Pbx pbx, String ownerSiteId) {
        String knownId = ExternalIds.of(pbx);
        String fleetId = pbx.getSpec().fleetEquipmentId();
        String name = SystemMapping.serverName(pbx);
        boolean byName = pbx.getSpec().isSharedPbx() || ownerSiteId != null;
        Optional<CloudSystem> found = knownId != null || fleetId != null || byName
                ? cloud.systems().observe(knownId, fleetId, name, ownerSiteId) : Optional.empty();
        if (found.isEmpty() && knownId != null && (fleetId != null || byName)) {
            found = cloud.systems().observe(null, fleetId, name, ownerSiteId);
        }
        return found;
    }

    /** A gateway by its annotation, else by its name (the object's name) on its system (WebRtcGatewayReconciler). */
    Optional<CloudMediaPillar> gateway(WebRtcGateway gateway, String systemId) {
        String knownId = ExternalIds.of(gateway);
        String name = gateway.getMetadata().getName();
        Optional<CloudMediaPillar> found = cloud.gateways().observe(knownId, systemId, name);
        return found.isEmpty() && knownId != null ? cloud.gateways().observe(null, systemId, name) : found;
    }

    /** True when the annotation names an object the lookup did not find by it (gone, or a wrong adoption ID). */
    static boolean annotationStale(String knownId, String foundId) {
        return knownId != null && !knownId.equals(foundId);
    }

    CloudPort cloud() {
        return cloud;
    }
}
