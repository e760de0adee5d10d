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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The cloud as the reconcilers read it: from a cache of companies, sites, systems and gateways fed by the paged lists
 * (one pass before the first read after a start, then every pass of the drift check, which lists through this port)
 * and by the answer of every write. Convergence is bound by the cloud's request budget, so a read that the lists
 * already answered is time saved.
 *
 * <p>What the cache cannot answer goes to the cloud: a system with its connection history, the channels of a system
 * ({@code /state}), a gateway being upgraded (its state moves without anyone writing), and the probe of the gateway
 * administration. A system's activation progress is followed by {@link #refreshPending()}, through two filtered lists
 * instead of one read per PBX per recheck.
 *
 * <p>Creates stay duplicate-safe: the cache is complete once filled, and it holds every object this operator created
 * (from the create's answer), so an absence in it is an absence in the cloud but for an object made out of band since
 * the last pass. A pass never drops an object written here while the pass was under way.
 */
public final class CachedCloudPort implements CloudPort {

    private final CloudPort cloud;
    private final int pageSize;
    private final Store<CloudCompany> companyStore = new Store<>(CloudCompany::id);
    private final Store<CloudSite> siteStore = new Store<>(CloudSite::id);
    private final Store<CloudSystem> systemStore = new Store<>(CloudSystem::id);
    private final Store<CloudMediaPillar> gatewayStore = new Store<>(CloudMediaPillar::id);
    private final Object filling = new Object();
    private volatile boolean filled;

    private final CompanyPort companies = new CompanyPort() {
        @Override
        public Optional<CloudCompany> observe(String companyId, String exactName) {
            fill();
            if (companyId != null) {
                return companyStore.getOrRead(companyId, () -> cloud.companies().observe(companyId, null));
            }
            return companyStore.byKey(
                    "company:" + exactName,
                    c -> exactName.equals(c.name()),
                    () -> cloud.companies().observe(null, exactName));
        }

        @Override
        public CloudCompany create(CompanySettings settings) {
            return companyStore.created(
                    () -> cloud.companies().create(settings), List.of("company:" + settings.name()));
        }

        @Override
        public CloudCompany update(String companyId, CompanySettings changes) {
            return companyStore.written(companyId, () -> cloud.companies().update(companyId, changes));
        }

        @Override
        public boolean delete(String companyId) {
            boolean deleted = companyStore.evictedOnFailure(
                    companyId, () -> cloud.companies().delete(companyId));
            companyStore.remove(companyId);
            return deleted;
        }

        @Override
        public Stream<CloudCompany> listAll() {
            return companyStore.pass(cloud.companies().listAll());
        }
    };

    private final SitePort sites = new SitePort() {
        @Override
        public Optional<CloudSite> observe(String siteId, String companyId, String exactName) {
            fill();
            if (siteId != null) {
                return siteStore.getOrRead(siteId, () -> cloud.sites().observe(siteId, null, null));
            }
            return siteStore.byKey(
                    "site:" + companyId + "/" + exactName,
                    s -> Objects.equals(companyId, s.companyId()) && exactName.equals(s.name()),
                    () -> cloud.sites().observe(null, companyId, exactName));
        }

        @Override
        public CloudSite create(SiteSettings settings) {
            return siteStore.created(
                    () -> cloud.sites().create(settings),
                    List.of("site:" + settings.companyId() + "/" + settings.name()));
        }

        @Override
        public CloudSite update(String siteId, SiteSettings changes) {
            return siteStore.written(siteId, () -> cloud.sites().update(siteId, changes));
        }

        @Override
        public boolean delete(String siteId) {
            boolean deleted =
                    siteStore.evictedOnFailure(siteId, () -> cloud.sites().delete(siteId));
            siteStore.remove(siteId);
            return deleted;
        }

        /** Always from the cloud: it guards a deletion, and a PBX linked out of band must stop it. */
        @Override
        public int linkedSystems(String siteId) {
            return cloud.sites().linkedSystems(siteId);
        }

        @Override
        public Stream<CloudSite> listAll() {
            return siteStore.pass(cloud.sites().listAll());
        }
    };

    private final SystemPort systems = new SystemPort() {
        @Override
        public Optional<CloudSystem> observe(String systemId, String pbxId, String exactName, String siteId) {
            fill();
            if (systemId != null) {
                return systemStore.getOrRead(systemId, () -> cloud.systems().observe(systemId, null, null, null));
            }
            if (pbxId != null) {
                return systemStore.byKey(
                        "pbx:" + pbxId,
                        s -> pbxId.equals(s.pbxId()),
                        () -> cloud.systems().observe(null, pbxId, null, null));
            }
            return systemStore.byKey(
                    systemKey(exactName, siteId),
                    s -> exactName.equals(s.name())
                            && (siteId != null ? s.isLinkedTo(siteId) : Boolean.TRUE.equals(s.isShared())),
                    () -> cloud.systems().observe(null, null, exactName, siteId));
        }

        @Override
        public CloudSystem create(NewSystem system) {
            List<String> keys = system.pbxId() == null
                    ? List.of(systemKey(system.settings().name(), system.siteId()))
                    : List.of(systemKey(system.settings().name(), system.siteId()), "pbx:" + system.pbxId());
            return systemStore.created(() -> cloud.systems().create(system), keys);
        }

        @Override
        public CloudSystem update(String systemId, SystemSettings changes) {
            return systemStore.written(systemId, () -> cloud.systems().update(systemId, changes));
        }

        @Override
        public boolean delete(String systemId) {
            boolean deleted =
                    systemStore.evictedOnFailure(systemId, () -> cloud.systems().delete(systemId));
            systemStore.remove(systemId);
            return deleted;
        }

        @Override
        public CloudSystem reset(String systemId) {
            return systemStore.written(systemId, () -> cloud.systems().reset(systemId));
        }

        /** Always from the cloud: the history that proves a reset must be the latest. */
        @Override
        public Optional<CloudSystem> observeWithHistory(String systemId) {
            Optional<CloudSystem> fresh = cloud.systems().observeWithHistory(systemId);
            fresh.ifPresentOrElse(systemStore::put, () -> systemStore.remove(systemId));
            return fresh;
        }

        /** Always from the cloud: no list shows the channels. */
        @Override
        public CloudSystemState connection(String systemId) {
            return cloud.systems().connection(systemId);
        }

        @Override
        public CloudSystem link(String siteId, String systemId) {
            return systemStore.written(systemId, () -> cloud.systems().link(siteId, systemId));
        }

        @Override
        public boolean unlink(String siteId, String systemId) {
            boolean unlinked =
                    systemStore.evictedOnFailure(systemId, () -> cloud.systems().unlink(siteId, systemId));
            systemStore.get(systemId).ifPresent(system -> systemStore.put(withoutSite(system, siteId)));
            return unlinked;
        }

        @Override
        public Stream<CloudSystem> listAll() {
            return systemStore.pass(cloud.systems().listAll());
        }

        @Override
        public Stream<CloudSystem> listByStatus(String status) {
            return cloud.systems().listByStatus(status);
        }
    };

    private final GatewayPort gateways = new GatewayPort() {
        @Override
        public Optional<CloudMediaPillar> observe(String gatewayId, String systemId, String exactName) {
            fill();
            if (gatewayId != null) {
                return gatewayStore.getOrRead(gatewayId, () -> cloud.gateways().observe(gatewayId, null, null));
            }
            return gatewayStore.byKey(
                    "gateway:" + systemId + "/" + exactName,
                    g -> Objects.equals(systemId, g.systemId()) && exactName.equals(g.name()),
                    () -> cloud.gateways().observe(null, systemId, exactName));
        }

        @Override
        public CloudMediaPillar create(NewMediaPillar gateway) {
            return gatewayStore.created(
                    () -> cloud.gateways().create(gateway),
                    List.of("gateway:" + gateway.systemId() + "/"
                            + gateway.settings().name()));
        }

        @Override
        public CloudMediaPillar update(String gatewayId, MediaPillarSettings changes) {
            return gatewayStore.written(gatewayId, () -> cloud.gateways().update(gatewayId, changes));
        }

        @Override
        public boolean delete(String gatewayId) {
            boolean deleted = gatewayStore.evictedOnFailure(
                    gatewayId, () -> cloud.gateways().delete(gatewayId));
            gatewayStore.remove(gatewayId);
            return deleted;
        }

        @Override
        public Stream<CloudMediaPillar> listBySystem(String systemId) {
            fill();
            return gatewayStore.values().filter(g -> Objects.equals(systemId, g.systemId()));
        }

        @Override
        public Stream<CloudMediaPillar> listAll() {
            return gatewayStore.pass(cloud.gateways().listAll());
        }

        @Override
        public boolean served() {
            return cloud.gateways().served();
        }
    };

    /** The cache around {@code cloud}, whose lists have {@code pageSize} items a page. */
    public CachedCloudPort(CloudPort cloud, int pageSize) {
        this.cloud = cloud;
        this.pageSize = pageSize;
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

    /**
     * Forgets that the cache was filled: the next read lists everything again. Called when this replica starts
     * leading, as another replica may have written while this one stood by.
     */
    public void invalidate() {
        synchronized (filling) {
            filled = false;
        }
    }

    /** Fills the cache from one pass of the four lists, once (the first read after a start waits for it). */
    public void fill() {
        if (filled) {
            return;
        }
        synchronized (filling) {
            if (filled) {
                return;
            }
            companies.listAll().forEach(c -> {});
            sites.listAll().forEach(s -> {});
            systems.listAll().forEach(s -> {});
            try {
                if (cloud.gateways().served()) {
                    gateways.listAll().forEach(g -> {});
                }
            } catch (CloudNotFoundException e) {
                // Not served: there is no gateway to cache.
            }
            filled = true;
        }
    }

    /**
     * Follows the systems that are not activated yet through the lists of {@code created} and {@code activating}
     * systems, and looks once at those that left them (activated, or gone): answers the systems whose status or
     * connection history moved, as the cloud holds them now.
     */
    public List<CloudSystem> refreshPending() {
        fill();
        List<CloudSystem> pending = systemStore
                .values()
                .filter(s -> !CloudSystem.STATUS_ACTIVATED.equals(s.status()))
                .toList();
        if (pending.isEmpty()) {
            return List.of();
        }
        Map<String, CloudSystem> listed = new ConcurrentHashMap<>();
        Stream.concat(
                        cloud.systems().listByStatus(CloudSystem.STATUS_CREATED),
                        cloud.systems().listByStatus(CloudSystem.STATUS_ACTIVATING))
                .forEach(system -> listed.put(system.id(), system));
        List<CloudSystem> moved = new ArrayList<>();
        List<CloudSystem> left = new ArrayList<>();
        for (CloudSystem before : pending) {
            CloudSystem now = listed.get(before.id());
            if (now == null) {
                left.add(before);
            } else if (!Objects.equals(now.status(), before.status())
                    || !Objects.equals(lastEvent(now), lastEvent(before))) {
                moved.add(systemStore.put(merged(before, now)));
            }
        }
        moved.addAll(activatedOrGone(left));
        return moved;
    }

    /**
     * The systems that left the lists of pending ones: activated (or removed). Read one by one when there are few,
     * else through the pages of activated systems, whichever costs fewer requests.
     */
    private List<CloudSystem> activatedOrGone(List<CloudSystem> left) {
        if (left.isEmpty()) {
            return List.of();
        }
        long activated = systemStore
                        .values()
                        .filter(s -> CloudSystem.STATUS_ACTIVATED.equals(s.status()))
                        .count()
                + left.size();
        long pages = (activated + pageSize - 1) / pageSize;
        List<CloudSystem> found = new ArrayList<>();
        if (left.size() <= pages) {
            for (CloudSystem before : left) {
                Optional<CloudSystem> fresh = cloud.systems().observeWithHistory(before.id());
                fresh.ifPresentOrElse(systemStore::put, () -> systemStore.remove(before.id()));
                fresh.ifPresent(found::add);
            }
            return found;
        }
        Map<String, CloudSystem> listed = new HashMap<>();
        cloud.systems().listByStatus(CloudSystem.STATUS_ACTIVATED).forEach(system -> listed.put(system.id(), system));
        for (CloudSystem before : left) {
            CloudSystem now = listed.get(before.id());
            if (now == null) {
                systemStore.remove(before.id());
            } else {
                found.add(systemStore.put(now));
            }
        }
        return found;
    }

    /** The systems not activated and the gateways being upgraded, as the cache holds them (no request). */
    public Set<String> pendingIds() {
        Set<String> pending = systemStore
                .values()
                .filter(s -> !CloudSystem.STATUS_ACTIVATED.equals(s.status()))
                .map(CloudSystem::id)
                .collect(Collectors.toSet());
        gatewayStore.values().filter(CachedCloudPort::upgrading).forEach(g -> pending.add(g.id()));
        return pending;
    }

    /**
     * An upgrade ends without anyone writing: while the cache holds gateways being upgraded, the gateway list is read
     * (one call per page, whatever their number); answers the gateways whose upgrade ended or that went.
     */
    public List<CloudMediaPillar> refreshUpgrading() {
        fill();
        Map<String, CloudMediaPillar> before = new HashMap<>();
        gatewayStore.values().filter(CachedCloudPort::upgrading).forEach(g -> before.put(g.id(), g));
        if (before.isEmpty()) {
            return List.of();
        }
        Map<String, CloudMediaPillar> listed = new HashMap<>();
        gateways.listAll().forEach(g -> listed.put(g.id(), g));
        List<CloudMediaPillar> moved = new ArrayList<>();
        before.forEach((id, was) -> {
            CloudMediaPillar now = listed.get(id);
            if (now == null) {
                moved.add(was);
            } else if (!upgrading(now) || !Objects.equals(now.runningVersion(), was.runningVersion())) {
                moved.add(now);
            }
        });
        return moved;
    }

    private static boolean upgrading(CloudMediaPillar gateway) {
        return CloudExtensions.MP_STATE_UPGRADING.equals(gateway.state());
    }

    private static Object lastEvent(CloudSystem system) {
        return system.connectionHistory() == null || system.connectionHistory().isEmpty()
                ? null
                : system.connectionHistory().get(system.connectionHistory().size() - 1);
    }

    /** A filtered list may omit the history the cached system had: keep it when the list gives none. */
    private static CloudSystem merged(CloudSystem cached, CloudSystem listed) {
        return listed.connectionHistory() != null || cached.connectionHistory() == null
                ? listed
                : listed.withConnectionHistory(cached.connectionHistory());
    }

    private static String systemKey(String name, String siteId) {
        return "system:" + name + "@" + (siteId == null ? "shared" : siteId);
    }

    private static CloudSystem withoutSite(CloudSystem system, String siteId) {
        return system.withSiteId(
                system.siteId() == null
                        ? List.of()
                        : system.siteId().stream()
                                .filter(id -> !id.equals(siteId))
                                .toList());
    }

    /**
     * One collection of the cache. A list pass replaces it, but keeps what was written here during the pass (the
     * pass may have read its page before the write).
     *
     * <p>A write that failed may still have been applied (the answer was lost, or a 5xx came after the write): the
     * object it wrote is evicted, so the next read of it asks the cloud; a create that failed leaves a doubt on its
     * natural key, so the next lookup by that key asks the cloud, and a create retried after a lost answer finds the
     * object instead of making a second one.
     */
    private static final class Store<T> {

        private final Function<T, String> idOf;
        private final Map<String, T> objects = new ConcurrentHashMap<>();
        private final Map<String, Long> writtenAt = new ConcurrentHashMap<>();
        private final AtomicLong clock = new AtomicLong();
        private final Set<String> doubtfulKeys = ConcurrentHashMap.newKeySet();

        Store(Function<T, String> idOf) {
            this.idOf = idOf;
        }

        Optional<T> get(String id) {
            return Optional.ofNullable(objects.get(id));
        }

        /**
         * The cached object, else the cloud's answer: an ID this operator recorded that the cache does not hold is
         * read once before it is called missing, so a stale cache never makes a declared object be created again.
         */
        Optional<T> getOrRead(String id, Supplier<Optional<T>> read) {
            T cached = objects.get(id);
            if (cached != null) {
                return Optional.of(cached);
            }
            Optional<T> fresh = read.get();
            fresh.ifPresent(this::put);
            return fresh;
        }

        /** The object with this natural key: from the cache, or from the cloud while a failed create leaves a doubt. */
        Optional<T> byKey(String key, Predicate<T> matches, Supplier<Optional<T>> lookUp) {
            if (doubtfulKeys.contains(key)) {
                Optional<T> fresh = lookUp.get();
                fresh.ifPresent(this::put);
                doubtfulKeys.remove(key);
                return fresh;
            }
            return objects.values().stream().filter(matches).findFirst();
        }

        T created(Supplier<T> create, List<String> keys) {
            try {
                return put(create.get());
            } catch (RuntimeException e) {
                doubtfulKeys.addAll(keys);
                throw e;
            }
        }

        T written(String id, Supplier<T> write) {
            return put(evictedOnFailure(id, write));
        }

        <R> R evictedOnFailure(String id, Supplier<R> write) {
            try {
                return write.get();
            } catch (RuntimeException e) {
                objects.remove(id);
                throw e;
            }
        }

        Stream<T> values() {
            return objects.values().stream();
        }

        T put(T object) {
            String id = idOf.apply(object);
            writtenAt.put(id, clock.incrementAndGet());
            objects.put(id, object);
            return object;
        }

        void remove(String id) {
            writtenAt.put(id, clock.incrementAndGet());
            objects.remove(id);
        }

        /**
         * A whole list, read: its items refresh the cache, and what it no longer lists goes, but for what was
         * written here since the pass began.
         */
        Stream<T> pass(Stream<T> listed) {
            long started = clock.incrementAndGet();
            List<T> all = listed.toList();
            Map<String, T> seen = new HashMap<>();
            for (T object : all) {
                String id = idOf.apply(object);
                seen.put(id, object);
                if (writtenAt.getOrDefault(id, 0L) < started) {
                    objects.put(id, object);
                }
            }
            objects.keySet().removeIf(id -> !seen.containsKey(id) && writtenAt.getOrDefault(id, 0L) < started);
            return all.stream();
        }
    }
}
