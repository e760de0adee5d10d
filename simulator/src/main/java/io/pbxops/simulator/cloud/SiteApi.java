package io.pbxops.simulator.cloud;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.pbxops.simulator.CloudContract;
import io.pbxops.simulator.state.World;
import io.pbxops.simulator.support.Ids;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** {@code /sites} and {@code /companies/{companyId}/sites} (docs/cloud-contract.md#sites). */
final class SiteApi {

    static final Map<String, List<String>> FORMATS = Map.of(
            "small", List.of("id", "name"),
            "medium", List.of("id", "name", "status", "companyId", "isCentrex"));

    static final Map<String, Function<Site, String>> SORT_KEYS = Map.of(
            "name",
            s -> s.settings.name(),
            "id",
            s -> s.id,
            "status",
            s -> s.settings.status(),
            "companyId",
            s -> s.settings.companyId(),
            "creationDate",
            s -> s.creationDate);

    private final World world;
    private final CloudState state;
    private final Ids ids;
    private final Dates dates;
    private final CloudContract contract;

    SiteApi(World world, CloudState state, Ids ids, Dates dates, CloudContract contract) {
        this.world = world;
        this.state = state;
        this.ids = ids;
        this.dates = dates;
        this.contract = contract;
    }

    void routes(Javalin app) {
        String base = CloudApi.ADMIN + "/sites";
        app.post(base, this::create);
        app.get(base, ctx -> list(ctx, ctx.queryParam("companyId")));
        app.get(
                base + "/{siteId}",
                ctx -> ctx.json(world.read(() -> Answers.data(Query.project(
                        state.site(ctx.pathParam("siteId")).toJson(), Query.format(ctx, "full"), FORMATS)))));
        app.put(base + "/{siteId}", this::update);
        app.delete(base + "/{siteId}", this::delete);
        app.get(CloudApi.ADMIN + "/companies/{companyId}/sites", ctx -> {
            String companyId = ctx.pathParam("companyId");
            world.read(() -> state.company(companyId));
            list(ctx, companyId);
        });
    }

    private void create(Context ctx) {
        ObjectNode body = Bodies.object(ctx);
        SiteSettings settings = Bodies.read(body, SiteSettings.class, body);
        Violations violations = new Violations();
        settings.validate(violations);
        violations.throwIfAny();
        ctx.json(world.write(() -> {
            Company company = state.company(settings.companyId());
            boolean centrex = Boolean.TRUE.equals(company.settings.isCentrex());
            if (centrex
                    && state.sites.values().stream()
                            .anyMatch(s -> s.settings.companyId().equals(company.id))) {
                throw new CloudException(403, 403000, "Centrex company " + company.id + " can have only one site");
            }
            Site site = new Site();
            site.id = ids.objectId(state::idTaken);
            site.settings = settings;
            site.isCentrex = centrex;
            site.creationDate = dates.now();
            site.statusUpdatedDate = site.creationDate;
            state.sites.put(site.id, site);
            return Answers.data(site.toJson());
        }));
    }

    private void list(Context ctx, String companyId) {
        String name = ctx.queryParam("name");
        ctx.json(world.read(() -> Query.page(
                ctx,
                state.sites.values().stream()
                        .filter(s -> companyId == null || companyId.equals(s.settings.companyId()))
                        .filter(s -> name == null || Query.containsIgnoreCase(s.settings.name(), name))
                        .toList(),
                SORT_KEYS,
                "name",
                Site::toJson,
                "small",
                FORMATS)));
    }

    private void update(Context ctx) {
        ObjectNode body = Bodies.object(ctx);
        if (!contract.servesExtensions()) {
            // ADMIN-2019 marks companyId required on PUT /sites/{siteId}; the extended profile takes a name alone.
            Violations missing = new Violations();
            missing.check(body.hasNonNull("companyId"), "companyId", "companyId is required", null);
            missing.throwIfAny();
        }
        ctx.json(world.write(() -> {
            Site site = state.site(ctx.pathParam("siteId"));
            SiteSettings settings = Bodies.overlay(site.settings, body, SiteSettings.class, Set.of());
            Violations violations = new Violations();
            settings.validate(violations);
            violations.throwIfAny();
            state.company(settings.companyId());
            if (!settings.status().equals(site.settings.status())) {
                site.statusUpdatedDate = dates.now();
            }
            site.settings = settings;
            return Answers.data(site.toJson());
        }));
    }

    private void delete(Context ctx) {
        ctx.json(world.write(() -> {
            Site site = state.site(ctx.pathParam("siteId"));
            if (state.systems.values().stream().anyMatch(s -> s.siteIds.contains(site.id))) {
                throw new CloudException(
                        403, 403000, "Site " + site.id + " is still linked to systems: unlink them first");
            }
            state.sites.remove(site.id);
            return Answers.status("Site " + site.id + " successfully deleted");
        }));
    }
}
