package io.pbxops.operator.api;

/** Where a PBX's WebRTC gateway runs (the admin UI's "Type of WebRTC gateway"). */
public enum GatewayType {
    /** "Not configured from Rainbow": the gateway of the Rainbow cloud. */
    Cloud,
    /** The gateway embedded in the PBX; OXO Connect Evolution only. */
    Internal,
    /** An external gateway at an IP address with a number of voice channels. */
    External
}
