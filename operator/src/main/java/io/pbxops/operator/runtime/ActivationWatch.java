package io.pbxops.operator.runtime;

import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.pbxops.operator.cloud.CachedCloudPort;
import io.pbxops.operator.cloud.model.CloudSystem;
import io.pbxops.operator.reconcile.PbxOperator;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the PBXs that are connecting through the cloud's lists (the systems {@code created} or {@code activating}),
 * every pending recheck while there are some, and wakes the Pbx of each system whose status or history moved: a
 * connecting fleet costs two list calls per pass and one read per PBX once it is activated, not one read per PBX per
 * recheck. On the leader only, like the drift check.
 */
public final class ActivationWatch implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ActivationWatch.class);

    private final CachedCloudPort cloud;
    private final PbxOperator operator;
    private final Duration interval;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "pbxops-activation");
        thread.setDaemon(true);
        return thread;
    });
    private ScheduledFuture<?> schedule;

    public ActivationWatch(CachedCloudPort cloud, PbxOperator operator, Duration interval) {
        this.cloud = cloud;
        this.operator = operator;
        this.interval = interval;
    }

    public synchronized void start() {
        if (schedule == null) {
            long millis = interval.toMillis();
            schedule = scheduler.scheduleWithFixedDelay(this::passSafely, millis, millis, TimeUnit.MILLISECONDS);
        }
    }

    public synchronized void pause() {
        if (schedule != null) {
            schedule.cancel(false);
            schedule = null;
        }
    }

    private void passSafely() {
        try {
            passOnce();
        } catch (RuntimeException e) {
            LOG.debug("activation watch: {}", e.getMessage());
        }
    }

    /** One pass; answers how many Pbx objects were woken. */
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
        return woken;
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
