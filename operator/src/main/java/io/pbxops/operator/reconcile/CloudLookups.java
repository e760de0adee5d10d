package io.pbxops.operator.reconcile;

import io.pbxops.operator.api.Company;
import io.pbxops.operator.api.Pbx;
import io.pbxops.operator.api.WebRtcGateway;
import io.pbxops.operator.cloud.CloudPort;
import io.pbxops.operator.cloud.model.CloudCompany;
import io.pbxops.operator.cloud.model.CloudMediaPillar;
import io.pbxops.operator.cloud.model.CloudSite;
import io.pbxops.operator.cloud.model.CloudSystem;
import io.pbxops.operator.decision.Observed;
import io.pbxops.operator.mapping.CompanyMapping;
import io.pbxops.operator.mapping.SystemMapping;
import java.util.Optional;

/**
 * How the cloud object of a declared one is found, shared by the reconcilers and {@code plan}: by the ID known for it
 * (its {@code pbxops.io/external-id} annotation, or the one its status remembers), else by natural key, and by natural
 * key again when the known ID names nothing any more.
 */
public final class CloudLookups {

    private final CloudPort cloud;

    public CloudLookups(CloudPort cloud) {
        this.cloud = cloud;
    }

    /** A company by its known ID, else by its exact name under the reseller. */
    public Observed<CloudCompany> company(String knownId, Company company) {
        String name = CompanyMapping.cloudName(company);
        Optional<CloudCompany> found = cloud.companies().observe(knownId, name);
        if (found.isEmpty() && knownId != null) {
            return new Observed<>(cloud.companies().observe(null, name), knownId);
        }
        return new Observed<>(found, null);
    }

    /**
     * The company's site by its known ID (counted only while it still belongs to this company: not after the company
     * was created again), else by its exact name among the company's sites.
     */
    public Optional<CloudSite> site(String knownId, Company company, String companyId) {
        String name = CompanyMapping.siteName(company);
        Optional<CloudSite> site = cloud.sites()
                .observe(knownId, companyId, name)
                .filter(s -> knownId == null || companyId.equals(s.companyId()));
        return site.isEmpty() && knownId != null ? cloud.sites().observe(null, companyId, name) : site;
    }

    /**
     * A system by its known ID, else by its fleet equipment ID, else by its exact name on the owner's site
     * ({@code ownerSiteId}) or among the shared systems. A company's PBX whose company has no site yet can only be
     * found by ID.
     */
    public Observed<CloudSystem> system(String knownId, Pbx pbx, String ownerSiteId) {
        String fleetId = pbx.getSpec().fleetEquipmentId();
        String name = SystemMapping.serverName(pbx);
        boolean byNaturalKey = fleetId != null || pbx.getSpec().isSharedPbx() || ownerSiteId != null;
        Optional<CloudSystem> found = knownId != null || byNaturalKey
                ? cloud.systems().observe(knownId, fleetId, name, ownerSiteId)
                : Optional.empty();
        if (found.isEmpty() && knownId != null) {
            return new Observed<>(
                    byNaturalKey ? cloud.systems().observe(null, fleetId, name, ownerSiteId) : Optional.empty(),
                    knownId);
        }
        return new Observed<>(found, null);
    }

    /** A gateway by its known ID, else by its name (the object's name) on its system. */
    public Observed<CloudMediaPillar> gateway(String knownId, WebRtcGateway gateway, String systemId) {
        String name = gateway.getMetadata().getName();
        Optional<CloudMediaPillar> found = cloud.gateways().observe(knownId, systemId, name);
        if (found.isEmpty() && knownId != null) {
            return new Observed<>(cloud.gateways().observe(null, systemId, name), knownId);
        }
        return new Observed<>(found, null);
    }
}
