package io.pbxops.operator.embedded;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Looks at the fleet a few times a second and shows it: until it converges ({@code --once}, answering whether it
 * did before the timeout) or until asked to stop.
 */
public final class ConvergenceWatch {

    static final Duration POLL = Duration.ofMillis(250);

    private final FleetStatus status;
    private final FleetDisplay display;
    private final StartupTimeline timeline;
    private final CountDownLatch stop = new CountDownLatch(1);
    private volatile FleetSnapshot last = new FleetSnapshot(List.of());

    public ConvergenceWatch(FleetStatus status, FleetDisplay display, StartupTimeline timeline) {
        this.status = status;
        this.display = display;
        this.timeline = timeline;
    }

    /** Shows the fleet until it has converged (true) or the timeout passed or a stop was asked (false). */
    public boolean untilConverged(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (look().converged()) {
                return true;
            }
            if (stop.await(POLL.toMillis(), TimeUnit.MILLISECONDS)) {
                return false;
            }
        }
        return look().converged();
    }

    /** Shows the fleet until {@link #stop()}. */
    public void untilStopped() throws InterruptedException {
        do {
            look();
        } while (!stop.await(POLL.toMillis(), TimeUnit.MILLISECONDS));
    }

    public void stop() {
        stop.countDown();
    }

    /** The fleet as last seen. */
    public FleetSnapshot last() {
        return last;
    }

    private FleetSnapshot look() {
        FleetSnapshot snapshot;
        try {
            snapshot = status.snapshot();
        } catch (RuntimeException e) {
            display.note("cannot read the fleet: " + e.getMessage());
            return last;
        }
        if (snapshot.anyReconciled()) {
            timeline.mark(StartupTimeline.FIRST_RECONCILE);
        }
        boolean firstConvergence = snapshot.converged() && !timeline.has(StartupTimeline.CONVERGED);
        if (snapshot.converged()) {
            timeline.mark(StartupTimeline.CONVERGED);
        }
        last = snapshot;
        display.show(snapshot, headline(snapshot));
        if (firstConvergence) {
            display.note("converged in " + timeline.summary(StartupTimeline.CONVERGED));
        }
        return snapshot;
    }

    /**
     * "converging, 6/17 objects settled", then "converged in 9.1 s, 17/17 objects settled" (the time convergence took
     * from the start); should the fleet move again: "converging, 16/17 objects settled (first converged in 9.1 s)".
     * The time since the start is the display's to show: it changes every moment.
     */
    String headline(FleetSnapshot snapshot) {
        long ready = snapshot.rows().stream().filter(FleetRow::converged).count();
        String settled = ready + "/" + snapshot.rows().size() + " objects settled";
        Duration converged = timeline.until(StartupTimeline.CONVERGED);
        if (snapshot.converged() && converged != null) {
            return "pbx-operator up: converged in " + StartupTimeline.seconds(converged) + ", " + settled;
        }
        return "pbx-operator up: converging, " + settled
                + (converged == null ? "" : " (first converged in " + StartupTimeline.seconds(converged) + ")");
    }
}
