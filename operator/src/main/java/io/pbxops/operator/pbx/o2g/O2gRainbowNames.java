package io.pbxops.operator.pbx.o2g;

/**
 * The names of the OXE management objects and attributes that hold the Rainbow settings. They are not public: the
 * defaults are the placeholders of EXTENSIONS.md §2, kept in configuration and checked against the node's model by
 * {@link O2gRainbowDiscovery}.
 *
 * @param networkObjectName stands in for {@code netadmin} menus 14/15/20, which are SSH-only on a real OXE
 */
public record O2gRainbowNames(
        String objectName,
        String instanceId,
        String agentEnable,
        String domain,
        String pbxId,
        String activationCode,
        String connectionStatus,
        String networkObjectName,
        String networkInstanceId,
        String dnsPrimary,
        String dnsSecondary,
        String proxyHost,
        String proxyPort,
        String proxyLogin,
        String proxyPassword) {

    /** Enumerated values of the agent switch. */
    public static final String YES = "Yes";

    public static final String NO = "No";

    /** Values of the read-only connection status. */
    public static final String STATUS_DISABLED = "Disabled";

    public static final String STATUS_WAITING_NETWORK = "Waiting_Network";
    public static final String STATUS_CONNECTING = "Connecting";
    public static final String STATUS_CONNECTED = "Connected";
    public static final String STATUS_ACTIVATION_REFUSED = "Activation_Refused";
    public static final String STATUS_DEGRADED = "Degraded";

    /** What a write-only attribute reads as once set. */
    public static final String MASKED_VALUE = "********";

    public static O2gRainbowNames defaults() {
        return new O2gRainbowNames(
                "Rainbow",
                "1",
                "Rainbow_Agent_Enable",
                "Rainbow_Domain",
                "Rainbow_PBXID",
                "Rainbow_Activation_Code",
                "Rainbow_Connection_Status",
                "Rainbow_Network",
                "1",
                "DNS_Primary",
                "DNS_Secondary",
                "Proxy_Host",
                "Proxy_Port",
                "Proxy_Login",
                "Proxy_Password");
    }

    public O2gRainbowNames withObjectName(String value) {
        return new O2gRainbowNames(
                value,
                instanceId,
                agentEnable,
                domain,
                pbxId,
                activationCode,
                connectionStatus,
                networkObjectName,
                networkInstanceId,
                dnsPrimary,
                dnsSecondary,
                proxyHost,
                proxyPort,
                proxyLogin,
                proxyPassword);
    }

    public O2gRainbowNames withNetworkObjectName(String value) {
        return new O2gRainbowNames(
                objectName,
                instanceId,
                agentEnable,
                domain,
                pbxId,
                activationCode,
                connectionStatus,
                value,
                networkInstanceId,
                dnsPrimary,
                dnsSecondary,
                proxyHost,
                proxyPort,
                proxyLogin,
                proxyPassword);
    }

    public O2gRainbowNames withAgentAttributes(
            String agentEnable, String domain, String pbxId, String activationCode, String connectionStatus) {
        return new O2gRainbowNames(
                objectName,
                instanceId,
                agentEnable,
                domain,
                pbxId,
                activationCode,
                connectionStatus,
                networkObjectName,
                networkInstanceId,
                dnsPrimary,
                dnsSecondary,
                proxyHost,
                proxyPort,
                proxyLogin,
                proxyPassword);
    }
}
