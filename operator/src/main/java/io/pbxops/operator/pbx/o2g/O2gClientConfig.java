package io.pbxops.operator.pbx.o2g;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings of an {@link O2gClient}.
 *
 * @param routing maps the endpoint URL to the URL dialled (identity in production)
 * @param applicationName sent when opening a session
 * @param defaultSessionTtl assumed when the session answer gives no {@code timeToLive}
 * @param retry how a call is repeated after a passing failure
 */
public record O2gClientConfig(
        EndpointRouting routing,
        String applicationName,
        Duration connectTimeout,
        Duration requestTimeout,
        Duration defaultSessionTtl,
        O2gRetrySettings retry,
        Clock clock) {

    public O2gClientConfig {
        Objects.requireNonNull(routing, "routing");
        Objects.requireNonNull(applicationName, "applicationName");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(defaultSessionTtl, "defaultSessionTtl");
        Objects.requireNonNull(retry, "retry");
        Objects.requireNonNull(clock, "clock");
    }

    public static O2gClientConfig defaults() {
        return new O2gClientConfig(
                EndpointRouting.identity(),
                "pbx-operator",
                Duration.ofSeconds(5),
                Duration.ofSeconds(30),
                Duration.ofMinutes(30),
                O2gRetrySettings.defaults(),
                Clock.systemUTC());
    }

    public O2gClientConfig withRouting(EndpointRouting value) {
        return new O2gClientConfig(
                value, applicationName, connectTimeout, requestTimeout, defaultSessionTtl, retry, clock);
    }

    public O2gClientConfig withClock(Clock value) {
        return new O2gClientConfig(
                routing, applicationName, connectTimeout, requestTimeout, defaultSessionTtl, retry, value);
    }

    public O2gClientConfig withTimeouts(Duration connect, Duration request) {
        return new O2gClientConfig(routing, applicationName, connect, request, defaultSessionTtl, retry, clock);
    }

    public O2gClientConfig withRetry(O2gRetrySettings value) {
        return new O2gClientConfig(
                routing, applicationName, connectTimeout, requestTimeout, defaultSessionTtl, value, clock);
    }
}
