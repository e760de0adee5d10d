package io.pbxops.operator.testing;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;

/** The Kubernetes events recorded about an object, as {@code kubectl describe} lists them. */
public final class Events {

    private Events() {}

    /** The reasons of the events whose involved object has that name, oldest first as the server keeps them. */
    public static List<String> reasons(KubernetesClient client, String namespace, String name) {
        return client.v1().events().inNamespace(namespace).list().getItems().stream()
                .filter(e -> name.equals(e.getInvolvedObject().getName()))
                .map(Event::getReason)
                .toList();
    }
}
