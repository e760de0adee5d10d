package io.pbxops.simulator.faults;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.Set;
import org.eclipse.jetty.server.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires request counting and fault injection into one Javalin server. Faults apply only to routes under
 * {@code faultedPrefix}; the control API is neither faulted nor counted. Most faults strike before the endpoint runs;
 * the after-write ones let a write (POST, PUT, PATCH, DELETE) be done, then lose its answer.
 */
public final class HttpFaults {

    /** Writes an error body in the faulted API's own format. */
    @FunctionalInterface
    public interface ErrorWriter {
        void write(Context ctx, int status, String message);
    }

    private static final Logger LOG = LoggerFactory.getLogger(HttpFaults.class);
    private static final String ROUTE = "pbxops.route";
    private static final String AFTER_WRITE = "pbxops.after-write";
    private static final String DROPPED = "pbxops.dropped";
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final String CONTROL_PREFIX = "/sim/";
    private static final String UNMATCHED = "(unmatched)";

    private HttpFaults() {}

    public static void install(
            Javalin app, String faultedPrefix, FaultInjector injector, RequestCounter counter, ErrorWriter errors) {
        app.exception(InjectedFault.class, (fault, ctx) -> errors.write(ctx, fault.status, fault.getMessage()));
        app.beforeMatched(ctx -> {
            ctx.attribute(ROUTE, ctx.endpointHandlerPath());
            if (ctx.path().startsWith(faultedPrefix)) {
                FaultInjector.Decision decision =
                        injector.decide(WRITES.contains(ctx.method().name()));
                apply(ctx, decision, injector, counter);
            }
        });
        // Registered before the counting handler, so that the answer counted is the one the client gets (or not).
        app.after(ctx -> {
            FaultInjector.Decision decision = ctx.attribute(AFTER_WRITE);
            if (decision != null && ctx.statusCode() < 300) {
                injector.injected(decision.outcome());
                if (decision.outcome() == FaultInjector.Outcome.DROP_AFTER_WRITE) {
                    drop(ctx, counter);
                } else {
                    errors.write(ctx, decision.status(), "Simulated failure after the write");
                }
            }
        });
        app.after(ctx -> {
            if (ctx.path().startsWith(CONTROL_PREFIX) || ctx.attribute(DROPPED) != null) {
                return;
            }
            String route = route(ctx);
            int status = ctx.statusCode();
            counter.count(ctx.method().name(), route, status);
            LOG.debug("{} {} -> {}", ctx.method(), route, status);
        });
    }

    /**
     * The route template that served the request, or {@code (unmatched)}. Logs name the template, never the path:
     * a fleet OXO's equipment ID, which can sit in a path, is also its activation code.
     */
    public static String route(Context ctx) {
        String route = ctx.attribute(ROUTE);
        return route == null ? UNMATCHED : route;
    }

    private static void apply(
            Context ctx, FaultInjector.Decision decision, FaultInjector injector, RequestCounter counter)
            throws InterruptedException {
        if (decision.latencyMs() > 0) {
            Thread.sleep(decision.latencyMs());
        }
        if (decision.outcome().afterWrite()) {
            // Struck once the endpoint has answered, and only if it did the write (a refused write is answered).
            ctx.attribute(AFTER_WRITE, decision);
            return;
        }
        injector.injected(decision.outcome());
        switch (decision.outcome()) {
            case PASS -> {}
            case DROP -> drop(ctx, counter);
            case TOO_MANY_REQUESTS -> {
                ctx.header("Retry-After", Integer.toString(decision.retryAfterSeconds()));
                throw new InjectedFault(
                        429, "Too many requests (simulated), retry after " + decision.retryAfterSeconds() + " s");
            }
            case FAIL -> throw new InjectedFault(decision.status(), "Simulated failure");
            default -> throw new IllegalStateException("not a fault before the request: " + decision.outcome());
        }
    }

    /** Thrown out of the before handler so that the endpoint is skipped and the after handlers still count it. */
    private static final class InjectedFault extends RuntimeException {
        private final int status;

        InjectedFault(int status, String message) {
            super(message, null, false, false);
            this.status = status;
        }
    }

    /**
     * Closes the connection without an answer: Jetty's channel abort shuts the endpoint down, the client reads EOF.
     * The drop is counted here, as status 0, and the counting after handler leaves the exchange alone.
     */
    private static void drop(Context ctx, RequestCounter counter) {
        ctx.attribute(DROPPED, Boolean.TRUE);
        counter.count(ctx.method().name(), route(ctx), 0);
        LOG.debug("{} {} -> connection dropped", ctx.method(), route(ctx));
        Request.getBaseRequest(ctx.req())
                .getHttpChannel()
                .abort(new IOException("connection dropped by fault injection"));
        ctx.skipRemainingHandlers();
    }
}
