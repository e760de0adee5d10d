package io.pbxops.operator.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The watch history: replay after a resource version, expiry, and objects entering and leaving a selector. */
class WatchEventsTest {

    @Test
    void aWatchGetsTheKeptChangesAfterItsVersionThenTheNewOnes() throws Exception {
        WatchEvents events = new WatchEvents(10);
        events.record(event("ADDED", 1, "a", "blue"));
        events.record(event("ADDED", 2, "b", "blue"));
        List<String> seen = new ArrayList<>();
        try (WatchEvents.Subscription ignored =
                events.subscribe(1, e -> true, o -> true, e -> seen.add(e.type() + " " + e.resourceVersion()))) {
            events.record(event("DELETED", 3, "a", "blue"));
        }
        events.record(event("ADDED", 4, "c", "blue"));
        assertEquals(List.of("ADDED 2", "DELETED 3"), seen, "nothing after the watch closed");
    }

    @Test
    void aWatchFromAVersionNoLongerKeptExpires() {
        WatchEvents events = new WatchEvents(2);
        for (int version = 1; version <= 5; version++) {
            events.record(event("ADDED", version, "o" + version, "blue"));
        }
        WatchEvents.TooOld tooOld =
                assertThrows(WatchEvents.TooOld.class, () -> events.subscribe(2, e -> true, o -> true, e -> {}));
        assertEquals(4, tooOld.oldest);
    }

    @Test
    void anObjectLeavingTheSelectorIsDeletedForThatWatchAndEnteringItIsAdded() throws Exception {
        WatchEvents events = new WatchEvents(10);
        List<String> seen = new ArrayList<>();
        events.subscribe(
                0,
                e -> true,
                o -> o.at("/metadata/labels/colour").asText().equals("blue"),
                e -> seen.add(e.type() + " " + e.object().at("/metadata/name").asText()));
        ObjectNode blue = object("a", "blue");
        ObjectNode red = object("a", "red");
        events.record(new WatchEvents.Event("ADDED", 1, blue, null));
        events.record(new WatchEvents.Event("MODIFIED", 2, red, blue));
        events.record(new WatchEvents.Event("MODIFIED", 3, blue, red));
        events.record(new WatchEvents.Event("MODIFIED", 4, blue, blue));
        assertEquals(List.of("ADDED a", "DELETED a", "ADDED a", "MODIFIED a"), seen);
    }

    private static WatchEvents.Event event(String type, long version, String name, String colour) {
        return new WatchEvents.Event(type, version, object(name, colour), null);
    }

    private static ObjectNode object(String name, String colour) {
        ObjectNode object =
                JsonNodeFactory.instance.objectNode().put("apiVersion", "v1").put("kind", "ConfigMap");
        object.putObject("metadata").put("name", name).putObject("labels").put("colour", colour);
        return object;
    }
}
