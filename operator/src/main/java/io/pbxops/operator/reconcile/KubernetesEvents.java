package io.pbxops.operator.reconcile;

import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records a Kubernetes Event for every change made in the cloud or on a PBX, and for every warning, on the object
 * concerned ({@code kubectl describe} shows them). Messages are for people and never hold a secret.
 */
public class KubernetesEvents {

    private static final Logger LOG = LoggerFactory.getLogger(KubernetesEvents.class);
    static final String COMPONENT = "pbx-operator";

    private final KubernetesClient client;
    private final Clock clock;

    public KubernetesEvents(KubernetesClient client, Clock clock) {
        this.client = client;
        this.clock = clock;
    }

    public void normal(HasMetadata object, String reason, String message) {
        record(object, "Normal", reason, message);
    }

    public void warning(HasMetadata object, String reason, String message) {
        record(object, "Warning", reason, message);
    }

    private void record(HasMetadata object, String type, String reason, String message) {
        String now = Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString();
        String namespace = object.getMetadata().getNamespace();
        try {
            client.v1()
                    .events()
                    .inNamespace(namespace)
                    .resource(new EventBuilder()
                            .withNewMetadata()
                            .withName(object.getMetadata().getName() + "."
                                    + UUID.randomUUID()
                                            .toString()
                                            .substring(0, 13)
                                            .replace("-", ""))
                            .withNamespace(namespace)
                            .endMetadata()
                            .withInvolvedObject(new ObjectReferenceBuilder()
                                    .withApiVersion(object.getApiVersion())
                                    .withKind(object.getKind())
                                    .withName(object.getMetadata().getName())
                                    .withNamespace(namespace)
                                    .withUid(object.getMetadata().getUid())
                                    .withResourceVersion(object.getMetadata().getResourceVersion())
                                    .build())
                            .withType(type)
                            .withReason(reason)
                            .withMessage(message)
                            .withFirstTimestamp(now)
                            .withLastTimestamp(now)
                            .withCount(1)
                            .withNewSource()
                            .withComponent(COMPONENT)
                            .endSource()
                            .withReportingComponent(COMPONENT)
                            .build())
                    .create();
            LOG.info(
                    "{} {}/{} {}: {}",
                    type.toLowerCase(Locale.ROOT),
                    object.getKind(),
                    object.getMetadata().getName(),
                    reason,
                    message);
        } catch (KubernetesClientException e) {
            // An event is a courtesy: failing to record one must not fail the reconcile.
            LOG.warn(
                    "could not record event {} on {}/{}: {}",
                    reason,
                    object.getKind(),
                    object.getMetadata().getName(),
                    e.getMessage());
        }
    }
}
