package io.pbxops.operator.bench;

import io.pbxops.simulator.O2gHostSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * A reseller's fleet of one shape at any size, by its number of companies. Each company has 3 OmniPCX Enterprise
 * behind an O2G host of its own (one node each, credentials in a labelled Secret), an External WebRTC gateway per
 * OmniPCX, and 2 OXO Connect Evolution taken from the fleet (the simulator's autoFleet connects them). One shared
 * OXO Connect Evolution per 10 companies is shared with each of them by a PbxShare. 40 companies: 204 PBXs, 120
 * gateways, 40 shares.
 *
 * <p>With {@code plans}, each company also has a NumberingPlan its own PBXs use; with {@code paused}, every object
 * carries {@code pbxops.io/paused: "true"} (no cloud or PBX work: the memory measurement).
 */
final class ScaledFleet {

    static final int OMNIPCX_PER_COMPANY = 3;
    static final int FLEET_OXO_PER_COMPANY = 2;
    static final int COMPANIES_PER_SHARED_PBX = 10;

    static final String O2G_USERNAME = "o2g-admin";

    private final int companies;
    private final boolean plans;
    private final boolean paused;

    ScaledFleet(int companies, boolean plans, boolean paused) {
        if (companies < 1) {
            throw new IllegalArgumentException("a fleet needs at least one company");
        }
        this.companies = companies;
        this.plans = plans;
        this.paused = paused;
    }

    /** The fleet whose objects come nearest to {@code objects}, with or without plans. */
    static ScaledFleet ofObjects(int objects, boolean plans, boolean paused) {
        // per company: Company, (NumberingPlan,) 5 Pbx, 3 WebRtcGateway, 1 PbxShare, and a tenth of a shared Pbx
        double perCompany = plans ? 11.1 : 10.1;
        return new ScaledFleet(Math.max(1, (int) Math.round(objects / perCompany)), plans, paused);
    }

    int companies() {
        return companies;
    }

    int omniPcxs() {
        return companies * OMNIPCX_PER_COMPANY;
    }

    int fleetOxos() {
        return companies * FLEET_OXO_PER_COMPANY;
    }

    int sharedPbxs() {
        return (companies + COMPANIES_PER_SHARED_PBX - 1) / COMPANIES_PER_SHARED_PBX;
    }

    int pbxs() {
        return omniPcxs() + fleetOxos() + sharedPbxs();
    }

    int gateways() {
        return omniPcxs();
    }

    /** Every company has exactly one shared PBX. */
    int shares() {
        return companies;
    }

    int plans() {
        return plans ? companies : 0;
    }

    /** Objects of the five kinds (the Secrets aside). */
    int objects() {
        return companies + pbxs() + gateways() + shares() + plans();
    }

    int secrets() {
        return companies;
    }

    /** One O2G host per company, its 3 nodes the company's OmniPCX. */
    List<O2gHostSpec> o2gHosts() {
        List<O2gHostSpec> hosts = new ArrayList<>();
        for (int c = 0; c < companies; c++) {
            List<O2gHostSpec.Node> nodes = new ArrayList<>();
            for (int n = 1; n <= OMNIPCX_PER_COMPANY; n++) {
                nodes.add(new O2gHostSpec.Node(String.valueOf(n), "oxe-%d.%s.fleet.example".formatted(n, company(c))));
            }
            hosts.add(new O2gHostSpec(o2gHost(c), O2G_USERNAME, o2gPassword(c), nodes));
        }
        return hosts;
    }

    /** Every object as multi-document YAML: Secrets, plans and companies first, then PBXs, gateways and shares. */
    String yaml() {
        List<String> documents = new ArrayList<>();
        for (int c = 0; c < companies; c++) {
            documents.add("""
                    apiVersion: v1
                    kind: Secret
                    metadata: {name: %s-o2g, labels: {pbxops.io/secret: credentials}}
                    stringData: {username: %s, password: %s}
                    """.formatted(company(c), O2G_USERNAME, o2gPassword(c)));
            if (plans) {
                documents.add("""
                        apiVersion: pbxops.io/v1alpha1
                        kind: NumberingPlan
                        metadata: %s
                        spec:
                          rules:
                          - {match: "^2(1[0-9]{2})$", replace: "+33140%03d$1"}
                          - {match: "^18$", replace: ""}
                        """.formatted(metadata(plan(c)), c % 1000));
            }
            documents.add("""
                    apiVersion: pbxops.io/v1alpha1
                    kind: Company
                    metadata: %s
                    spec: {displayName: Company %04d, country: FRA}
                    """.formatted(metadata(company(c)), c));
        }
        int installation = 0;
        for (int c = 0; c < companies; c++) {
            for (int n = 1; n <= OMNIPCX_PER_COMPANY; n++) {
                String pbx = "%s-oxe-%d".formatted(company(c), n);
                documents.add("""
                        apiVersion: pbxops.io/v1alpha1
                        kind: Pbx
                        metadata: %s
                        spec:
                          companyRef: {name: %s}
                          type: OmniPCXEnterprise
                          dialing: {country: FRA, nationalPrefix: "0", internationalPrefix: "00"}
                        %s  webRtc: {enabled: true, licenseAccepted: true}
                          network: {dns: {primary: 10.0.0.53}}
                          endpoint: {url: "https://%s", nodeId: "%d", credentialsSecretRef: {name: %s-o2g}}
                        """.formatted(metadata(pbx), company(c), planRef(c), o2gHost(c), n, company(c)));
                documents.add("""
                        apiVersion: pbxops.io/v1alpha1
                        kind: WebRtcGateway
                        metadata: %s
                        spec: {pbxRef: {name: %s}, type: External, address: 10.%d.%d.%d, voiceChannels: 30}
                        """.formatted(metadata(pbx + "-gw"), pbx, 100 + c / 250, c % 250, n));
            }
            for (int n = 1; n <= FLEET_OXO_PER_COMPANY; n++) {
                documents.add("""
                        apiVersion: pbxops.io/v1alpha1
                        kind: Pbx
                        metadata: %s
                        spec:
                          companyRef: {name: %s}
                          type: OXOConnectEvolution
                          activation: {mode: Fleet, fleetReference: ALE12, installationReference: "%04d.%04d.00"}
                          dialing: {country: FRA}
                        %s  webRtc: {enabled: true, licenseAccepted: true}
                        """.formatted(
                                metadata("%s-oxo-%d".formatted(company(c), n)),
                                company(c),
                                1000 + installation / 10_000,
                                installation % 10_000,
                                planRef(c)));
                installation++;
            }
        }
        for (int s = 0; s < sharedPbxs(); s++) {
            documents.add("""
                    apiVersion: pbxops.io/v1alpha1
                    kind: Pbx
                    metadata: %s
                    spec:
                      shared: true
                      type: OXOConnectEvolution
                      activation: {mode: Fleet, fleetReference: ALE12, installationReference: "%04d.%04d.00"}
                      dialing: {country: FRA}
                    """.formatted(metadata(sharedPbx(s)), 2000 + s / 10_000, s % 10_000));
        }
        for (int c = 0; c < companies; c++) {
            String shared = sharedPbx(c / COMPANIES_PER_SHARED_PBX);
            documents.add("""
                    apiVersion: pbxops.io/v1alpha1
                    kind: PbxShare
                    metadata: %s
                    spec: {pbxRef: {name: %s}, companyRef: {name: %s}}
                    """.formatted(metadata(shared + "-" + company(c)), shared, company(c)));
        }
        return String.join("---\n", documents);
    }

    private static String company(int c) {
        return "c%04d".formatted(c);
    }

    private static String plan(int c) {
        return company(c) + "-plan";
    }

    private static String sharedPbx(int s) {
        return "shared-%03d".formatted(s);
    }

    private static String o2gHost(int c) {
        return "o2g.%s.fleet.example".formatted(company(c));
    }

    /** A password of the company's own (never printed). */
    private static String o2gPassword(int c) {
        return "o2g-secret-" + company(c);
    }

    /** The line of a PBX's spec that names its company's plan, or nothing. */
    private String planRef(int c) {
        return plans ? "  numberingPlanRef: {name: %s}\n".formatted(plan(c)) : "";
    }

    private String metadata(String name) {
        return paused
                ? "{name: %s, annotations: {pbxops.io/paused: \"true\"}}".formatted(name)
                : "{name: %s}".formatted(name);
    }
}
