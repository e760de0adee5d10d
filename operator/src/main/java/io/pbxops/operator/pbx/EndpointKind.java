package io.pbxops.operator.pbx;

/** The management interfaces a PBX endpoint may speak; with the PBX type, it chooses the driver. */
public enum EndpointKind {
    /** ALE's OmniPCX Open Gateway REST management service. */
    O2G("O2G");

    private final String label;

    EndpointKind(String label) {
        this.label = label;
    }

    /** How people call it ("through O2G https://…"). */
    public String label() {
        return label;
    }
}
