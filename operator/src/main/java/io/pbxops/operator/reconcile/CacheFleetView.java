package io.pbxops.operator.reconcile;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.pbxops.operator.api.Company;
import io.pbxops.operator.api.NumberingPlan;
import io.pbxops.operator.api.Pbx;
import io.pbxops.operator.api.PbxShare;
import io.pbxops.operator.api.WebRtcGateway;
import io.pbxops.operator.validation.FleetView;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The fleet as the informer caches hold it, for the cross-object rules. Oldest first, so that of two objects claiming
 * the same cloud identity the one created first keeps it. A kind the reconciler does not watch is empty.
 */
public final class CacheFleetView implements FleetView {

    private static final Comparator<HasMetadata> OLDEST_FIRST = Comparator.comparing((HasMetadata o) ->
                    Objects.requireNonNullElse(o.getMetadata().getCreationTimestamp(), ""))
            .thenComparing(o -> Objects.requireNonNullElse(o.getMetadata().getNamespace(), ""))
            .thenComparing(o -> o.getMetadata().getName());

    private final Supplier<List<Company>> companies;
    private final Supplier<List<Pbx>> pbxs;
    private final Supplier<List<PbxShare>> shares;
    private final Supplier<List<WebRtcGateway>> gateways;
    private final Supplier<List<NumberingPlan>> plans;

    private CacheFleetView(
            Supplier<List<Company>> companies,
            Supplier<List<Pbx>> pbxs,
            Supplier<List<PbxShare>> shares,
            Supplier<List<WebRtcGateway>> gateways,
            Supplier<List<NumberingPlan>> plans) {
        this.companies = companies;
        this.pbxs = pbxs;
        this.shares = shares;
        this.gateways = gateways;
        this.plans = plans;
    }

    public static CacheFleetView empty() {
        return new CacheFleetView(List::of, List::of, List::of, List::of, List::of);
    }

    public CacheFleetView withCompanies(Supplier<List<Company>> value) {
        return new CacheFleetView(value, pbxs, shares, gateways, plans);
    }

    public CacheFleetView withPbxs(Supplier<List<Pbx>> value) {
        return new CacheFleetView(companies, value, shares, gateways, plans);
    }

    public CacheFleetView withShares(Supplier<List<PbxShare>> value) {
        return new CacheFleetView(companies, pbxs, value, gateways, plans);
    }

    public CacheFleetView withGateways(Supplier<List<WebRtcGateway>> value) {
        return new CacheFleetView(companies, pbxs, shares, value, plans);
    }

    public CacheFleetView withPlans(Supplier<List<NumberingPlan>> value) {
        return new CacheFleetView(companies, pbxs, shares, gateways, value);
    }

    @Override
    public Collection<Company> companies() {
        return sorted(companies.get());
    }

    @Override
    public Collection<Pbx> pbxs() {
        return sorted(pbxs.get());
    }

    @Override
    public Collection<PbxShare> shares() {
        return sorted(shares.get());
    }

    @Override
    public Collection<WebRtcGateway> gateways() {
        return sorted(gateways.get());
    }

    @Override
    public Collection<NumberingPlan> numberingPlans() {
        return sorted(plans.get());
    }

    /** Objects being deleted no longer claim anything. */
    private static <T extends HasMetadata> List<T> sorted(List<T> objects) {
        return objects.stream()
                .filter(o -> o.getMetadata().getDeletionTimestamp() == null)
                .sorted(OLDEST_FIRST)
                .toList();
    }
}
