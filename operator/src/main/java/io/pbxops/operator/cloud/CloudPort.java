package io.pbxops.operator.cloud;

import io.pbxops.operator.cloud.model.CloudCompany;
import io.pbxops.operator.cloud.model.CloudMediaPillar;
import io.pbxops.operator.cloud.model.CloudSite;
import io.pbxops.operator.cloud.model.CloudSystem;
import io.pbxops.operator.cloud.model.CloudSystemState;
import io.pbxops.operator.cloud.model.CompanySettings;
import io.pbxops.operator.cloud.model.MediaPillarSettings;
import io.pbxops.operator.cloud.model.NewMediaPillar;
import io.pbxops.operator.cloud.model.NewSystem;
import io.pbxops.operator.cloud.model.SiteSettings;
import io.pbxops.operator.cloud.model.SystemSettings;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The cloud as the reconcilers see it (after Crossplane's external client): per cloud object, {@code observe} (never
 * writes; looks by ID, then by natural key), {@code create}, {@code update} (changed fields only) and {@code delete}
 * (false when already gone). Every call goes through the account's single budget.
 */
public interface CloudPort {

    CompanyPort companies();

    SitePort sites();

    SystemPort systems();

    GatewayPort gateways();

    interface CompanyPort {
        /** By ID when one is known, else the company with exactly this name among the reseller's. */
        Optional<CloudCompany> observe(String companyId, String exactName);

        CloudCompany create(CompanySettings settings);

        CloudCompany update(String companyId, CompanySettings changes);

        boolean delete(String companyId);

        /** Every company of the reseller, page by page (drift checks). */
        Stream<CloudCompany> listAll();
    }

    interface SitePort {
        /** By ID when one is known, else the company's site with exactly this name. */
        Optional<CloudSite> observe(String siteId, String companyId, String exactName);

        CloudSite create(SiteSettings settings);

        CloudSite update(String siteId, SiteSettings changes);

        boolean delete(String siteId);

        /** How many systems are linked to the site. */
        int linkedSystems(String siteId);

        /** Every site the reseller sees, page by page (drift checks). */
        Stream<CloudSite> listAll();
    }

    interface SystemPort {
        /**
         * By ID when one is known, else by equipment ID (a fleet PBX), else the system with exactly this name on the
         * owner's site ({@code siteId}) or among the shared ones ({@code siteId} null).
         */
        Optional<CloudSystem> observe(String systemId, String pbxId, String exactName, String siteId);

        CloudSystem create(NewSystem system);

        CloudSystem update(String systemId, SystemSettings changes);

        boolean delete(String systemId);

        /** New activation code, status back to created; the answer holds the code. */
        CloudSystem reset(String systemId);

        /** With the connection history (activations, resets), for an exactly-once reset. */
        Optional<CloudSystem> observeWithHistory(String systemId);

        CloudSystemState connection(String systemId);

        CloudSystem link(String siteId, String systemId);

        /** False when the link (or the system) is already gone. */
        boolean unlink(String siteId, String systemId);

        /** Every system of the reseller with its connection history, page by page (drift checks). */
        Stream<CloudSystem> listAll();

        /** The systems of one status ({@code created}, {@code activating}), page by page (activation progress). */
        Stream<CloudSystem> listByStatus(String status);
    }

    interface GatewayPort {
        /** By ID when one is known, else the system's gateway with exactly this name. */
        Optional<CloudMediaPillar> observe(String gatewayId, String systemId, String exactName);

        CloudMediaPillar create(NewMediaPillar gateway);

        CloudMediaPillar update(String gatewayId, MediaPillarSettings changes);

        boolean delete(String gatewayId);

        Stream<CloudMediaPillar> listBySystem(String systemId);

        /** Every gateway, page by page (drift checks). */
        Stream<CloudMediaPillar> listAll();

        /**
         * Whether this cloud serves the gateway administration at all (no public contract shows it): its collection
         * answers, where a cloud without it answers 404.
         */
        boolean served();
    }
}
