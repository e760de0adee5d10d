package io.pbxops.operator.gitops;

import io.pbxops.operator.cloud.CloudPort;
import io.pbxops.operator.cloud.model.CloudCompany;
import io.pbxops.operator.cloud.model.CloudMediaPillar;
import io.pbxops.operator.cloud.model.CloudSite;
import io.pbxops.operator.cloud.model.CloudSystem;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The reseller's whole fleet as the cloud lists it, read once: every company, site, system and WebRTC gateway, page
 * by page (the four lists at once, each within the client's budget). Lists keep the cloud's default order, which the
 * natural-key lookups rely on to pick the same object as a filtered query would.
 *
 * @param gatewaysServed whether this cloud serves the (invented) gateway administration: without it, no gateway
 */
public record CloudSnapshot(
        List<CloudCompany> companies,
        List<CloudSite> sites,
        List<CloudSystem> systems,
        List<CloudMediaPillar> gateways,
        boolean gatewaysServed) {

    public CloudSnapshot {
        companies = List.copyOf(companies);
        sites = List.copyOf(sites);
        systems = List.copyOf(systems);
        gateways = List.copyOf(gateways);
    }

    /** Reads the four lists through {@code cloud}, telling {@code progress} how many items of each arrived. */
    public static CloudSnapshot read(CloudPort cloud, FleetProgress progress) {
        // Its own threads: the common pool has a single one on a two-core machine, which would read one list at a time.
        ExecutorService readers = Executors.newFixedThreadPool(4);
        try {
            CompletableFuture<List<CloudCompany>> companies =
                    list("companies", () -> cloud.companies().listAll(), progress, readers);
            CompletableFuture<List<CloudSite>> sites =
                    list("sites", () -> cloud.sites().listAll(), progress, readers);
            CompletableFuture<List<CloudSystem>> systems =
                    list("systems", () -> cloud.systems().listAll(), progress, readers);
            boolean gatewaysServed = cloud.gateways().served();
            CompletableFuture<List<CloudMediaPillar>> gateways = gatewaysServed
                    ? list("gateways", () -> cloud.gateways().listAll(), progress, readers)
                    : CompletableFuture.completedFuture(List.of());
            return new CloudSnapshot(companies.join(), sites.join(), systems.join(), gateways.join(), gatewaysServed);
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        } finally {
            readers.shutdownNow();
        }
    }

    private static <T> CompletableFuture<List<T>> list(
            String what, Supplier<Stream<T>> items, FleetProgress progress, ExecutorService readers) {
        return CompletableFuture.supplyAsync(
                () -> {
                    int[] count = {0};
                    List<T> all = items.get()
                            .peek(item -> progress.read(what, ++count[0], false))
                            .toList();
                    progress.read(what, all.size(), true);
                    return all;
                },
                readers);
    }

    public Optional<CloudCompany> company(String id) {
        return companies.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    public Optional<CloudSite> site(String id) {
        return sites.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    public Optional<CloudSystem> system(String id) {
        return systems.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    public List<CloudSite> sitesOf(String companyId) {
        return sites.stream().filter(s -> companyId.equals(s.companyId())).toList();
    }

    public List<CloudSystem> systemsLinkedTo(String siteId) {
        return systems.stream().filter(s -> s.isLinkedTo(siteId)).toList();
    }

    public List<CloudMediaPillar> gatewaysOf(String systemId) {
        return gateways.stream().filter(g -> systemId.equals(g.systemId())).toList();
    }

    /** Sites by ID, for walking from a system's links to their companies. */
    public Map<String, CloudSite> sitesById() {
        return sites.stream().collect(Collectors.toMap(CloudSite::id, Function.identity(), (a, b) -> a));
    }

    /** The reseller's own company (the account's), which holds no customer and is never exported. */
    public static boolean isReseller(CloudCompany company) {
        return Boolean.TRUE.equals(company.isBP());
    }
}
