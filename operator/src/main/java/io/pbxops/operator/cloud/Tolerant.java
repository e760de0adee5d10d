package io.pbxops.operator.cloud;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * The "already gone is fine" pattern of idempotent reconcilers, in one place: a read that may find nothing, a
 * delete of something that may already be deleted.
 */
final class Tolerant {

    private Tolerant() {}

    static <T> Optional<T> absentIfNotFound(Supplier<T> read) {
        try {
            return Optional.of(read.get());
        } catch (CloudNotFoundException e) {
            return Optional.empty();
        }
    }

    static boolean falseIfNotFound(Runnable delete) {
        try {
            delete.run();
            return true;
        } catch (CloudNotFoundException e) {
            return false;
        }
    }
}
