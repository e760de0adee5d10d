package io.pbxops.operator.embedded;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.crud.AttributeSet;
import java.util.List;
import java.util.Objects;

/**
 * fabric8's CRUD store, telling {@link WatchEvents} of every change as it makes it (under its write lock, so in
 * resource-version order). A deletion gets a resource version of its own, as on kube-apiserver.
 */
final class ObservedStore extends KubernetesCrudDispatcher {

    private static final ObjectMapper JSON = Serialization.jsonMapper();

    private final WatchEvents events;

    ObservedStore(WatchEvents events) {
        super(List.of());
        this.events = events;
    }

    @Override
    public void processEvent(
            String path,
            AttributeSet pathAttributes,
            AttributeSet oldAttributes,
            GenericKubernetesResource resource,
            String newState) {
        String existing = oldAttributes == null ? null : map.get(oldAttributes);
        super.processEvent(path, pathAttributes, oldAttributes, resource, newState);
        if (Objects.equals(existing, newState)) {
            return;
        }
        if (newState == null) {
            ObjectNode deleted = parse(existing);
            long version = requestResourceVersion();
            deleted.withObjectProperty("metadata").put("resourceVersion", String.valueOf(version));
            events.record(new WatchEvents.Event("DELETED", version, deleted, null));
            return;
        }
        ObjectNode object = parse(newState);
        long version = Long.parseLong(object.at("/metadata/resourceVersion").asText("0"));
        events.record(
                existing == null
                        ? new WatchEvents.Event("ADDED", version, object, null)
                        : new WatchEvents.Event("MODIFIED", version, object, parse(existing)));
    }

    private static ObjectNode parse(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the store holds something that is not JSON", e);
        }
    }
}
