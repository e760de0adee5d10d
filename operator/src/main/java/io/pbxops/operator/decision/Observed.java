package io.pbxops.operator.decision;

import java.util.Optional;

/**
 * What a lookup found for a declared object: the cloud object (by the ID known for it, else by its natural key), and
 * whether a known ID named nothing any more (deleted out of band, or a wrong adoption ID).
 *
 * @param missingId the known ID that named nothing, or null
 */
public record Observed<T>(Optional<T> object, String missingId) {

    public static <T> Observed<T> of(T object) {
        return new Observed<>(Optional.ofNullable(object), null);
    }

    public static <T> Observed<T> absent() {
        return new Observed<>(Optional.empty(), null);
    }

    public boolean present() {
        return object.isPresent();
    }

    public T get() {
        return object.orElseThrow();
    }
}
