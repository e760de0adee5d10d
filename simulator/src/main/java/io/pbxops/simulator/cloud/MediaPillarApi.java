package io.pbxops.simulator.cloud;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.pbxops.simulator.state.World;
import io.pbxops.simulator.support.Ids;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/** {@code /x-pbxops/mediapillars}: WebRTC gateway administration, invented (EXTENSIONS.md §1.2). */
final class MediaPillarApi {

    /** The body of a create or update; {@code systemId} and {@code type} count on create only. */
    record Fields(
            String systemId,
            String name,
            String type,
            String address,
            Integer voiceChannels,
            String softwareVersion,
            Boolean maintenance,
            Boolean defaultRoute) {}

    private static final String LATEST = "latest";
    private static final Map<String, Function<MediaPillar, String>> SORT_KEYS = Map.of(
            "creationDate", p -> p.creationDate, "name", p -> p.name, "id", p -> p.id, "systemId", p -> p.systemId);

    private final World world;
    private final CloudState state;
    private final Ids ids;
    private final Dates dates;
    private final Duration upgradeDelay;
    private final ScheduledExecutorService scheduler;

    MediaPillarApi(
            World world,
            CloudState state,
            Ids ids,
            Dates dates,
            Duration upgradeDelay,
            ScheduledExecutorService scheduler) {
        this.world = world;
        this.state = state;
        this.ids = ids;
        this.dates = dates;
        this.upgradeDelay = upgradeDelay;
        this.scheduler = scheduler;
    }

    void routes(Javalin app) {
        String base = CloudApi.ADMIN + "/x-pbxops/mediapillars";
        app.get(base, this::list);
        app.post(base, this::create);
        app.get(
                base + "/{id}",
                ctx -> ctx.json(world.read(() -> Answers.data(view(state.mediaPillar(ctx.pathParam("id")))))));
        app.put(base + "/{id}", this::update);
        app.delete(
                base + "/{id}",
                ctx -> ctx.json(world.write(() -> {
                    MediaPillar pillar = state.mediaPillar(ctx.pathParam("id"));
                    state.mediaPillars.remove(pillar.id);
                    return Answers.status("Media Pillar " + pillar.id + " successfully deleted");
                })));
    }

    private ObjectNode view(MediaPillar pillar) {
        return pillar.toJson(state.newestGatewayVersion());
    }

    private void list(Context ctx) {
        String systemId = ctx.queryParam("systemId");
        ctx.json(world.read(() -> Query.page(
                ctx,
                state.mediaPillars.values().stream()
                        .filter(p -> systemId == null || systemId.equals(p.systemId))
                        .toList(),
                SORT_KEYS,
                "creationDate",
                this::view,
                "full",
                Map.of())));
    }

    private void create(Context ctx) {
        ObjectNode body = Bodies.object(ctx);
        Fields fields = Bodies.read(body, Fields.class, body);
        Violations violations = new Violations();
        violations.check(fields.systemId() != null, "systemId", "systemId is required", null);
        violations.check(
                Enums.GATEWAY_TYPES.contains(fields.type()),
                "type",
                "type must be cloud, internal or external",
                fields.type());
        violations.throwIfAny();
        ctx.json(world.write(() -> {
            PbxSystem system = state.system(fields.systemId());
            if (!system.settings.extensions().webRtcEnabled()) {
                throw new CloudException(403, 403040, "WebRTC gateway is not activated on system " + system.id);
            }
            if ("internal".equals(fields.type())
                    && !"oxo-connect-evolution"
                            .equals(system.settings.extensions().model())) {
                throw new CloudException(
                        403, 403041, "An internal WebRTC gateway needs an OXO Connect Evolution system");
            }
            List<MediaPillar> siblings = state.mediaPillars.values().stream()
                    .filter(p -> p.systemId.equals(system.id))
                    .toList();
            MediaPillar pillar = new MediaPillar();
            pillar.id = ids.objectId(state::idTaken);
            pillar.systemId = system.id;
            pillar.pbxId = siblings.isEmpty()
                    ? ids.pbxId(this::gatewayIdTaken)
                    : siblings.get(0).pbxId + "-" + siblings.size();
            pillar.type = fields.type();
            pillar.name = system.settings.name() + "-gw";
            pillar.runningVersion = state.gatewayVersions.get(0);
            pillar.targetVersion = pillar.runningVersion;
            pillar.creationDate = dates.now();
            apply(pillar, fields, system);
            state.mediaPillars.put(pillar.id, pillar);
            return Answers.data(view(pillar));
        }));
    }

    private void update(Context ctx) {
        ObjectNode body = Bodies.object(ctx);
        ctx.json(world.write(() -> {
            MediaPillar pillar = state.mediaPillar(ctx.pathParam("id"));
            Fields fields = Bodies.overlay(
                    new Fields(
                            pillar.systemId,
                            pillar.name,
                            pillar.type,
                            pillar.address,
                            pillar.voiceChannels,
                            null,
                            pillar.maintenance,
                            pillar.defaultRoute),
                    body,
                    Fields.class,
                    Set.of());
            apply(pillar, fields, state.system(pillar.systemId));
            return Answers.data(view(pillar));
        }));
    }

    /** Validates then applies the writable fields; nothing changes when one is wrong. */
    private void apply(MediaPillar pillar, Fields fields, PbxSystem system) {
        Violations violations = new Violations();
        if ("external".equals(pillar.type)) {
            violations.check(
                    fields.address() != null && !fields.address().isBlank(),
                    "address",
                    "An external gateway needs an address",
                    fields.address());
            violations.check(
                    fields.voiceChannels() != null && fields.voiceChannels() >= 1 && fields.voiceChannels() <= 1000,
                    "voiceChannels",
                    "An external gateway needs 1..1000 voiceChannels",
                    fields.voiceChannels());
        }
        String version = fields.softwareVersion();
        violations.check(
                version == null || LATEST.equals(version) || state.gatewayVersions.contains(version),
                "softwareVersion",
                "Unknown softwareVersion: a published version or latest",
                version);
        violations.throwIfAny();
        if (fields.name() != null) {
            pillar.name = fields.name();
        }
        pillar.address = fields.address();
        pillar.voiceChannels = fields.voiceChannels();
        pillar.maintenance = Boolean.TRUE.equals(fields.maintenance());
        if (Boolean.TRUE.equals(fields.defaultRoute()) && !pillar.defaultRoute) {
            List<String> companies = state.companiesOf(system);
            state.mediaPillars.values().stream()
                    .filter(other -> other != pillar
                            && state.companiesOf(state.systems.get(other.systemId)).stream()
                                    .anyMatch(companies::contains))
                    .forEach(other -> other.defaultRoute = false);
        }
        pillar.defaultRoute = Boolean.TRUE.equals(fields.defaultRoute());
        if (version != null) {
            String target = LATEST.equals(version) ? state.newestGatewayVersion() : version;
            if (!target.equals(pillar.targetVersion)) {
                pillar.targetVersion = target;
                scheduleUpgrade(pillar, target);
            }
        }
    }

    private void scheduleUpgrade(MediaPillar pillar, String target) {
        scheduler.schedule(
                () -> world.write(() -> {
                    if (state.mediaPillars.get(pillar.id) == pillar && target.equals(pillar.targetVersion)) {
                        pillar.runningVersion = target;
                    }
                }),
                upgradeDelay.toNanos(),
                TimeUnit.NANOSECONDS);
    }

    private boolean gatewayIdTaken(String pbxId) {
        return state.systemByPbxId(pbxId) != null
                || state.mediaPillars.values().stream().anyMatch(p -> p.pbxId.startsWith(pbxId));
    }
}
