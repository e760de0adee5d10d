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

    private String headline(FleetSnapshot snapshot) {
        long ready = snapshot.rows().stream().filter(FleetRow::converged).count();
        String state = snapshot.converged() ? "converged" : "converging";
        return "pbx-operator up: " + state + ", " + ready + "/"
                + snapshot.rows().size() + " objects settled";
    }
}
