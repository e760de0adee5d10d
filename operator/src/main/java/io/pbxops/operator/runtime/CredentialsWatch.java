package io.pbxops.operator.runtime;

import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.pbxops.operator.api.Company;
import io.pbxops.operator.api.Conditions;
import io.pbxops.operator.api.Pbx;
import io.pbxops.operator.api.PbxOpsStatus;
import io.pbxops.operator.api.PbxShare;
import io.pbxops.operator.api.WebRtcGateway;
import io.pbxops.operator.cloud.CloudCredentialsMissingException;
import io.pbxops.operator.cloud.CloudCredentialsSource;
import io.pbxops.operator.cloud.RainbowClient;
import io.pbxops.operator.reconcile.DriftTrigger;
import io.pbxops.operator.reconcile.OperatorSettings;
import io.pbxops.operator.reconcile.PbxOperator;
import io.pbxops.operator.reconcile.StatusConditions;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the cloud credentials (the environment, or a mounted Secret re-read as it changes): once they change, every
 * object waiting on refused credentials is reconciled at once instead of at its next slow recheck.
 */
final class CredentialsWatch implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CredentialsWatch.class);
    static final Duration PERIOD = Duration.ofSeconds(2);

    private final CloudCredentialsSource source;
    private final PbxOperator operator;
    private final KubernetesClient client;
    private final OperatorSettings settings;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "pbxops-credentials");
        thread.setDaemon(true);
        return thread;
    });
    private volatile String lastFingerprint;

    private ScheduledFuture<?> schedule;

    CredentialsWatch(
            CloudCredentialsSource source,
            RainbowClient rainbow,
            PbxOperator operator,
            KubernetesClient client,
            OperatorSettings settings) {
        this.source = source;
        this.operator = operator;
        this.client = client;
        this.settings = settings;
    }

    synchronized void start() {
        if (schedule == null) {
            lastFingerprint = fingerprint();
            schedule = scheduler.scheduleWithFixedDelay(
                    this::check, PERIOD.toMillis(), PERIOD.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    synchronized void pause() {
        if (schedule != null) {
            schedule.cancel(false);
            schedule = null;
        }
    }

    private void check() {
        try {
            String now = fingerprint();
            if (Objects.equals(now, lastFingerprint)) {
                return;
            }
            lastFingerprint = now;
            LOG.info("the cloud credentials changed; reconciling the objects that waited for them");
            PbxOperator.Triggers triggers = operator.triggers();
            wake(Company.class, triggers.companies());
            wake(Pbx.class, triggers.pbxs());
            wake(PbxShare.class, triggers.shares());
            wake(WebRtcGateway.class, triggers.gateways());
        } catch (RuntimeException e) {
            LOG.warn("could not check the cloud credentials: {}", e.getMessage());
        }
    }

    private <R extends CustomResource<?, ? extends PbxOpsStatus>> void wake(Class<R> kind, DriftTrigger<R> trigger) {
        var resources = settings.namespaces().isEmpty()
                ? client.resources(kind).inAnyNamespace().list().getItems()
                : settings.namespaces().stream()
                        .flatMap(ns -> client.resources(kind).inNamespace(ns).list().getItems().stream())
                        .toList();
        resources.stream()
                .filter(r -> StatusConditions.reason(r.getStatus(), Conditions.SYNCED)
                        .filter(Conditions.Synced.CREDENTIALS_REFUSED::equals)
                        .isPresent())
                .forEach(r -> trigger.trigger(ResourceID.fromResource(r)));
    }

    private String fingerprint() {
        try {
            return source.current().fingerprint();
        } catch (CloudCredentialsMissingException e) {
            return null;
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
