package io.pbxops.operator.gitops;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.pbxops.operator.api.ActivationMode;
import io.pbxops.operator.api.Annotations;
import io.pbxops.operator.api.Company;
import io.pbxops.operator.api.LocalObjectReference;
import io.pbxops.operator.api.NumberingPlan;
import io.pbxops.operator.api.Pbx;
import io.pbxops.operator.api.PbxActivation;
import io.pbxops.operator.api.PbxShare;
import io.pbxops.operator.api.PbxShareSpec;
import io.pbxops.operator.api.PbxSpec;
import io.pbxops.operator.api.PbxType;
import io.pbxops.operator.api.WebRtcGateway;
import io.pbxops.operator.cloud.model.CloudCompany;
import io.pbxops.operator.cloud.model.CloudMediaPillar;
import io.pbxops.operator.cloud.model.CloudSite;
import io.pbxops.operator.cloud.model.CloudSystem;
import io.pbxops.operator.cloud.model.NumberingRule;
import io.pbxops.operator.mapping.CompanyExport;
import io.pbxops.operator.mapping.GatewayExport;
import io.pbxops.operator.mapping.NumberingPlanExport;
import io.pbxops.operator.mapping.PbxExport;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The manifests of an existing fleet: its companies, their PBXs, the shared PBXs with their shares, the WebRTC
 * gateways, and one NumberingPlan per distinct list of rules. The specs come from the mapping's export direction
 * ({@code CompanyExport}, {@code PbxExport}, {@code GatewayExport}, {@code NumberingPlanExport}); here the objects
 * get their names, their references to each other, their {@code pbxops.io/external-id} and their file. No secret is
 * written: a fleet PBX's references (its equipment ID, which is its activation code) only on request.
 */
public final class FleetExport {

    /**
     * @param companies       the cloud names of the companies to export; empty: all of them (and the shared PBXs
     *                        linked to none)
     * @param fleetReferences write a fleet PBX's fleet and installation references (they make its activation code)
     */
    public record Options(List<String> companies, boolean fleetReferences) {}

    public record Result(List<ExportedObject> objects, List<String> notes) {}

    static final String SHARED_FOLDER = "shared";
    static final String COMPANIES_FOLDER = "companies";
    private static final Pattern FLEET_EQUIPMENT_ID =
            Pattern.compile("^([A-Z0-9]{2,10})-([0-9]{4}\\.[0-9]{4}\\.[0-9]{2})$");

    private final CloudSnapshot snapshot;
    private final Options options;
    private final Map<String, CloudSite> sitesById;
    private final List<String> notes = new ArrayList<>();
    private final List<ExportedObject> objects = new ArrayList<>();
    private final Map<String, CloudCompany> companies = new LinkedHashMap<>();
    private final Map<String, CloudSite> siteOfCompany = new LinkedHashMap<>();
    private final Map<String, String> ownerOfSystem = new LinkedHashMap<>();
    private final List<CloudSystem> systems = new ArrayList<>();
    private Map<String, String> companyNames;
    private Map<String, String> pbxNames;

    private FleetExport(CloudSnapshot snapshot, Options options) {
        this.snapshot = snapshot;
        this.options = options;
        this.sitesById = snapshot.sitesById();
    }

    /** @throws IllegalArgumentException when a company named in the options does not exist */
    public static Result build(CloudSnapshot snapshot, Options options) {
        return new FleetExport(snapshot, options).build();
    }

    private Result build() {
        selectCompanies();
        selectSystems();
        Map<String, String> wantedCompanyNames = new LinkedHashMap<>();
        companies.values().forEach(c -> wantedCompanyNames.put(c.id(), ExportNames.slug(c.name())));
        companyNames = ExportNames.unique(wantedCompanyNames);
        Map<String, String> wantedPbxNames = new LinkedHashMap<>();
        systems.forEach(s -> wantedPbxNames.put(
                s.id(),
                ownerOfSystem.containsKey(s.id())
                        ? ExportNames.prefixed(companyNames.get(ownerOfSystem.get(s.id())), s.name())
                        : ExportNames.slug(s.name())));
        pbxNames = ExportNames.unique(wantedPbxNames);
        companies.values().forEach(this::company);
        Map<String, String> planOfSystem = new NumberingPlans().export();
        systems.forEach(system -> pbx(system, planOfSystem.get(system.id())));
        gateways();
        shares();
        return new Result(objects, notes);
    }

    private void selectCompanies() {
        List<CloudCompany> customers = snapshot.companies().stream()
                .filter(c -> !CloudSnapshot.isReseller(c))
                .toList();
        if (options.companies().isEmpty()) {
            customers.forEach(c -> companies.put(c.id(), c));
        } else {
            for (String name : options.companies()) {
                CloudCompany company = customers.stream()
                        .filter(c -> name.equals(c.name()))
                        .findFirst()
                        .orElseThrow(
                                () -> new IllegalArgumentException("no company named \"" + name + "\" in the cloud"));
                companies.put(company.id(), company);
            }
        }
        for (CloudCompany company : companies.values()) {
            // The Company kind has one site: the one most of the company's PBXs are linked to.
            snapshot.sitesOf(company.id()).stream()
                    .max(Comparator.comparingInt(
                            site -> snapshot.systemsLinkedTo(site.id()).size()))
                    .ifPresent(site -> siteOfCompany.put(company.id(), site));
        }
    }

    private void selectSystems() {
        boolean everything = options.companies().isEmpty();
        for (CloudSystem system : snapshot.systems()) {
            List<CloudSite> linked = system.siteId() == null
                    ? List.of()
                    : system.siteId().stream()
                            .map(sitesById::get)
                            .filter(s -> s != null)
                            .toList();
            Set<String> linkedCompanies = new LinkedHashSet<>();
            linked.stream()
                    .map(CloudSite::companyId)
                    .filter(companies::containsKey)
                    .forEach(linkedCompanies::add);
            boolean shared = Boolean.TRUE.equals(system.isShared());
            if (linkedCompanies.isEmpty() && !(shared && everything)) {
                if (everything && linked.isEmpty()) {
                    notes.add(
                            "system \"" + system.name() + "\" (" + system.id() + ") is neither shared nor linked to a "
                                    + "site: not exported (a Pbx names its company, or is shared)");
                }
                continue;
            }
            if (!PbxExport.SUPPORTED_TYPES.contains(system.type())) {
                notes.add("system \"" + system.name() + "\" (" + system.id() + ") is of type " + system.type()
                        + ", not a PBX the operator manages: not exported");
                continue;
            }
            systems.add(system);
            if (!shared) {
                String owner = linkedCompanies.stream()
                        .filter(id -> siteOfCompany.containsKey(id)
                                && system.isLinkedTo(siteOfCompany.get(id).id()))
                        .findFirst()
                        .orElse(linkedCompanies.iterator().next());
                ownerOfSystem.put(system.id(), owner);
            }
        }
    }

    private void company(CloudCompany cloud) {
        Company company = new Company();
        String name = companyNames.get(cloud.id());
        company.setMetadata(metadata(name, cloud.id()));
        CloudSite site = siteOfCompany.get(cloud.id());
        company.setSpec(CompanyExport.spec(cloud, site));
        List<String> comments = new ArrayList<>();
        if (site == null) {
            comments.add("The company has no site in the cloud: the operator creates one named after it.");
        } else if (snapshot.sitesOf(cloud.id()).size() > 1) {
            comments.add("The company has " + snapshot.sitesOf(cloud.id()).size() + " sites; its PBXs link to \""
                    + site.name() + "\", the others are not managed.");
        }
        objects.add(new ExportedObject(folder(cloud.id()) + "/company.yaml", company, comments));
    }

    private void pbx(CloudSystem system, String planName) {
        boolean defaultRoute =
                snapshot.gatewaysOf(system.id()).stream().anyMatch(g -> Boolean.TRUE.equals(g.defaultRoute()));
        PbxSpec spec = PbxExport.spec(system, defaultRoute);
        String owner = ownerOfSystem.get(system.id());
        if (owner != null) {
            spec.setCompanyRef(new LocalObjectReference(companyNames.get(owner)));
            linksBeyondTheSite(system, owner);
        }
        if (planName != null) {
            spec.setNumberingPlanRef(new LocalObjectReference(planName));
        }
        List<String> comments = new ArrayList<>();
        activation(system, spec, comments);
        if (system.pbxMainBundlePrefix() != null && system.pbxMainBundlePrefix().size() > 1) {
            comments.add("The cloud holds " + system.pbxMainBundlePrefix().size()
                    + " outbound prefixes; a Pbx declares one: " + "dialing.outboundPrefix is left out (not managed).");
        }
        String name = pbxNames.get(system.id());
        if (spec.getType() == PbxType.OmniPCXEnterprise) {
            comments.addAll(endpointPlaceholder(name));
        }
        Pbx pbx = new Pbx();
        pbx.setMetadata(metadata(name, system.id()));
        pbx.setSpec(spec);
        objects.add(new ExportedObject(folderOfSystem(system) + "/pbxs.yaml", pbx, comments));
    }

    private void activation(CloudSystem system, PbxSpec spec, List<String> comments) {
        Matcher fleet = system.pbxId() == null ? null : FLEET_EQUIPMENT_ID.matcher(system.pbxId());
        if (fleet == null || !fleet.matches() || spec.getType() == PbxType.OmniPCXEnterprise) {
            return;
        }
        if (options.fleetReferences()) {
            PbxActivation activation = new PbxActivation();
            activation.setMode(ActivationMode.Fleet);
            activation.setFleetReference(fleet.group(1));
            activation.setInstallationReference(fleet.group(2));
            spec.setActivation(activation);
        } else {
            comments.add("A fleet (stock mode) PBX: its equipment ID is also its activation code, so its fleet and "
                    + "installation references are left out (export --include-fleet-references writes them). The "
                    + "operator adopts it by its external-id; to declare it again from nothing, set activation.mode: Fleet "
                    + "with both references.");
        }
    }

    private static List<String> endpointPlaceholder(String pbxName) {
        return List.of(
                "The O2G management endpoint and the network prerequisites are settings of the PBX, not of the cloud:",
                "export cannot know them. For the operator to enter the activation data on this PBX, add to spec:",
                "  endpoint: {url: https://o2g.example.invalid, nodeId: \"1\", credentialsSecretRef: {name: " + pbxName
                        + "-o2g}}",
                "  network: {dns: {primary: 192.0.2.53}}",
                "and create that Secret outside git:",
                "  apiVersion: v1",
                "  kind: Secret",
                "  metadata: {name: " + pbxName + "-o2g}",
                "  stringData: {username: REPLACE-ME, password: REPLACE-ME}");
    }

    private void linksBeyondTheSite(CloudSystem system, String owner) {
        CloudSite site = siteOfCompany.get(owner);
        long others = system.siteId().stream()
                .filter(id -> site == null || !id.equals(site.id()))
                .count();
        if (others > 0) {
            notes.add("system \"" + system.name() + "\" (" + system.id() + ") is also linked to " + others
                    + " other site(s): " + "a Pbx links to its company's site only; the other links are not managed");
        }
    }

    private void gateways() {
        if (!snapshot.gatewaysServed()) {
            notes.add("WebRTC gateways are not exported: this cloud does not serve their administration");
            return;
        }
        Map<String, String> wanted = new LinkedHashMap<>();
        Map<String, CloudMediaPillar> byId = new LinkedHashMap<>();
        for (CloudSystem system : systems) {
            for (CloudMediaPillar gateway : snapshot.gatewaysOf(system.id())) {
                byId.put(gateway.id(), gateway);
                // The gateway's cloud name is the object's name: keep it when it is a valid one.
                wanted.put(
                        gateway.id(),
                        ExportNames.isObjectName(gateway.name()) ? gateway.name() : pbxNames.get(system.id()) + "-gw");
            }
        }
        Map<String, String> names = ExportNames.unique(wanted);
        for (CloudMediaPillar cloud : byId.values()) {
            WebRtcGateway gateway = new WebRtcGateway();
            String name = names.get(cloud.id());
            gateway.setMetadata(metadata(name, cloud.id()));
            gateway.setSpec(GatewayExport.spec(cloud));
            gateway.getSpec().setPbxRef(new LocalObjectReference(pbxNames.get(cloud.systemId())));
            List<String> comments = name.equals(cloud.name())
                    ? List.of()
                    : List.of("Its cloud name \"" + cloud.name()
                            + "\" cannot be this object's name: the operator renames " + "the gateway to \"" + name
                            + "\" (a gateway's name is its object's name).");
            CloudSystem system = snapshot.system(cloud.systemId()).orElseThrow();
            objects.add(new ExportedObject(folderOfSystem(system) + "/gateways.yaml", gateway, comments));
        }
    }

    private void shares() {
        Map<String, String> wanted = new LinkedHashMap<>();
        Map<String, String[]> pairs = new LinkedHashMap<>();
        for (CloudSystem system : systems) {
            if (ownerOfSystem.containsKey(system.id()) || system.siteId() == null) {
                continue;
            }
            for (String siteId : system.siteId()) {
                Optional<String> company = Optional.ofNullable(sitesById.get(siteId))
                        .map(CloudSite::companyId)
                        .filter(companies::containsKey);
                if (company.isEmpty() || pairs.containsKey(system.id() + "/" + company.get())) {
                    continue;
                }
                if (!siteId.equals(Optional.ofNullable(siteOfCompany.get(company.get()))
                        .map(CloudSite::id)
                        .orElse(null))) {
                    notes.add("shared system \"" + system.name() + "\" is linked to site " + siteId
                            + ", which is not the " + "site of company \""
                            + companies.get(company.get()).name() + "\" that its PbxShare links to");
                }
                String key = system.id() + "/" + company.get();
                pairs.put(key, new String[] {system.id(), company.get()});
                wanted.put(key, ExportNames.slug(pbxNames.get(system.id()) + "-" + companyNames.get(company.get())));
            }
        }
        Map<String, String> names = ExportNames.unique(wanted);
        pairs.forEach((key, pair) -> {
            PbxShare share = new PbxShare();
            share.setMetadata(new ObjectMetaBuilder().withName(names.get(key)).build());
            PbxShareSpec spec = new PbxShareSpec();
            spec.setPbxRef(new LocalObjectReference(pbxNames.get(pair[0])));
            spec.setCompanyRef(new LocalObjectReference(companyNames.get(pair[1])));
            share.setSpec(spec);
            objects.add(new ExportedObject(folder(pair[1]) + "/shares.yaml", share, List.of()));
        });
    }

    /** One NumberingPlan per distinct list of rules, named after its one owner, or after its rules when shared. */
    private final class NumberingPlans {

        Map<String, String> export() {
            Map<List<NumberingRule>, List<CloudSystem>> byRules = new LinkedHashMap<>();
            systems.stream()
                    .filter(s -> s.pbxNumberingTranslator() != null
                            && !s.pbxNumberingTranslator().isEmpty())
                    .forEach(s -> byRules.computeIfAbsent(s.pbxNumberingTranslator(), r -> new ArrayList<>())
                            .add(s));
            Map<String, String> wanted = new LinkedHashMap<>();
            Map<String, List<NumberingRule>> rulesByKey = new LinkedHashMap<>();
            Map<String, String> folderByKey = new LinkedHashMap<>();
            byRules.forEach((rules, users) -> {
                String key = RulesDigest.of(rules);
                Set<String> folders = new LinkedHashSet<>();
                users.forEach(system -> folders.add(folderOfSystem(system)));
                rulesByKey.put(key, rules);
                boolean oneOwner = folders.size() == 1;
                folderByKey.put(key, oneOwner ? folders.iterator().next() : "");
                wanted.put(key, oneOwner ? ownerName(users.get(0)) + "-numbering" : "numbering-" + key.substring(0, 8));
            });
            Map<String, String> names = ExportNames.unique(wanted);
            Map<String, String> planOfSystem = new LinkedHashMap<>();
            names.forEach((key, name) -> {
                NumberingPlan plan = new NumberingPlan();
                plan.setMetadata(new ObjectMetaBuilder().withName(name).build());
                plan.setSpec(NumberingPlanExport.spec(rulesByKey.get(key)));
                String folder = folderByKey.get(key);
                objects.add(new ExportedObject(
                        (folder.isEmpty() ? "" : folder + "/") + "numbering-plans.yaml",
                        plan,
                        List.of("The worked examples (spec.examples) and extensions are not in the cloud: add examples "
                                + "so that validate checks these rules.")));
                byRules.get(rulesByKey.get(key)).forEach(system -> planOfSystem.put(system.id(), name));
            });
            return planOfSystem;
        }

        private String ownerName(CloudSystem system) {
            String owner = ownerOfSystem.get(system.id());
            return owner == null ? SHARED_FOLDER : companyNames.get(owner);
        }
    }

    private String folder(String companyId) {
        return COMPANIES_FOLDER + "/" + companyNames.get(companyId);
    }

    private String folderOfSystem(CloudSystem system) {
        String owner = ownerOfSystem.get(system.id());
        return owner == null ? SHARED_FOLDER : folder(owner);
    }

    private static ObjectMeta metadata(String name, String cloudId) {
        return new ObjectMetaBuilder()
                .withName(name)
                .addToAnnotations(Annotations.EXTERNAL_ID, cloudId)
                .build();
    }
}
