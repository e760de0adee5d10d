package io.pbxops.operator.cloud;

import io.pbxops.operator.cloud.model.CloudCompany;
import io.pbxops.operator.cloud.model.CloudMediaPillar;
import io.pbxops.operator.cloud.model.CloudSite;
import io.pbxops.operator.cloud.model.CloudSystem;
import io.pbxops.operator.cloud.model.CloudSystemState;
import io.pbxops.operator.cloud.model.CompanySettings;
import io.pbxops.operator.cloud.model.Format;
import io.pbxops.operator.cloud.model.MediaPillarSettings;
import io.pbxops.operator.cloud.model.NewMediaPillar;
import io.pbxops.operator.cloud.model.NewSystem;
import io.pbxops.operator.cloud.model.PageRequest;
import io.pbxops.operator.cloud.model.SiteSettings;
import io.pbxops.operator.cloud.model.SystemSettings;
import java.util.Optional;
import java.util.stream.Stream;

/** {@link CloudPort} on the Rainbow admin API. */
public final class RainbowCloudPort implements CloudPort {

    private final RainbowClient client;
    private final int pageSize;

    private final CompanyPort companies = new CompanyPort() {
        @Override
        public Optional<CloudCompany> observe(String companyId, String exactName) {
            if (companyId != null) {
                return client.companies().find(companyId);
            }
            // The name filter is partial and case-insensitive: keep the exact match only.
            return client.companies()
                    .listAll(CompanyFilter.all().withName(exactName))
                    .filter(company -> exactName.equals(company.name()))
                    .findFirst();
        }

        @Override
        public CloudCompany create(CompanySettings settings) {
            return client.companies().create(settings);
        }

        @Override
        public CloudCompany update(String companyId, CompanySettings changes) {
            return client.companies().update(companyId, changes);
        }

        @Override
        public boolean delete(String companyId) {
            return client.companies().deleteIfExists(companyId);
        }

        @Override
        public Stream<CloudCompany> listAll() {
            return Pages.stream(
                    PageRequest.first(pageSize), page -> client.companies().list(CompanyFilter.all(), page));
        }
    };

    private final SitePort sites = new SitePort() {
        @Override
        public Optional<CloudSite> observe(String siteId, String companyId, String exactName) {
            if (siteId != null) {
                return client.sites().find(siteId);
            }
            return client.sites()
                    .listAllByCompany(companyId)
                    .filter(site -> exactName.equals(site.name()))
                    .findFirst();
        }

        @Override
        public CloudSite create(SiteSettings settings) {
            return client.sites().create(settings);
        }

        @Override
        public CloudSite update(String siteId, SiteSettings changes) {
            return client.sites().update(siteId, changes);
        }

        @Override
        public boolean delete(String siteId) {
            return client.sites().deleteIfExists(siteId);
        }

        @Override
        public int linkedSystems(String siteId) {
            return client.systems()
                    .list(SystemFilter.all().withSiteId(siteId).withFormat(Format.SMALL), PageRequest.first(1))
                    .total();
        }

        @Override
        public Stream<CloudSite> listAll() {
            return Pages.stream(
                    PageRequest.first(pageSize), page -> client.sites().list(null, null, page));
        }
    };

    private final SystemPort systems = new SystemPort() {
        @Override
        public Optional<CloudSystem> observe(String systemId, String pbxId, String exactName, String siteId) {
            if (systemId != null) {
                return client.systems().find(systemId);
            }
            if (pbxId != null) {
                return client.systems().findByPbxId(pbxId);
            }
            SystemFilter filter = SystemFilter.all().withName(exactName);
            filter = siteId != null ? filter.withSiteId(siteId) : filter.withShared(true);
            return client.systems()
                    .listAll(filter)
                    .filter(system -> exactName.equals(system.name()))
                    .findFirst();
        }

        @Override
        public CloudSystem create(NewSystem system) {
            return client.systems().create(system);
        }

        @Override
        public CloudSystem update(String systemId, SystemSettings changes) {
            return client.systems().update(systemId, changes);
        }

        @Override
        public boolean delete(String systemId) {
            return client.systems().deleteIfExists(systemId);
        }

        @Override
        public CloudSystem reset(String systemId) {
            return client.systems().resetPassword(systemId);
        }

        @Override
        public Optional<CloudSystem> observeWithHistory(String systemId) {
            return Tolerant.absentIfNotFound(() -> client.systems().get(systemId, true));
        }

        @Override
        public CloudSystemState connection(String systemId) {
            return client.systems().state(systemId, Format.FULL);
        }

        @Override
        public CloudSystem link(String siteId, String systemId) {
            return client.systems().link(siteId, systemId);
        }

        @Override
        public boolean unlink(String siteId, String systemId) {
            return client.systems().unlinkIfLinked(siteId, systemId);
        }

        @Override
        public Stream<CloudSystem> listAll() {
            SystemFilter filter = SystemFilter.all().withConnectionHistory(true);
            return Pages.stream(
                    PageRequest.first(pageSize), page -> client.systems().list(filter, page));
        }

        @Override
        public Stream<CloudSystem> listByStatus(String status) {
            SystemFilter filter = SystemFilter.all().withStatus(status).withConnectionHistory(true);
            return Pages.stream(
                    PageRequest.first(pageSize), page -> client.systems().list(filter, page));
        }
    };

    private final GatewayPort gateways = new GatewayPort() {
        @Override
        public Optional<CloudMediaPillar> observe(String gatewayId, String systemId, String exactName) {
            if (gatewayId != null) {
                return client.mediaPillars().find(gatewayId);
            }
            return listBySystem(systemId)
                    .filter(gateway -> exactName.equals(gateway.name()))
                    .findFirst();
        }

        @Override
        public CloudMediaPillar create(NewMediaPillar gateway) {
            return client.mediaPillars().create(gateway);
        }

        @Override
        public CloudMediaPillar update(String gatewayId, MediaPillarSettings changes) {
            return client.mediaPillars().update(gatewayId, changes);
        }

        @Override
        public boolean delete(String gatewayId) {
            return client.mediaPillars().deleteIfExists(gatewayId);
        }

        @Override
        public Stream<CloudMediaPillar> listBySystem(String systemId) {
            return client.mediaPillars().listAll(systemId);
        }

        @Override
        public Stream<CloudMediaPillar> listAll() {
            return Pages.stream(
                    PageRequest.first(pageSize), page -> client.mediaPillars().list(null, page));
        }

        @Override
        public boolean served() {
            try {
                client.mediaPillars().list(null, PageRequest.first(1));
                return true;
            } catch (CloudNotFoundException e) {
                return false;
            }
        }
    };

    public RainbowCloudPort(RainbowClient client, int pageSize) {
        this.client = client;
        this.pageSize = pageSize;
    }

    public RainbowClient client() {
        return client;
    }

    @Override
    public CompanyPort companies() {
        return companies;
    }

    @Override
    public SitePort sites() {
        return sites;
    }

    @Override
    public SystemPort systems() {
        return systems;
    }

    @Override
    public GatewayPort gateways() {
        return gateways;
    }
}
