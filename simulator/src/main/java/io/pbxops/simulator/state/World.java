package io.pbxops.simulator.state;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The one lock over the simulated world (cloud and PBXs). Critical sections are short, in-memory and never do I/O,
 * so a single lock keeps every cross-object rule (links, activation, agents) consistent at no measurable cost.
 */
public final class World {

    private final ReentrantLock lock = new ReentrantLock();
    private final AtomicBoolean dirty = new AtomicBoolean();

    public <T> T read(Supplier<T> action) {
        lock.lock();
        try {
            return action.get();
        } finally {
            lock.unlock();
        }
    }

    public <T> T write(Supplier<T> action) {
        lock.lock();
        try {
            return action.get();
        } finally {
            dirty.set(true);
            lock.unlock();
        }
    }

    public void write(Runnable action) {
        write(() -> {
            action.run();
            return null;
        });
    }

    /** True once after any write since the last call: tells the state file that it has something to save. */
    public boolean takeDirty() {
        return dirty.getAndSet(false);
    }
}
