package io.pbxops.operator.testing;

import io.pbxops.simulator.O2gHostSpec;
import io.pbxops.simulator.Simulator;
import java.util.List;

/** Manifests several scenario tests start from: two companies and a shared fleet OXO associated with both. */
public final class FleetManifests {

    public static final String COMPANIES = """
            apiVersion: pbxops.io/v1alpha1
            kind: Company
            metadata: {name: globex}
            spec: {displayName: Globex GmbH, country: DEU}
            ---
            apiVersion: pbxops.io/v1alpha1
            kind: Company
            metadata: {name: initech}
            spec: {displayName: Initech Ltd, country: GBR}
            """;

    /** OXO90, shared at reseller level, from the fleet, with its WebRTC gateway activated. */
    public static final String SHARED_OXO = """
            apiVersion: pbxops.io/v1alpha1
            kind: Pbx
            metadata: {name: oxo90}
            spec:
              shared: true
              serverName: OXO90
              type: OXOConnect
              activation: {mode: Fleet, fleetReference: ALE12, installationReference: "1234.5678.91"}
              dialing: {country: FRA}
              webRtc: {enabled: true, licenseAccepted: true}
            """;

    public static final String SHARE_GLOBEX = """
            apiVersion: pbxops.io/v1alpha1
            kind: PbxShare
            metadata: {name: oxo90-globex}
            spec: {pbxRef: {name: oxo90}, companyRef: {name: globex}}
            """;

    public static final String SHARE_INITECH = """
            apiVersion: pbxops.io/v1alpha1
            kind: PbxShare
            metadata: {name: oxo90-initech}
            spec: {pbxRef: {name: oxo90}, companyRef: {name: initech}}
            """;

    public static final String SHARES = SHARE_GLOBEX + "---\n" + SHARE_INITECH;

    /** The O2G credentials of ACME's OmniPCX, in a Secret, and the company. */
    public static final String ACME = """
            apiVersion: v1
            kind: Secret
            metadata: {name: acme-o2g, labels: {pbxops.io/secret: credentials}}
            stringData: {username: o2g-admin, password: o2g-secret}
            ---
            apiVersion: pbxops.io/v1alpha1
            kind: Company
            metadata: {name: acme}
            spec: {displayName: ACME Industries, country: FRA}
            """;

    /** ACME's OmniPCX, managed through its O2G endpoint ({@link #addAcmeO2gHost}), with WebRTC. */
    public static final String ACME_OXE = """
            apiVersion: pbxops.io/v1alpha1
            kind: Pbx
            metadata: {name: acme-oxe1}
            spec:
              companyRef: {name: acme}
              serverName: ACME-OXE-1
              type: OmniPCXEnterprise
              dialing: {country: FRA, nationalPrefix: "0", internationalPrefix: "00", outboundPrefix: "0", useOutboundPrefix: true}
              webRtc: {enabled: true, licenseAccepted: true}
              network:
                dns: {primary: 10.20.0.53}
              endpoint:
                url: https://o2g.acme.example
                nodeId: "1"
                credentialsSecretRef: {name: acme-o2g}
            """;

    private FleetManifests() {}

    /** The O2G endpoint {@link #ACME_OXE} names, with the credentials of {@link #ACME}'s Secret. */
    public static void addAcmeO2gHost(Simulator simulator) {
        simulator
                .control()
                .putO2gHost(new O2gHostSpec(
                        "o2g.acme.example",
                        "o2g-admin",
                        "o2g-secret",
                        List.of(new O2gHostSpec.Node("1", "oxe1.acme.example"))));
    }
}
