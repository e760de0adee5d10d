package io.pbxops.operator.gitops;

/** Told how a long read or write goes, for a progress display; the default shows nothing. */
public interface FleetProgress {

    FleetProgress NONE = new FleetProgress() {};

    /** {@code count} items of a list ({@code companies}, {@code systems}, ...) have arrived; {@code done} at its end. */
    default void read(String what, int count, boolean done) {}

    /** {@code count} of {@code total} files are written. */
    default void wrote(int count, int total) {}
}
