package io.pbxops.operator.embedded;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Every change the store made, in resource-version order, as kube-apiserver's watch cache keeps them: a watch from
 * resource version N gets the changes after N (those still kept, then the new ones as they happen), and a watch from a
 * version older than what is kept is told it expired (410), so that its client lists again.
 */
final class WatchEvents {

    /** One change. {@code previous} is the object before a MODIFIED (to tell a watcher it left its selector). */
    record Event(String type, long resourceVersion, ObjectNode object, ObjectNode previous) {

        String apiVersion() {
            return object.path("apiVersion").asText("");
        }

        String kind() {
            return object.path("kind").asText("");
        }
    }

    /** A watch from a resource version older than the oldest change kept. */
    static final class TooOld extends Exception {
        final long oldest;

        TooOld(long oldest) {
            super("too old resource version");
            this.oldest = oldest;
        }
    }

    /** One open watch: its filter, and where its events go (never blocking: called with the store locked). */
    final class Subscription implements AutoCloseable {
        private final Predicate<Event> wanted;
        private final Predicate<JsonNode> selector;
        private final Consumer<Event> sink;

        private Subscription(Predicate<Event> wanted, Predicate<JsonNode> selector, Consumer<Event> sink) {
            this.wanted = wanted;
            this.selector = selector;
            this.sink = sink;
        }

        /** The event as this watcher sees it: an object entering or leaving its selector is ADDED or DELETED. */
        private void offer(Event event) {
            if (!wanted.test(event)) {
                return;
            }
            boolean now = selector.test(event.object());
            if (!event.type().equals("MODIFIED") || event.previous() == null) {
                if (now) {
                    sink.accept(event);
                }
                return;
            }
            boolean before = selector.test(event.previous());
            if (before && now) {
                sink.accept(event);
            } else if (now) {
                sink.accept(new Event("ADDED", event.resourceVersion(), event.object(), null));
            } else if (before) {
                sink.accept(new Event("DELETED", event.resourceVersion(), event.object(), null));
            }
        }

        @Override
        public void close() {
            synchronized (WatchEvents.this) {
                subscriptions.remove(this);
            }
        }
    }

    private final int capacity;
    private final Deque<Event> history = new ArrayDeque<>();
    private final List<Subscription> subscriptions = new ArrayList<>();
    /** The resource version of the newest change no longer kept (0: none dropped yet). */
    private long dropped;

    WatchEvents(int capacity) {
        this.capacity = capacity;
    }

    synchronized void record(Event event) {
        history.addLast(event);
        while (history.size() > capacity) {
            dropped = history.removeFirst().resourceVersion();
        }
        for (Subscription subscription : List.copyOf(subscriptions)) {
            subscription.offer(event);
        }
    }

    /**
     * Opens a watch from {@code fromVersion}: the kept changes after it are sent at once, then every new one. The
     * predicate {@code wanted} picks the resource (and namespace); {@code selector} the objects within it.
     */
    synchronized Subscription subscribe(
            long fromVersion, Predicate<Event> wanted, Predicate<JsonNode> selector, Consumer<Event> sink)
            throws TooOld {
        if (fromVersion < dropped) {
            throw new TooOld(dropped + 1);
        }
        Subscription subscription = new Subscription(wanted, selector, sink);
        for (Event event : history) {
            if (event.resourceVersion() > fromVersion) {
                subscription.offer(event);
            }
        }
        subscriptions.add(subscription);
        return subscription;
    }

    synchronized int open() {
        return subscriptions.size();
    }
}
