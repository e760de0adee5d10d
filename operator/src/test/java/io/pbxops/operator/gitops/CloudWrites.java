package io.pbxops.operator.gitops;

import io.pbxops.simulator.RequestCount;
import io.pbxops.simulator.Simulator;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The writes the simulated cloud and O2G received, from the simulator's own request counts. */
public final class CloudWrites {

    static final String ADMIN = "/api/rainbow/admin/";
    static final String O2G_SESSIONS = "/api/rest/1.0/sessions";
    private static final Set<String> WRITES = Set.of("POST", "PUT", "DELETE", "PATCH");

    private CloudWrites() {}

    /** POST, PUT and DELETE requests of the cloud's admin API, by method and route ({@code POST /api/.../systems}). */
    public static Map<String, Long> admin(Simulator simulator) {
        return count(simulator, ADMIN, null);
    }

    /** Writes to the O2G management API, logins (sessions) left out. */
    public static Map<String, Long> o2g(Simulator simulator) {
        return count(simulator, "/api/rest/", O2G_SESSIONS);
    }

    /** Every request of the cloud's admin and authentication APIs. */
    public static long cloudRequests(Simulator simulator) {
        return simulator.control().requestCounts().stream()
                .filter(c -> c.route().startsWith("/api/rainbow/"))
                .mapToLong(RequestCount::count)
                .sum();
    }

    private static Map<String, Long> count(Simulator simulator, String prefix, String except) {
        Map<String, Long> writes = new TreeMap<>();
        for (RequestCount count : simulator.control().requestCounts()) {
            if (WRITES.contains(count.method())
                    && count.route().startsWith(prefix)
                    && (except == null || !count.route().startsWith(except))) {
                writes.merge(count.method() + " " + count.route(), count.count(), Long::sum);
            }
        }
        return writes;
    }
}
