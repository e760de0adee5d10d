package io.pbxops.simulator.support;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Polls a condition until a deadline: the tests' only way to wait for the simulator's asynchronous steps. */
public final class Await {

    private Await() {}

    /** Returns the first value {@code probe} gives that {@code done} accepts; fails after {@code timeout}. */
    public static <T> T until(Duration timeout, Supplier<T> probe, Predicate<T> done, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        T last = probe.get();
        while (!done.test(last)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(
                        "Timed out after " + timeout + " waiting for " + what + "; last value: " + last);
            }
            LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
            last = probe.get();
        }
        return last;
    }

    public static <T> T until(Supplier<T> probe, Predicate<T> done, String what) {
        return until(Duration.ofSeconds(10), probe, done, what);
    }
}
