package io.pbxops.operator.testing;

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

    private FleetManifests() {}
}
