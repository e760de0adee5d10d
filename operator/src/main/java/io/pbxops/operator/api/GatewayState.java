package io.pbxops.operator.api;

public enum GatewayState {
    Online,
    Upgrading,
    Maintenance,
    Offline
}
