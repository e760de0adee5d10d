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

/** {@code /companies} (docs/cloud-contract.md#companies). */
final class CompanyApi {

    static final Map<String, List<String>> FORMATS = Map.of(
            "small", List.of("id", "name"),
            "medium", List.of("id", "name", "status", "country", "bpId", "isBP", "isCentrex", "externalReference"));

    static final Map<String, Function<Company, String>> SORT_KEYS = Map.of(
            "name",
            c -> c.settings.name(),
            "id",
            c -> c.id,
            "status",
            c -> c.settings.status(),
            "country",
            c -> c.settings.country(),
            "creationDate",
            c -> c.creationDate);

    private final World world;
    private final CloudState state;
    private final Ids ids;
    private final Dates dates;
    private final CloudContract contract;

    CompanyApi(World world, CloudState state, Ids ids, Dates dates, CloudContract contract) {
        this.world = world;
        this.state = state;
        this.ids = ids;
        this.dates = dates;
        this.contract = contract;
    }

    void routes(Javalin app) {
        String base = CloudApi.ADMIN + "/companies";
        app.post(base, this::create);
        app.get(base, this::list);
        app.get(
                base + "/{companyId}",
                ctx -> ctx.json(world.read(() -> Answers.data(Query.project(
                        state.company(ctx.pathParam("companyId")).toJson(), Query.format(ctx, "full"), FORMATS)))));
        app.put(base + "/{companyId}", this::update);
        app.delete(base + "/{companyId}", this::delete);
    }

    private void create(Context ctx) {
        CompanySettings settings =
                Bodies.overlay(CompanySettings.forCreate(), Bodies.object(ctx), CompanySettings.class, Set.of());
        Violations violations = new Violations();
        settings.validate(violations, contract);
        violations.throwIfAny();
        ctx.json(world.write(() -> {
            Company company = new Company();
            company.id = ids.objectId(state::idTaken);
            company.settings = settings;
            company.bpId = state.bpCompanyId;
            company.creationDate = dates.now();
            company.statusUpdatedDate = company.creationDate;
            state.companies.put(company.id, company);
            return Answers.data(company.toJson());
        }));
    }

    private void list(Context ctx) {
        String name = ctx.queryParam("name");
        String bpId = ctx.queryParam("bpId");
        String status = ctx.queryParam("status");
        Boolean isBP = Query.bool(ctx, "isBP");
        ctx.json(world.read(() -> Query.page(
                ctx,
                state.companies.values().stream()
                        .filter(c -> name == null || Query.containsIgnoreCase(c.settings.name(), name))
                        .filter(c -> bpId == null || bpId.equals(c.bpId))
                        .filter(c -> status == null || status.equals(c.settings.status()))
                        .filter(c -> isBP == null || isBP.equals(Boolean.TRUE.equals(c.settings.isBP())))
                        .toList(),
                SORT_KEYS,
                "name",
                Company::toJson,
                "small",
                FORMATS)));
    }

    private void update(Context ctx) {
        ObjectNode body = Bodies.object(ctx);
        ctx.json(world.write(() -> {
            Company company = state.company(ctx.pathParam("companyId"));
            CompanySettings settings = Bodies.overlay(company.settings, body, CompanySettings.class, Set.of());
            Violations violations = new Violations();
            settings.validate(violations, contract);
            violations.throwIfAny();
            if (!settings.status().equals(company.settings.status())) {
                company.statusUpdatedDate = dates.now();
            }
            company.settings = settings;
            return Answers.data(company.toJson());
        }));
    }

    private void delete(Context ctx) {
        ctx.json(world.write(() -> {
            Company company = state.company(ctx.pathParam("companyId"));
            if (company.id.equals(state.bpCompanyId)) {
                throw new CloudException(
                        403, 403000, "Company " + company.id + " is the company of the logged-in account");
            }
            if (state.sites.values().stream()
                    .anyMatch(site -> site.settings.companyId().equals(company.id))) {
                throw new CloudException(403, 403000, "Company " + company.id + " still has sites: delete them first");
            }
            if (state.companies.values().stream().anyMatch(c -> company.id.equals(c.bpId))) {
                throw new CloudException(403, 403000, "Company " + company.id + " is the BP of other companies");
            }
            state.companies.remove(company.id);
            return Answers.status("Company " + company.id + " successfully deleted");
        }));
    }
}
