package io.pbxops.simulator.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.pbxops.simulator.Channel;
import io.pbxops.simulator.CloudContract;
import io.pbxops.simulator.SimulatorConfig;
import io.pbxops.simulator.agent.CloudLink;
import io.pbxops.simulator.agent.RainbowAgent;
import io.pbxops.simulator.faults.HttpFaults;
import io.pbxops.simulator.state.World;
import io.pbxops.simulator.support.Ids;
import io.pbxops.simulator.support.Json;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The simulated Rainbow cloud: its HTTP routes, and the hooks the control API and the PBX agents use. */
public final class CloudApi {

    public static final String ROOT = "/api/rainbow/";
    static final String ADMIN = "/api/rainbow/admin/v1.0";
    private static final Logger LOG = LoggerFactory.getLogger(CloudApi.class);

    private final World world;
    private final CloudContract contract;
    private final CloudState state = new CloudState();
    private final Ids ids;
    private final Dates dates;
    private final Tokens tokens;
    private final AuthApi auth;
    private final Activation activation;
    private final CompanyApi companies;
    private final SiteApi sites;
    private final SystemApi systems;
    private final MediaPillarApi mediaPillars;

    /**
     * @param tokenTtl     the lifetime of the next token issued (the configured one, or a fault's)
     * @param onCreated    hears every new system's pbxId and activation code, under the world lock
     */
    public CloudApi(
            SimulatorConfig config,
            World world,
            Ids ids,
            ScheduledExecutorService scheduler,
            Supplier<Collection<RainbowAgent>> agents,
            Supplier<Duration> tokenTtl,
            BiConsumer<String, String> onCreated) {
        this.world = world;
        this.contract = config.contract();
        this.ids = ids;
        this.dates = new Dates(config.clock());
        this.tokens = new Tokens(ids.bytes(32), config.clock(), tokenTtl);
        this.auth = new AuthApi(
                new AuthApi.Account(config.login(), config.password(), config.appId(), config.appSecret()),
                state,
                tokens,
                config.clock());
        this.activation = new Activation(state, world, ids, dates, config.activationDelay(), scheduler, agents);
        this.companies = new CompanyApi(world, state, ids, dates, contract);
        this.sites = new SiteApi(world, state, ids, dates, contract);
        this.systems = new SystemApi(world, state, ids, dates, activation, onCreated, contract);
        this.mediaPillars = new MediaPillarApi(world, state, ids, dates, config.upgradeDelay(), scheduler);
        world.write(this::bootstrap);
    }

    public void routes(Javalin app) {
        app.exception(CloudException.class, (e, ctx) -> ctx.status(e.status()).json(e.envelope()));
        app.exception(
                HttpResponseException.class,
                (e, ctx) -> ctx.status(e.getStatus())
                        .json(new CloudException(e.getStatus(), e.getStatus() * 1000, e.getMessage()).envelope()));
        app.exception(Exception.class, (e, ctx) -> {
            LOG.warn("Unexpected failure on {} {}", ctx.method(), HttpFaults.route(ctx), e);
            ctx.status(500).json(new CloudException(500, 500000, "Internal error of the simulator").envelope());
        });
        app.beforeMatched(ADMIN + "/*", auth::authenticate);
        auth.routes(app);
        companies.routes(app);
        sites.routes(app);
        systems.routes(app);
        // The documented profile serves no invented path: /x-pbxops/... answers 404 like any unknown path.
        if (contract.servesExtensions()) {
            mediaPillars.routes(app);
        }
    }

    /** Writes a fault answer in the cloud's error envelope. */
    public static void writeError(Context ctx, int status, String message) {
        ctx.status(status).json(new CloudException(status, status * 1000, message).envelope());
    }

    public CloudLink link() {
        return activation;
    }

    /** Re-considers every PBX agent: after a load, or after agents were added in bulk. Under the world lock. */
    public void evaluateAgents() {
        activation.evaluateAll();
    }

    /** Empties the cloud but for the BP company and its account; under the world lock. */
    public void reset() {
        activation.clear();
        state.clear();
        auth.clearLockout();
    }

    public void expireTokens() {
        tokens.expireAll();
    }

    /** Under the world lock. */
    public void setChannel(String systemId, Channel channel, boolean up) {
        PbxSystem system = state.system(systemId);
        boolean changed = up ? system.channelsDown.remove(channel) : system.channelsDown.add(channel);
        if (changed) {
            system.connectionHistory.add(new ConnectionEvent(up ? "channelUp" : "channelDown", dates.now()));
        }
        activation.channelsChanged(system);
    }

    /** Under the world lock. */
    public void setSecretIdentityActive(String systemId, boolean active) {
        state.system(systemId).secretIdentityActive = active;
    }

    /** Under the world lock. */
    public void publishGatewayVersion(String version) {
        if (!Versions.isValid(version)) {
            throw CloudException.invalid("version", "A version is dotted numbers, e.g. 2.6.0", version);
        }
        if (!state.gatewayVersions.contains(version)) {
            state.gatewayVersions.add(version);
        }
    }

    /** Companies, sites, systems (with activation codes and history) and gateways; under the world lock. */
    public ObjectNode snapshot() {
        ObjectNode snapshot = Json.MAPPER.createObjectNode();
        snapshot.put("bpCompanyId", state.bpCompanyId);
        state.companies.values().forEach(c -> snapshot.withArray("companies").add(c.toJson()));
        state.sites.values().forEach(s -> snapshot.withArray("sites").add(s.toJson()));
        state.systems
                .values()
                .forEach(s -> snapshot.withArray("systems")
                        .add(systems.view(s, true)
                                .put("activationCode", s.activationCode)
                                .set("channelsDown", Json.MAPPER.valueToTree(s.channelsDown))));
        state.mediaPillars
                .values()
                .forEach(p -> snapshot.withArray("mediaPillars").add(p.toJson(state.newestGatewayVersion())));
        snapshot.set("mediaPillarVersions", Json.MAPPER.valueToTree(state.gatewayVersions));
        List.of("companies", "sites", "systems", "mediaPillars").forEach(snapshot::withArray);
        return snapshot;
    }

    /** What the state file keeps; under the world lock. */
    public JsonNode saveState() {
        return Json.MAPPER.valueToTree(state);
    }

    /** Replaces the cloud with a saved one (activations under way restart); under the world lock. */
    public void restoreState(JsonNode saved) {
        activation.clear();
        state.replaceWith(Json.MAPPER.convertValue(saved, CloudState.class));
        state.systems.values().stream()
                .filter(s -> PbxSystem.ACTIVATING.equals(s.status))
                .forEach(s -> {
                    s.status = PbxSystem.CREATED;
                    s.activatingTransactionId = "";
                });
        if (contract.servesExtensions()) {
            // A state saved by the documented profile holds no x-pbxops: start from the defaults of a create.
            state.systems.values().stream()
                    .filter(s -> s.settings.extensions() == null)
                    .forEach(
                            s -> s.settings = s.settings.withExtensions(SystemExtensions.forCreate(s.settings.type())));
        }
    }

    private void bootstrap() {
        state.userId = ids.objectId(state::idTaken);
        Company bp = new Company();
        bp.id = ids.objectId(state::idTaken);
        bp.settings = new CompanySettings(
                "PBX Ops Business Partner",
                "FRA",
                null,
                "active",
                "private",
                true,
                "VAD",
                false,
                null,
                null,
                null,
                null);
        bp.creationDate = dates.now();
        bp.statusUpdatedDate = bp.creationDate;
        state.companies.put(bp.id, bp);
        state.bpCompanyId = bp.id;
    }
}
