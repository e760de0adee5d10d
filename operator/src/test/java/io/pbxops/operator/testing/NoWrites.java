package io.pbxops.operator.testing;

import static org.awaitility.Awaitility.await;

import io.pbxops.simulator.RequestCount;
import io.pbxops.simulator.Simulator;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;

/**
 * The one check that nothing was written, from the simulator's own request counts (every route it serves, both
 * servers): any request that is not a GET (the cloud's admin writes, O2G attribute writes, O2G sessions opened,
 * kept alive or closed, on a route that exists or not), and the sign-ins that are GETs (the cloud's login, renew and
 * logout, O2G's authenticate). Taken from a baseline, then watched for a window with a deadline: the check fails at
 * the first such request, and passes once the window has passed without one.
 */
public final class NoWrites {

    /** Cloud sign-ins ({@code /login}, {@code /renew}, {@code /logout}) and the O2G login. */
    private static final List<String> SIGN_IN_PREFIXES =
            List.of("/api/rainbow/authentication/", "/api/rest/authenticate");

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");
    private static final Duration POLL = Duration.ofMillis(50);

    private final Supplier<List<RequestCount>> counts;
    private final Duration window;
    private final Predicate<String> scope;
    private final Map<String, Long> baseline;

    private NoWrites(
            Supplier<List<RequestCount>> counts, Duration window, Predicate<String> scope, Map<String, Long> baseline) {
        this.counts = counts;
        this.window = window;
        this.scope = scope;
        this.baseline = baseline;
    }

    /**
     * Starts watching now. {@code window}: how long nothing may come after the action, at least the longest backoff
     * or recheck of an operator running meanwhile (a retry comes at the latest then); zero for a command that has
     * returned with nothing left running.
     */
    public static NoWrites from(Simulator simulator, Duration window) {
        return from(() -> simulator.control().requestCounts(), window);
    }

    /** As {@link #from(Simulator, Duration)}, from counts read some other way (a simulator in {@code up}). */
    public static NoWrites from(Supplier<List<RequestCount>> counts, Duration window) {
        return new NoWrites(counts, window, route -> true, writes(counts.get(), route -> true));
    }

    /**
     * The same check narrowed to some of the routes, named {@code METHOD /route/template} (e.g. every
     * {@code POST /api/rainbow/admin/...}: nothing created), with the same baseline.
     */
    public NoWrites matching(Predicate<String> routes) {
        return new NoWrites(counts, window, scope.and(routes), baseline);
    }

    /** Whether a request changes something or signs in: every method but a read, and the sign-ins. */
    public static boolean isWrite(RequestCount count) {
        return !READS.contains(count.method())
                || SIGN_IN_PREFIXES.stream().anyMatch(prefix -> count.route().startsWith(prefix));
    }

    /** The writes and sign-ins since the baseline, by method and route ({@code POST /api/.../systems}). */
    public Map<String, Long> since() {
        Map<String, Long> now = writes(counts.get(), scope);
        Map<String, Long> added = new TreeMap<>();
        now.forEach((route, count) -> {
            long more = count - baseline.getOrDefault(route, 0L);
            if (more != 0) {
                added.put(route, more);
            }
        });
        return added;
    }

    /** Nothing written and no sign-in since the baseline, nor during the window. */
    public void assertNone(String what) {
        assertOnly(what, Map.of());
    }

    /**
     * Exactly {@code expected} since the baseline (say, the one login a read-only command needs), and nothing more
     * during the window.
     */
    public void assertOnly(String what, Map<String, Long> expected) {
        Map<String, Long> wanted = new TreeMap<>(expected);
        AtomicReference<Map<String, Long>> seen = new AtomicReference<>(Map.of());
        try {
            await().pollDelay(Duration.ZERO)
                    .pollInterval(POLL)
                    .during(window)
                    .atMost(window.plus(Duration.ofSeconds(2)))
                    .failFast(() -> exceeds(seen.get(), wanted))
                    .until(() -> {
                        seen.set(since());
                        return seen.get().equals(wanted);
                    });
        } catch (ConditionTimeoutException | TerminalFailureException e) {
            throw new AssertionError(
                    what + ": expected " + (wanted.isEmpty() ? "no write and no sign-in" : "only " + wanted)
                            + " within " + window + ", the simulator counted " + seen.get(),
                    e);
        }
    }

    private static boolean exceeds(Map<String, Long> seen, Map<String, Long> wanted) {
        return seen.entrySet().stream().anyMatch(e -> e.getValue() > wanted.getOrDefault(e.getKey(), 0L));
    }

    private static Map<String, Long> writes(List<RequestCount> counts, Predicate<String> scope) {
        Map<String, Long> writes = new TreeMap<>();
        for (RequestCount count : counts) {
            String route = count.method() + " " + count.route();
            if (isWrite(count) && scope.test(route)) {
                writes.merge(route, count.count(), Long::sum);
            }
        }
        return writes;
    }
}
