package io.pbxops.operator.pbx;

import java.util.Objects;

/**
 * What the PBX should hold to connect to the cloud.
 *
 * @param equipmentId    the PBX ID the cloud knows the system by
 * @param activationCode the code to enter; write-only on the PBX (it reads back masked)
 * @param enterCode      whether to (re)enter the code: the PBX cannot tell whether the one it holds is the current one,
 *                       so the caller decides from the cloud's side (Pending, refused, or reset)
 * @param network        the Rainbow agent's route to the internet, or null when not managed
 * @param unread         write every setting without reading the PBX first (its system was just declared: nothing it
 *                       holds is kept); the answer then tells what was written, not what the agent says
 */
public record EndpointSettings(
        String equipmentId, String activationCode, boolean enterCode, Network network, boolean unread) {

    public EndpointSettings(String equipmentId, String activationCode, boolean enterCode, Network network) {
        this(equipmentId, activationCode, enterCode, network, false);
    }

    /** DNS servers (direct access) or an HTTP proxy, exactly one. */
    public record Network(
            String dnsPrimary,
            String dnsSecondary,
            String proxyHost,
            Integer proxyPort,
            String proxyLogin,
            String proxyPassword) {

        public static Network dns(String primary, String secondary) {
            return new Network(primary, secondary, null, null, null, null);
        }

        public static Network proxy(String host, int port, String login, String password) {
            return new Network(null, null, host, port, login, password);
        }

        /**
         * Whether a PBX holding {@code held} needs no change for this network: the same DNS servers or proxy (the
         * proxy password reads back masked, so it is not compared).
         */
        public boolean sameAs(Network held) {
            return held != null
                    && Objects.equals(orEmpty(dnsPrimary), orEmpty(held.dnsPrimary))
                    && Objects.equals(orEmpty(dnsSecondary), orEmpty(held.dnsSecondary))
                    && Objects.equals(orEmpty(proxyHost), orEmpty(held.proxyHost))
                    && Objects.equals(proxyPort, held.proxyPort)
                    && Objects.equals(orEmpty(proxyLogin), orEmpty(held.proxyLogin));
        }

        private static String orEmpty(String value) {
            return value == null ? "" : value;
        }

        @Override
        public String toString() {
            return proxyHost == null
                    ? "dns " + dnsPrimary + (dnsSecondary == null ? "" : ", " + dnsSecondary)
                    : "proxy " + proxyHost + ":" + proxyPort + (proxyLogin == null ? "" : " as " + proxyLogin);
        }
    }

    @Override
    public String toString() {
        return "EndpointSettings[equipmentId=" + equipmentId + ", activationCode=****, enterCode=" + enterCode
                + ", network=" + network + "]";
    }
}
