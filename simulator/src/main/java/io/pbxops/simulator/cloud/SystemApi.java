package io.pbxops.simulator.cloud;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.pbxops.simulator.Channel;
import io.pbxops.simulator.CloudContract;
import io.pbxops.simulator.state.World;
import io.pbxops.simulator.support.Ids;
import io.pbxops.simulator.support.Json;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.stream.Stream;

/** {@code /systems}, reset, state, and the site links (docs/cloud-contract.md#systems). */
final class SystemApi {

    static final Map<String, List<String>> FORMATS = Map.of(
            "small", List.of("id", "pbxId", "version"),
            "medium", List.of("id", "pbxId", "version", "name", "serialNumber", "status", "x-pbxops"));
    private static final String EXTENSION = "x-pbxops";
    private static final Set<String> NESTED = Set.of(EXTENSION);
    private static final Set<String> UPDATABLE = Set.of(
            "name",
            "pbxLdapId",
            "type",
            "country",
            "version",
            "serverPingTimeout",
            "pbxMainBundlePrefix",
            "usePbxMainBundlePrefix",
            "pbxNumberingTranslator",
            "pbxNationalPrefix",
            "pbxInternationalPrefix",
            "searchResultOrder",
            "isShared",
            EXTENSION,
            "siteId");

    static final Map<String, Function<PbxSystem, String>> SORT_KEYS = Map.of(
            "pbxId",
            s -> s.pbxId,
            "name",
            s -> s.settings.name(),
            "id",
            s -> s.id,
            "status",
            s -> s.status,
            "type",
            s -> s.settings.type(),
            "version",
            s -> s.settings.version(),
            "creationDate",
            s -> s.creationDate);

    private final World world;
    private final CloudState state;
    private final Ids ids;
    private final Dates dates;
    private final Activation activation;
    private final BiConsumer<String, String> onCreated;
    private final CloudContract contract;

    /** {@code onCreated} hears every new system's pbxId and activation code, under the world lock. */
    SystemApi(
            World world,
            CloudState state,
            Ids ids,
            Dates dates,
            Activation activation,
            BiConsumer<String, String> onCreated,
            CloudContract contract) {
        this.world = world;
        this.state = state;
        this.ids = ids;
        this.dates = dates;
        this.activation = activation;
        this.onCreated = onCreated;
        this.contract = contract;
    }

    void routes(Javalin app) {
        String base = CloudApi.ADMIN + "/systems";
        app.post(base, this::create);
        app.get(base, ctx -> list(ctx, null));
        // Registered before "/{systemId}/state" so that "/pbxid/x" is never read as a system id.
        app.get(
                base + "/pbxid/{pbxId}",
                ctx -> ctx.json(world.read(() -> {
                    PbxSystem system = state.systemByPbxId(ctx.pathParam("pbxId"));
                    if (system == null) {
                        throw CloudException.notFound(
                                "System with pbxId " + ctx.pathParam("pbxId") + " does not exist.");
                    }
                    return Answers.data(view(system, Query.bool(ctx, "connectionHistory")));
                })));
        app.get(
                base + "/{systemId}",
                ctx -> ctx.json(world.read(() -> Answers.data(
                        view(state.system(ctx.pathParam("systemId")), Query.bool(ctx, "connectionHistory"))))));
        app.put(base + "/{systemId}", this::update);
        app.delete(base + "/{systemId}", this::delete);
        app.get(base + "/{systemId}/state", this::connectionState);
        app.post(
                base + "/{systemId}/reset-password",
                ctx -> ctx.json(world.write(() -> {
                    PbxSystem system = state.system(ctx.pathParam("systemId"));
                    activation.reset(system);
                    return Answers.data(view(system, false));
                })));
        String siteSystems = CloudApi.ADMIN + "/sites/{siteId}/systems";
        app.get(siteSystems, ctx -> {
            world.read(() -> state.site(ctx.pathParam("siteId")));
            list(ctx, ctx.pathParam("siteId"));
        });
        app.post(siteSystems, this::link);
        app.delete(siteSystems + "/{systemId}", this::unlink);
    }

    ObjectNode view(PbxSystem system, Boolean withHistory) {
        return system.toJson(
                state.hasMediaPillar(system), Boolean.TRUE.equals(withHistory), contract.servesExtensions());
    }

    /** The body as the profile reads it: the documented profile ignores {@code x-pbxops} like any unknown field. */
    private ObjectNode served(ObjectNode body) {
        if (!contract.servesExtensions()) {
            body.remove(EXTENSION);
        }
        return body;
    }

    private void create(Context ctx) {
        ObjectNode body = served(Bodies.object(ctx));
        SystemSettings settings = Bodies.overlay(
                        SystemSettings.forCreate(body.path("type").asText(""), contract),
                        body,
                        SystemSettings.class,
                        NESTED)
                .normalized();
        SystemCreateFields fields = Bodies.read(body, SystemCreateFields.class, body);
        boolean centrex = Boolean.TRUE.equals(fields.isCentrex());
        Violations violations = new Violations();
        settings.validate(violations, contract);
        violations.check(
                !(centrex && Boolean.TRUE.equals(settings.isShared())),
                "isShared",
                "A system cannot be both shared and centrex",
                true);
        violations.check(
                fields.pbxId() == null
                        || (!fields.pbxId().isBlank() && fields.pbxId().length() <= 256),
                "pbxId",
                "pbxId must be 1 to 256 characters",
                fields.pbxId());
        violations.check(
                fields.activationCode() == null
                        || (!fields.activationCode().isEmpty()
                                && fields.activationCode().length() <= 256),
                "activationCode",
                "activationCode must be 1 to 256 characters",
                null);
        violations.check(
                !Boolean.TRUE.equals(fields.isOxoManaged()) || "oxo".equals(settings.type()),
                "isOxoManaged",
                "isOxoManaged is for type oxo only",
                fields.isOxoManaged());
        violations.check(
                fields.siteId() != null || centrex || Boolean.TRUE.equals(settings.isShared()),
                "siteId",
                "siteId is required unless the system is shared or centrex",
                null);
        violations.throwIfAny();
        ctx.json(world.write(() -> {
            Site site = fields.siteId() == null ? null : state.site(fields.siteId());
            if (fields.pbxId() != null && state.systemByPbxId(fields.pbxId()) != null) {
                throw new CloudException(409, 409000, "System with pbxId = " + fields.pbxId() + " already exists.");
            }
            PbxSystem system = new PbxSystem();
            system.id = ids.objectId(state::idTaken);
            system.pbxId =
                    fields.pbxId() != null ? fields.pbxId() : ids.pbxId(pbxId -> state.systemByPbxId(pbxId) != null);
            system.settings = settings;
            system.activationCode = fields.activationCode() != null ? fields.activationCode() : ids.activationCode();
            system.isCentrex = centrex;
            system.isOxoManaged = Boolean.TRUE.equals(fields.isOxoManaged());
            system.bpId = state.bpCompanyId;
            system.pcgJid = "pbxpcg_" + ids.hex(16) + "@" + Activation.RAINBOW_DOMAIN;
            system.pcgPassword = ids.hex(16);
            system.creationDate = dates.now();
            system.statusUpdatedDate = system.creationDate;
            if (site != null) {
                checkLink(site, system, system.isShared());
                system.siteIds.add(site.id);
            }
            state.addSystem(system);
            onCreated.accept(system.pbxId, system.activationCode);
            activation.evaluateAll();
            return Answers.data(view(system, false));
        }));
    }

    private void list(Context ctx, String pathSiteId) {
        String siteId = pathSiteId != null ? pathSiteId : ctx.queryParam("siteId");
        String type = ctx.queryParam("type");
        String status = ctx.queryParam("status");
        String companyId = ctx.queryParam("companyId");
        String bpId = ctx.queryParam("bpId");
        String name = ctx.queryParam("name");
        Boolean isShared = Query.bool(ctx, "isShared");
        Boolean isCentrex = Query.bool(ctx, "isCentrex");
        Boolean isSharedOrCentrex = Query.bool(ctx, "isSharedOrCentrex");
        Boolean isOxoManaged = Query.bool(ctx, "isOxoManaged");
        Boolean history = Query.bool(ctx, "connectionHistory");
        String from = isoDate(ctx, "fromCreationDate");
        String to = isoDate(ctx, "toCreationDate");
        if (status != null && !Enums.in(Enums.SYSTEM_STATUS, status)) {
            throw CloudException.invalid(
                    "status", "status must be created, activating, activated or terminated", status);
        }
        ctx.json(world.read(() -> Query.page(
                ctx,
                state.systems.values().stream()
                        .filter(s -> siteId == null || s.siteIds.contains(siteId))
                        .filter(s -> type == null || type.equals(s.settings.type()))
                        .filter(s -> status == null || status.equals(s.status))
                        .filter(s -> companyId == null || state.companiesOf(s).contains(companyId))
                        .filter(s -> bpId == null || bpId.equals(s.bpId))
                        .filter(s -> name == null || Query.containsIgnoreCase(s.settings.name(), name))
                        .filter(s -> isShared == null || isShared == s.isShared())
                        .filter(s -> isCentrex == null || isCentrex == s.isCentrex)
                        .filter(s -> isSharedOrCentrex == null || isSharedOrCentrex == (s.isShared() || s.isCentrex))
                        .filter(s -> isOxoManaged == null || isOxoManaged == s.isOxoManaged)
                        .filter(s -> from == null || s.creationDate.compareTo(from) >= 0)
                        .filter(s -> to == null || s.creationDate.compareTo(to) <= 0)
                        .toList(),
                SORT_KEYS,
                "pbxId",
                s -> view(s, history),
                "small",
                FORMATS)));
    }

    private static String isoDate(Context ctx, String name) {
        String raw = ctx.queryParam(name);
        if (raw == null) {
            return null;
        }
        try {
            return Instant.parse(raw).toString();
        } catch (DateTimeParseException e) {
            throw CloudException.invalid(name, name + " must be an ISO 8601 date-time", raw);
        }
    }

    private void update(Context ctx) {
        ObjectNode body = Bodies.object(ctx);
        if (!hasAny(body, UPDATABLE)) {
            throw new CloudException(400, 400100, "No data provided for update");
        }
        served(body);
        ctx.json(world.write(() -> {
            PbxSystem system = state.system(ctx.pathParam("systemId"));
            SystemSettings settings = Bodies.overlay(system.settings, body, SystemSettings.class, NESTED)
                    .normalized();
            Violations violations = new Violations();
            settings.validate(violations, contract);
            boolean shared = Boolean.TRUE.equals(settings.isShared());
            if (shared && !system.isShared()) {
                violations.check(
                        !system.isCentrex && (!system.siteIds.isEmpty() || system.bpId != null),
                        "isShared",
                        "A system becomes shared only if it is not centrex and is linked to a site or has a bpId",
                        true);
            }
            if (!shared && system.isShared()) {
                violations.check(
                        system.siteIds.size() == 1,
                        "isShared",
                        "A shared system becomes unshared only when it is linked to exactly one site",
                        false);
            }
            violations.throwIfAny();
            Site newSite =
                    body.hasNonNull("siteId") ? state.site(body.get("siteId").asText()) : null;
            if (newSite != null) {
                checkLink(newSite, system, shared);
            }
            if (!shared && system.isShared()) {
                system.bpId = null;
            }
            if (newSite != null) {
                system.siteIds.clear();
                system.siteIds.add(newSite.id);
            }
            system.settings = settings;
            return Answers.data(view(system, false));
        }));
    }

    private static boolean hasAny(ObjectNode body, Set<String> names) {
        for (Iterator<String> fields = body.fieldNames(); fields.hasNext(); ) {
            if (names.contains(fields.next())) {
                return true;
            }
        }
        return false;
    }

    private void delete(Context ctx) {
        ctx.json(world.write(() -> {
            PbxSystem system = state.system(ctx.pathParam("systemId"));
            if (state.hasMediaPillar(system)) {
                throw new CloudException(
                        403, 403030, "Can't delete system " + system.id + " because it's still linked to Media Pillar");
            }
            state.removeSystem(system);
            activation.systemDeleted(system);
            return Answers.status("Systems " + system.id + " successfully deleted");
        }));
    }

    private void connectionState(Context ctx) {
        String format = Query.format(ctx, "small");
        Boolean history = Query.bool(ctx, "connectionHistory");
        ctx.json(world.read(() -> {
            PbxSystem system = state.system(ctx.pathParam("systemId"));
            ObjectNode data = Json.MAPPER.createObjectNode();
            data.put("timestamp", Instant.now(dates.clock()).getEpochSecond());
            if ("small".equals(format)) {
                data.put("connection", Stream.of(Channel.values()).allMatch(system::channelUp) ? "up" : "down");
            } else {
                List<Channel> shown = "full".equals(format)
                        ? List.of(Channel.values())
                        : List.of(Channel.CONF, Channel.CSTA, Channel.HTTP);
                shown.forEach(channel -> data.put(channel.wireName(), system.channelUp(channel) ? "up" : "down"));
            }
            if (Boolean.TRUE.equals(history)) {
                data.set("connectionHistory", view(system, true).get("connectionHistory"));
            }
            return Answers.data(data);
        }));
    }

    private void link(Context ctx) {
        ObjectNode body = Bodies.object(ctx);
        if (!body.path("systemId").isTextual()) {
            throw CloudException.invalid("systemId", "systemId is required", body.get("systemId"));
        }
        ctx.json(world.write(() -> {
            Site site = state.site(ctx.pathParam("siteId"));
            PbxSystem system = state.system(body.get("systemId").asText());
            if (!system.siteIds.contains(site.id)) {
                checkLink(site, system, system.isShared());
                system.siteIds.add(site.id);
            }
            return Answers.data(view(system, false));
        }));
    }

    private void unlink(Context ctx) {
        ctx.json(world.write(() -> {
            Site site = state.site(ctx.pathParam("siteId"));
            PbxSystem system = state.system(ctx.pathParam("systemId"));
            if (!system.siteIds.contains(site.id)) {
                throw CloudException.notFound("System " + system.id + " is not linked to site " + site.id + ".");
            }
            if (system.siteIds.size() == 1 && !system.isShared() && !system.isCentrex) {
                throw new CloudException(
                        409, 409000, "System " + system.id + " must have at least one attachment to a site");
            }
            system.siteIds.remove(site.id);
            return Answers.status("Site " + site.id + " successfully removed");
        }));
    }

    /** Centrex consistency (403709/403710) and, for a system that is not shared, one company only (403000, assumed). */
    private void checkLink(Site site, PbxSystem system, boolean shared) {
        if (system.isCentrex && !site.isCentrex) {
            throw new CloudException(
                    403, 403709, "Inconsistent link: system " + system.id + " is centrex, site " + site.id + " is not");
        }
        if (!system.isCentrex && site.isCentrex) {
            throw new CloudException(
                    403, 403710, "Inconsistent link: site " + site.id + " is centrex, system " + system.id + " is not");
        }
        String company = site.settings.companyId();
        if (!shared
                && system.siteIds.stream()
                        .anyMatch(
                                id -> !state.sites.get(id).settings.companyId().equals(company))) {
            throw new CloudException(
                    403,
                    403000,
                    "System " + system.id + " is not shared: it cannot be linked to a site of another company");
        }
    }
}
