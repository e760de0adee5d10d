package io.pbxops.operator.runtime;

import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.pbxops.operator.cloud.CachedCloudPort;
import io.pbxops.operator.cloud.CloudBudget;
import io.pbxops.operator.cloud.model.CloudMediaPillar;
import io.pbxops.operator.cloud.model.CloudSystem;
import io.pbxops.operator.reconcile.CloudLedger;
import io.pbxops.operator.reconcile.CloudOwners;
import io.pbxops.operator.reconcile.DriftTrigger;
import io.pbxops.operator.reconcile.PbxOperator;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows what moves in the cloud without anyone writing, through the cloud's lists: the PBXs that are connecting
 * (the systems {@code created} or {@code activating}) and the gateways being upgraded, while there are some; wakes the
 * object of each system or gateway that moved. A connecting fleet costs two list calls per pass and at most one
 * request per PBX once it is activated, an upgrading fleet one gateway list per pass, not one read per object per
 * recheck. On the leader only, like the drift check.
 *
 * <p>A pass comes every pending recheck while something moves or a PBX starts connecting, and sooner once the cloud
 * budget turns idle (the others started fewer than half its requests in the last second), as soon as a pass takes at
 * most a quarter of it: the last PBXs of a fleet do not wait a whole recheck on an idle cloud, and a busy one is left
 * to the reconcilers. A pass that saw nothing move doubles the wait, up to the drift interval, so that a
 * build-to-order OXO waiting days for its installer costs a few requests an hour, not two every recheck. The watch
 * looks at the clock and the budget's counter once a second; that costs no request.
 */
public final class ActivationWatch implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ActivationWatch.class);
    private static final Duration TICK = Duration.ofSeconds(1);

    private final CachedCloudPort cloud;
    private final PbxOperator operator;
    private final Duration interval;
    private final Duration longest;
    private final CloudBudget budget;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "pbxops-activation");
        thread.setDaemon(true);
        return thread;
    });

    // Touched by the scheduler's one thread only, but for start and pause.
    private ScheduledFuture<?> schedule;
    private Duration next;
    private boolean stirring;
    private long lastPassCost;
    private long lastPassEnd;
    private long lastTick;
    private long startedAtLastTick;
    private Set<String> pendingBefore = Set.of();

    /**
     * @param interval the pending recheck: the wait between two passes while PBXs connect
     * @param longest  the longest wait when nothing moves (the drift interval: its pass lists every system anyway)
     * @param budget   the cloud budget the watch shares with the reconcilers
     */
    public ActivationWatch(
            CachedCloudPort cloud, PbxOperator operator, Duration interval, Duration longest, CloudBudget budget) {
        this.cloud = cloud;
        this.operator = operator;
        this.budget = budget;
        this.interval = interval;
        this.longest = longest.compareTo(interval) < 0 ? interval : longest;
        this.next = interval;
    }

    public synchronized void start() {
        if (schedule == null && !scheduler.isShutdown()) {
            next = interval;
            stirring = false;
            lastPassEnd = System.nanoTime();
            lastTick = lastPassEnd;
            startedAtLastTick = budget.requestsStarted();
            schedule = scheduler.scheduleWithFixedDelay(
                    this::tickSafely, TICK.toMillis(), TICK.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    public synchronized void pause() {
        if (schedule != null) {
            schedule.cancel(false);
            schedule = null;
        }
    }

    private void tickSafely() {
        try {
            tick();
        } catch (RuntimeException e) {
            LOG.debug("activation watch: {}", e.getMessage());
        }
    }

    private void tick() {
        long now = System.nanoTime();
        long started = budget.requestsStarted();
        boolean idle =
                othersIdle(started - startedAtLastTick, Duration.ofNanos(now - lastTick), budget.requestsPerSecond());
        lastTick = now;
        startedAtLastTick = started;
        Duration quick = quickest(lastPassCost, budget.requestsPerSecond(), interval);
        if (!due(Duration.ofNanos(now - lastPassEnd), next, stirring && idle, quick)) {
            return;
        }
        Set<String> pending = cloud.pendingIds();
        long ownBefore = budget.requestsStartedHere();
        boolean moved = passSafely() > 0;
        long after = budget.requestsStarted();
        boolean newcomers = !pendingBefore.containsAll(pending);
        pendingBefore = pending;
        lastPassCost = budget.requestsStartedHere() - ownBefore;
        lastPassEnd = System.nanoTime();
        lastTick = lastPassEnd;
        startedAtLastTick = after;
        stirring = moved || newcomers;
        next = nextWait(next, stirring, interval, longest);
        LOG.debug(
                "activation watch: {} pending, moved {}, newcomers {}, a pass of {} requests; next in {}",
                pending.size(),
                moved,
                newcomers,
                lastPassCost,
                next);
    }

    /**
     * Whether a pass is due: its wait is over, or things are moving, the budget is idle and a pass would take at
     * most a quarter of it ({@code quick}).
     */
    static boolean due(Duration sinceLastPass, Duration wait, boolean stirringOnAnIdleBudget, Duration quick) {
        return sinceLastPass.compareTo(wait) >= 0 || stirringOnAnIdleBudget && sinceLastPass.compareTo(quick) >= 0;
    }

    /** The wait after a pass: the pending recheck when something moved or came, else twice the last, up to the longest. */
    static Duration nextWait(Duration last, boolean stirring, Duration interval, Duration longest) {
        if (stirring) {
            return interval;
        }
        Duration doubled = last.multipliedBy(2);
        return doubled.compareTo(longest) > 0 ? longest : doubled;
    }

    /** Whether the others started at most half the budget's requests per second over the last tick. */
    static boolean othersIdle(long othersRequests, Duration tick, int requestsPerSecond) {
        double seconds = Math.max(tick.toNanos() / 1e9, 1e-3);
        return othersRequests / seconds <= requestsPerSecond / 2.0;
    }

    /**
     * The soonest a pass of {@code passCost} requests may follow the last on an idle budget: when it takes a quarter
     * of the budget, a second at the soonest, the pending recheck at the latest.
     */
    static Duration quickest(long passCost, int requestsPerSecond, Duration interval) {
        Duration byCost = Duration.ofMillis((long) Math.ceil(passCost * 1000.0 / (requestsPerSecond / 4.0)));
        Duration quick = byCost.compareTo(TICK) < 0 ? TICK : byCost;
        return quick.compareTo(interval) < 0 ? quick : interval;
    }

    private int passSafely() {
        try {
            return passOnce();
        } catch (RuntimeException e) {
            LOG.debug("activation watch: {}", e.getMessage());
            return 0;
        }
    }

    /** One pass; answers how many objects were woken. */
    public int passOnce() {
        PbxOperator.Ledgers ledgers = operator.ledgers();
        PbxOperator.Triggers triggers = operator.triggers();
        return wake(
                        cloud.refreshPending().stream().map(CloudSystem::id),
                        operator.systemOwners(),
                        ledgers.pbxs(),
                        triggers.pbxs())
                + wake(
                        cloud.refreshUpgrading().stream().map(CloudMediaPillar::id),
                        operator.gatewayOwners(),
                        ledgers.gateways(),
                        triggers.gateways());
    }

    /** Wakes the object standing for each cloud object that moved, its ledger entry forgotten. */
    private static int wake(Stream<String> moved, CloudOwners owners, CloudLedger ledger, DriftTrigger<?> trigger) {
        int woken = 0;
        for (ResourceID object : moved.flatMap(id -> owners.of(id).stream()).toList()) {
            ledger.forget(object);
            trigger.trigger(object);
            woken++;
        }
        return woken;
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
