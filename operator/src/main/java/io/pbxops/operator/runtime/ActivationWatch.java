package io.pbxops.operator.runtime;

import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.pbxops.operator.cloud.CachedCloudPort;
import io.pbxops.operator.cloud.model.CloudMediaPillar;
import io.pbxops.operator.cloud.model.CloudSystem;
import io.pbxops.operator.reconcile.PbxOperator;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows what moves in the cloud without anyone writing, through the cloud's lists: the PBXs that are connecting
 * (the systems {@code created} or {@code activating}) and the gateways being upgraded, while there are some; wakes the
 * object of each system or gateway that moved. A connecting fleet costs two list calls per pass and at most one
 * request per PBX once it is activated, an upgrading fleet one gateway list per pass, not one read per object per
 * recheck. On the leader only, like the drift check.
 *
 * <p>A pass comes every pending recheck while something moves or a PBX starts connecting; a pass that saw nothing
 * move doubles the wait, up to the drift interval, so that a build-to-order OXO waiting days for its installer costs
 * a few requests an hour, not two every recheck.
 */
public final class ActivationWatch implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ActivationWatch.class);

    private final CachedCloudPort cloud;
    private final PbxOperator operator;
    private final Duration interval;
    private final Duration longest;
    private Duration next;
    private Set<String> pendingBefore = Set.of();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "pbxops-activation");
        thread.setDaemon(true);
        return thread;
    });
    private ScheduledFuture<?> schedule;

    /**
     * @param interval the pending recheck: the wait between two passes while PBXs connect
     * @param longest  the longest wait when nothing moves (the drift interval: its pass lists every system anyway)
     */
    public ActivationWatch(CachedCloudPort cloud, PbxOperator operator, Duration interval, Duration longest) {
        this.cloud = cloud;
        this.operator = operator;
        this.interval = interval;
        this.longest = longest.compareTo(interval) < 0 ? interval : longest;
        this.next = interval;
    }

    public synchronized void start() {
        if (schedule == null) {
            next = interval;
            scheduleNext();
        }
    }

    private synchronized void scheduleNext() {
        if (!scheduler.isShutdown()) {
            schedule = scheduler.schedule(this::passAndReschedule, next.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void passAndReschedule() {
        Set<String> pending = cloud.pendingIds();
        boolean moved = passSafely() > 0;
        synchronized (this) {
            if (schedule == null) {
                return; // paused meanwhile
            }
            boolean newcomers = !pendingBefore.containsAll(pending);
            pendingBefore = pending;
            Duration doubled = next.multipliedBy(2);
            next = moved || newcomers ? interval : doubled.compareTo(longest) > 0 ? longest : doubled;
            scheduleNext();
        }
    }

    public synchronized void pause() {
        if (schedule != null) {
            schedule.cancel(false);
            schedule = null;
        }
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
        int woken = 0;
        for (CloudSystem system : cloud.refreshPending()) {
            Optional<ResourceID> pbx = operator.systemOwners().of(system.id());
            if (pbx.isPresent()) {
                operator.ledgers().pbxs().forget(pbx.get());
                operator.triggers().pbxs().trigger(pbx.get());
                woken++;
            }
        }
        for (CloudMediaPillar gateway : cloud.refreshUpgrading()) {
            Optional<ResourceID> object = operator.gatewayOwners().of(gateway.id());
            if (object.isPresent()) {
                operator.ledgers().gateways().forget(object.get());
                operator.triggers().gateways().trigger(object.get());
                woken++;
            }
        }
        return woken;
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
