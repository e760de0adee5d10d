package io.pbxops.operator.gitops;

import io.pbxops.operator.cloud.CloudPort;
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
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The {@link CloudPort} contract answered from a {@link CloudSnapshot}: the same lookups as the live port (by ID,
 * else by natural key: a company's exact name, a site's exact name in its company, a system's equipment ID or exact
 * name on a site or among the shared ones, a gateway's exact name on its system), at no request per object. Every
 * write throws: {@code plan} and {@code export} read only.
 */
public final class SnapshotCloudPort implements CloudPort {

    private final CloudSnapshot snapshot;
    private final Map<String, CloudCompany> companiesById;
    private final Map<String, CloudSite> sitesById;
    private final Map<String, CloudSystem> systemsById;
    private final Map<String, CloudMediaPillar> gatewaysById;

    private final CompanyPort companies = new CompanyPort() {
        @Override
        public Optional<CloudCompany> observe(String companyId, String exactName) {
            if (companyId != null) {
                return Optional.ofNullable(companiesById.get(companyId));
            }
            return snapshot.companies().stream()
                    .filter(c -> exactName.equals(c.name()))
                    .findFirst();
        }

        @Override
        public CloudCompany create(CompanySettings settings) {
            throw readOnly("create a company");
        }

        @Override
        public CloudCompany update(String companyId, CompanySettings changes) {
            throw readOnly("update a company");
        }

        @Override
        public boolean delete(String companyId) {
            throw readOnly("delete a company");
        }

        @Override
        public Stream<CloudCompany> listAll() {
            return snapshot.companies().stream();
        }
    };

    private final SitePort sites = new SitePort() {
        @Override
        public Optional<CloudSite> observe(String siteId, String companyId, String exactName) {
            if (siteId != null) {
                return Optional.ofNullable(sitesById.get(siteId));
            }
            return snapshot.sitesOf(companyId).stream()
                    .filter(s -> exactName.equals(s.name()))
                    .findFirst();
        }

        @Override
        public CloudSite create(SiteSettings settings) {
            throw readOnly("create a site");
        }

        @Override
        public CloudSite update(String siteId, SiteSettings changes) {
            throw readOnly("update a site");
        }

        @Override
        public boolean delete(String siteId) {
            throw readOnly("delete a site");
        }

        @Override
        public int linkedSystems(String siteId) {
            return snapshot.systemsLinkedTo(siteId).size();
        }

        @Override
        public Stream<CloudSite> listAll() {
            return snapshot.sites().stream();
        }
    };

    private final SystemPort systems = new SystemPort() {
        @Override
        public Optional<CloudSystem> observe(String systemId, String pbxId, String exactName, String siteId) {
            if (systemId != null) {
                return Optional.ofNullable(systemsById.get(systemId));
            }
            if (pbxId != null) {
                return snapshot.systems().stream()
                        .filter(s -> pbxId.equals(s.pbxId()))
                        .findFirst();
            }
            return snapshot.systems().stream()
                    .filter(s -> siteId != null ? s.isLinkedTo(siteId) : Boolean.TRUE.equals(s.isShared()))
                    .filter(s -> exactName.equals(s.name()))
                    .findFirst();
        }

        @Override
        public CloudSystem create(NewSystem system) {
            throw readOnly("create a system");
        }

        @Override
        public CloudSystem update(String systemId, SystemSettings changes) {
            throw readOnly("update a system");
        }

        @Override
        public boolean delete(String systemId) {
            throw readOnly("delete a system");
        }

        @Override
        public CloudSystem reset(String systemId) {
            throw readOnly("reset a system");
        }

        @Override
        public Optional<CloudSystem> observeWithHistory(String systemId) {
            return Optional.ofNullable(systemsById.get(systemId));
        }

        @Override
        public CloudSystemState connection(String systemId) {
            throw new UnsupportedOperationException("the snapshot holds no connection state");
        }

        @Override
        public CloudSystem link(String siteId, String systemId) {
            throw readOnly("link a system");
        }

        @Override
        public boolean unlink(String siteId, String systemId) {
            throw readOnly("unlink a system");
        }

        @Override
        public Stream<CloudSystem> listAll() {
            return snapshot.systems().stream();
        }

        @Override
        public Stream<CloudSystem> listByStatus(String status) {
            return snapshot.systems().stream().filter(system -> status.equals(system.status()));
        }
    };

    private final GatewayPort gateways = new GatewayPort() {
        @Override
        public Optional<CloudMediaPillar> observe(String gatewayId, String systemId, String exactName) {
            if (gatewayId != null) {
                return Optional.ofNullable(gatewaysById.get(gatewayId));
            }
            return listBySystem(systemId)
                    .filter(g -> exactName.equals(g.name()))
                    .findFirst();
        }

        @Override
        public CloudMediaPillar create(NewMediaPillar gateway) {
            throw readOnly("create a gateway");
        }

        @Override
        public CloudMediaPillar update(String gatewayId, MediaPillarSettings changes) {
            throw readOnly("update a gateway");
        }

        @Override
        public boolean delete(String gatewayId) {
            throw readOnly("delete a gateway");
        }

        @Override
        public Stream<CloudMediaPillar> listBySystem(String systemId) {
            return snapshot.gatewaysOf(systemId).stream();
        }

        @Override
        public Stream<CloudMediaPillar> listAll() {
            return snapshot.gateways().stream();
        }

        @Override
        public boolean served() {
            return snapshot.gatewaysServed();
        }
    };

    public SnapshotCloudPort(CloudSnapshot snapshot) {
        this.snapshot = snapshot;
        this.companiesById = byId(snapshot.companies().stream(), CloudCompany::id);
        this.sitesById = byId(snapshot.sites().stream(), CloudSite::id);
        this.systemsById = byId(snapshot.systems().stream(), CloudSystem::id);
        this.gatewaysById = byId(snapshot.gateways().stream(), CloudMediaPillar::id);
    }

    public CloudSnapshot snapshot() {
        return snapshot;
    }

    private static <T> Map<String, T> byId(Stream<T> items, Function<T, String> id) {
        return items.collect(Collectors.toMap(id, Function.identity(), (first, second) -> first));
    }

    static UnsupportedOperationException readOnly(String what) {
        return new UnsupportedOperationException("read-only view of the cloud: cannot " + what);
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
