package io.pbxops.operator.api;

/** The communication servers the cloud manages. */
public enum PbxType {
    OmniPCXEnterprise,
    OXOConnect,
    OXOConnectEvolution;

    /** Fleet (stock mode) activation and the Internal WebRTC gateway exist only on the OXO family. */
    public boolean isOxo() {
        return this != OmniPCXEnterprise;
    }
}
