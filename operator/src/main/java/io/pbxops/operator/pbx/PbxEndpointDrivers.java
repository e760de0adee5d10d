package io.pbxops.operator.pbx;

import io.pbxops.operator.api.PbxType;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The registry of endpoint drivers: which driver serves a PBX of a type behind an endpoint of a kind (after the Flink
 * operator's factory of services). It is itself the port the reconcilers and {@code plan} hold: each call goes to
 * the driver of its target. The drivers this build ships are registered by {@link StandardDrivers}.
 */
public final class PbxEndpointDrivers implements PbxEndpointPort, AutoCloseable {

    /** What chooses a driver. */
    public record Key(PbxType pbxType, EndpointKind kind) {}

    private final Map<Key, PbxEndpointPort> drivers;

    private PbxEndpointDrivers(Map<Key, PbxEndpointPort> drivers) {
        this.drivers = Map.copyOf(drivers);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The driver of a target; a target no driver serves is refused (the spec names an endpoint nobody speaks). */
    public PbxEndpointPort driverFor(PbxEndpointTarget target) {
        PbxEndpointPort driver = drivers.get(new Key(target.pbxType(), target.kind()));
        if (driver == null) {
            throw new PbxEndpointException.Rejected(
                    "no driver configures a " + target.pbxType() + " through "
                            + target.kind().label(),
                    null);
        }
        return driver;
    }

    public boolean serves(PbxType pbxType, EndpointKind kind) {
        return drivers.containsKey(new Key(pbxType, kind));
    }

    @Override
    public EndpointState observe(PbxEndpointTarget target) {
        return driverFor(target).observe(target);
    }

    @Override
    public EndpointState apply(PbxEndpointTarget target, EndpointSettings desired) {
        return driverFor(target).apply(target, desired);
    }

    @Override
    public boolean disable(PbxEndpointTarget target) {
        return driverFor(target).disable(target);
    }

    /** Closes the drivers that hold connections. */
    @Override
    public void close() {
        for (PbxEndpointPort driver : drivers.values().stream().distinct().toList()) {
            if (driver instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    throw new IllegalStateException("could not close the PBX driver " + driver, e);
                }
            }
        }
    }

    /** Collects the drivers, one per PBX type and endpoint kind. */
    public static final class Builder {

        private final Map<Key, PbxEndpointPort> drivers = new LinkedHashMap<>();

        public Builder register(PbxType pbxType, EndpointKind kind, PbxEndpointPort driver) {
            if (drivers.putIfAbsent(new Key(pbxType, kind), driver) != null) {
                throw new IllegalArgumentException("two drivers for " + pbxType + " through " + kind.label());
            }
            return this;
        }

        public PbxEndpointDrivers build() {
            return new PbxEndpointDrivers(drivers);
        }
    }
}
