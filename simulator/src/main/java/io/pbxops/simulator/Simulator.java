package io.pbxops.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import io.pbxops.simulator.agent.RainbowAgent;
import io.pbxops.simulator.cloud.CloudApi;
import io.pbxops.simulator.control.ControlApi;
import io.pbxops.simulator.faults.FaultInjector;
import io.pbxops.simulator.faults.HttpFaults;
import io.pbxops.simulator.faults.RequestCounter;
import io.pbxops.simulator.o2g.O2gApi;
import io.pbxops.simulator.o2g.O2gHosts;
import io.pbxops.simulator.oxo.OxoFleet;
import io.pbxops.simulator.state.StateFile;
import io.pbxops.simulator.state.World;
import io.pbxops.simulator.support.Ids;
import io.pbxops.simulator.support.Json;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running simulator: the Rainbow cloud admin API (with the {@code /sim/v1} control API) on one port, the O2G
 * management API of the simulated OmniPCX Enterprise nodes on another, and the OXO agents, all in this process.
 * <pre>{@code
 * try (Simulator sim = Simulator.start(SimulatorConfig.defaults().withCloudPort(0).withO2gPort(0).withSeed(42L))) {
 *     URI cloud = sim.cloudUrl();
 *     sim.control().addOxo(new OxoSpec("F1234", OxoSpec.Mode.STOCK, "ALE12-1234.5678.90"));
 * }
 * }</pre>
 */
public final class Simulator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Simulator.class);
    private static final int MAX_THREADS = 200;

    private final SimulatorConfig config;
    private final ScheduledExecutorService scheduler;
    private final SimulatorControl control;
    private final StateFile stateFile;
    private final boolean stateLoaded;
    private final Javalin cloudServer;
    private final Javalin o2gServer;
    private URI cloudUrl;
    private URI o2gUrl;

    private Simulator(SimulatorConfig config) {
        this.config = config;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "pbx-simulator-timer");
            thread.setDaemon(true);
            return thread;
        });
        World world = new World();
        Ids ids = new Ids(config.seed());
        FaultInjector cloudFaults = new FaultInjector(
                FaultSettings.none()
                        .withLatencyMs(config.latency().toMillis())
                        .withErrorRate(config.errorRate())
                        .withRateLimitPerSecond(config.rateLimit())
                        .withDropAfterWriteRate(config.dropAfterWriteRate())
                        .withErrorAfterWriteRate(config.errorAfterWriteRate()),
                config.seed() ^ 0x5eed1L);
        FaultInjector o2gFaults = new FaultInjector(FaultSettings.none(), config.seed() ^ 0x5eed2L);
        RequestCounter counter = new RequestCounter();
        O2gHosts o2g = new O2gHosts(config.oxeNames(), config.o2gLogin(), config.o2gPassword(), config.autoO2g());
        OxoFleet oxo = new OxoFleet();
        CloudApi cloud = new CloudApi(
                config, world, ids, scheduler, () -> agents(o2g, oxo), () -> tokenTtl(cloudFaults), (pbxId, code) -> {
                    if (config.autoFleet()) {
                        oxo.systemCreated(pbxId, code);
                    }
                });
        world.write(() -> {
            o2g.connect(cloud.link());
            oxo.connect(cloud.link());
        });
        this.control = new SimulatorControl(world, cloud, o2g, oxo, cloudFaults, o2gFaults, counter);
        this.stateFile = config.stateFile() == null
                ? null
                : new StateFile(config.stateFile(), world, () -> {
                    ObjectNode document = Json.MAPPER.createObjectNode();
                    document.set("cloud", cloud.saveState());
                    document.set("o2gHosts", o2g.saveState());
                    document.set("oxoAgents", oxo.saveState());
                    return document;
                });
        this.stateLoaded = stateFile != null && stateFile.load(saved -> restore(saved, cloud, o2g, oxo));

        this.cloudServer = server("pbx-sim-cloud");
        HttpFaults.install(cloudServer, CloudApi.ROOT, cloudFaults, counter, CloudApi::writeError);
        cloud.routes(cloudServer);
        new ControlApi(control).routes(cloudServer);
        this.o2gServer = server("pbx-sim-o2g");
        HttpFaults.install(o2gServer, O2gApi.ROOT, o2gFaults, counter, O2gApi::writeError);
        new O2gApi(world, o2g, ids, config.clock()).routes(o2gServer);
    }

    /** Starts both servers; the ports may be 0 to pick free ones. */
    public static Simulator start(SimulatorConfig config) {
        Simulator simulator = new Simulator(config);
        try {
            simulator.listen();
        } catch (RuntimeException e) {
            simulator.close();
            throw e;
        }
        return simulator;
    }

    private void listen() {
        cloudServer.start(config.bind(), config.cloudPort());
        o2gServer.start(config.bind(), config.o2gPort());
        cloudUrl = url(cloudServer.port());
        o2gUrl = url(o2gServer.port());
        if (stateFile != null) {
            stateFile.saveEverySecond(scheduler);
        }
        LOG.info(
                "PBX simulator listening: cloud {} (control {}/sim/v1), O2G {} (seed {}{})",
                cloudUrl,
                cloudUrl,
                o2gUrl,
                config.seed(),
                stateLoaded ? ", state loaded from " + config.stateFile() : "");
    }

    /** The cloud admin API and the control API, e.g. {@code http://127.0.0.1:18080}. */
    public URI cloudUrl() {
        return cloudUrl;
    }

    /** The O2G management API, e.g. {@code http://127.0.0.1:18443}. */
    public URI o2gUrl() {
        return o2gUrl;
    }

    public SimulatorControl control() {
        return control;
    }

    public SimulatorConfig config() {
        return config;
    }

    /** Stops both servers and saves the state file. */
    @Override
    public void close() {
        cloudServer.stop();
        o2gServer.stop();
        scheduler.shutdownNow();
        if (stateFile != null) {
            stateFile.save();
        }
        LOG.info("PBX simulator stopped");
    }

    private static void restore(JsonNode saved, CloudApi cloud, O2gHosts o2g, OxoFleet oxo) {
        cloud.restoreState(saved.path("cloud"));
        o2g.restoreState(saved.path("o2gHosts"));
        oxo.restoreState(saved.path("oxoAgents"));
        cloud.evaluateAgents();
    }

    private static Collection<RainbowAgent> agents(O2gHosts o2g, OxoFleet oxo) {
        List<RainbowAgent> agents = new ArrayList<>(o2g.agents());
        agents.addAll(oxo.agents());
        return agents;
    }

    private Duration tokenTtl(FaultInjector cloudFaults) {
        Long faultTtl = cloudFaults.settings().tokenTtlSeconds();
        return faultTtl != null ? Duration.ofSeconds(faultTtl) : config.tokenTtl();
    }

    private static Javalin server(String threadName) {
        return Javalin.create(javalin -> {
            javalin.showJavalinBanner = false;
            javalin.jsonMapper(new JavalinJackson(Json.MAPPER, false));
            QueuedThreadPool threads = new QueuedThreadPool(MAX_THREADS, 8);
            threads.setName(threadName);
            javalin.jetty.threadPool = threads;
        });
    }

    private URI url(int port) {
        String bind = config.bind();
        String host = switch (bind) {
            case "0.0.0.0", "::", "[::]" -> "127.0.0.1";
            default -> bind.contains(":") && !bind.startsWith("[") ? "[" + bind + "]" : bind;
        };
        return URI.create("http://" + host + ":" + port);
    }
}
