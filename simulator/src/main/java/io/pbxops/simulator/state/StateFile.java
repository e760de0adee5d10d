package io.pbxops.simulator.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pbxops.simulator.support.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code --state} file: read once at start, written (atomically) every second while the world changed, and on
 * close. The document is taken under the world lock and written outside it.
 */
public final class StateFile {

    private static final Logger LOG = LoggerFactory.getLogger(StateFile.class);
    private static final long SAVE_PERIOD_MS = 1000;

    private final Path path;
    private final World world;
    private final Supplier<ObjectNode> snapshot;

    /** {@code snapshot} runs under the world lock. */
    public StateFile(Path path, World world, Supplier<ObjectNode> snapshot) {
        this.path = path;
        this.world = world;
        this.snapshot = snapshot;
    }

    /** Hands the saved document to {@code restore} (under the world lock) when the file exists. */
    public boolean load(Consumer<JsonNode> restore) {
        if (!Files.exists(path)) {
            return false;
        }
        try {
            JsonNode saved = Json.MAPPER.readTree(path.toFile());
            world.write(() -> restore.accept(saved));
            world.takeDirty();
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the state file " + path, e);
        }
    }

    public void saveEverySecond(ScheduledExecutorService scheduler) {
        scheduler.scheduleWithFixedDelay(
                () -> {
                    if (world.takeDirty()) {
                        save();
                    }
                },
                SAVE_PERIOD_MS,
                SAVE_PERIOD_MS,
                TimeUnit.MILLISECONDS);
    }

    public void save() {
        ObjectNode document = world.read(snapshot);
        try {
            Path parent = path.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path temporary = Files.createTempFile(parent, ".pbx-simulator-state", ".tmp");
            Json.MAPPER.writerWithDefaultPrettyPrinter().writeValue(temporary.toFile(), document);
            Files.move(temporary, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.warn("Cannot save the state file {}: {}", path, e.getMessage());
        }
    }
}
