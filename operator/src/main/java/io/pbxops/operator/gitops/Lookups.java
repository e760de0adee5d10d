package io.pbxops.operator.gitops;

import io.pbxops.operator.api.Company;
import io.pbxops.operator.api.Pbx;
import io.pbxops.operator.api.WebRtcGateway;
import io.pbxops.operator.cloud.CloudPort;
import io.pbxops.operator.cloud.model.CloudCompany;
import io.pbxops.operator.cloud.model.CloudMediaPillar;
import io.pbxops.operator.cloud.model.CloudSite;
import io.pbxops.operator.cloud.model.CloudSystem;
import io.pbxops.operator.reconcile.CloudLookups;
import io.pbxops.operator.reconcile.ExternalIds;
import java.util.Optional;

/**
 * How the reconcilers find the cloud object of a declared one, call for call: by the {@code pbxops.io/external-id}
 * annotation, else by natural key, and by natural key again when the annotated object is gone. What the reconcilers
 * also know and a plan cannot (the IDs they keep in {@code status}) is left out: a plan starts from the manifests.
 */
final class Lookups {

    private final CloudPort cloud;
    private final CloudLookups lookups;

    Lookups(CloudPort cloud) {
        this.cloud = cloud;
        this.lookups = new CloudLookups(cloud);
    }

    /** A company by its annotation, else by its exact name under the reseller. */
    Optional<CloudCompany> company(Company company) {
        return lookups.company(ExternalIds.of(company), company).object();
    }

    /** The company's site by its exact name (the reconciler first tries the site ID its status remembers). */
    Optional<CloudSite> site(Company company, String companyId) {
        return lookups.site(null, company, companyId);
    }

    /** A system by its annotation, else by its fleet equipment ID, else by its exact name on the owner's site or among the shared. */
    Optional<CloudSystem> system(Pbx pbx, String ownerSiteId) {
        return lookups.system(ExternalIds.of(pbx), pbx, ownerSiteId).object();
    }

    /** A gateway by its annotation, else by its name (the object's name) on its system. */
    Optional<CloudMediaPillar> gateway(WebRtcGateway gateway, String systemId) {
        return lookups.gateway(ExternalIds.of(gateway), gateway, systemId).object();
    }

    /** True when the annotation names an object the lookup did not find by it (gone, or a wrong adoption ID). */
    static boolean annotationStale(String knownId, String foundId) {
        return knownId != null && !knownId.equals(foundId);
    }

    CloudPort cloud() {
        return cloud;
    }
}
