package io.pbxops.operator.cloud;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything a {@link RainbowClient} needs besides the credentials.
 *
 * @param baseUrl the cloud, e.g. {@code https://openrainbow.com} (paths {@code /api/rainbow/...} are appended)
 * @param budget shared by every client of the same account
 * @param metrics where requests are counted
 * @param connectTimeout TCP connect timeout
 * @param requestTimeout one attempt's timeout, answer included
 * @param defaultTokenLifetime assumed lifetime of a token that is not a readable JWT
 * @param clock for token renewal decisions (tests may move it)
 */
public record RainbowClientConfig(
        URI baseUrl,
        CloudBudget budget,
        CloudRetrySettings retry,
        CloudMetrics metrics,
        Duration connectTimeout,
        Duration requestTimeout,
        Duration defaultTokenLifetime,
        Clock clock) {

    public RainbowClientConfig {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(budget, "budget");
        Objects.requireNonNull(retry, "retry");
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(defaultTokenLifetime, "defaultTokenLifetime");
        Objects.requireNonNull(clock, "clock");
    }

    /** Defaults for one cloud: the default budget and retries, no metrics, 10 s connect, 30 s per attempt. */
    public static RainbowClientConfig defaults(URI baseUrl) {
        return new RainbowClientConfig(
                baseUrl,
                CloudBudget.defaults(),
                CloudRetrySettings.defaults(),
                CloudMetrics.none(),
                Duration.ofSeconds(10),
                Duration.ofSeconds(30),
                Duration.ofHours(1),
                Clock.systemUTC());
    }

    public RainbowClientConfig withBudget(CloudBudget value) {
        return new RainbowClientConfig(
                baseUrl, value, retry, metrics, connectTimeout, requestTimeout, defaultTokenLifetime, clock);
    }

    public RainbowClientConfig withRetry(CloudRetrySettings value) {
        return new RainbowClientConfig(
                baseUrl, budget, value, metrics, connectTimeout, requestTimeout, defaultTokenLifetime, clock);
    }

    public RainbowClientConfig withMetrics(CloudMetrics value) {
        return new RainbowClientConfig(
                baseUrl, budget, retry, value, connectTimeout, requestTimeout, defaultTokenLifetime, clock);
    }

    public RainbowClientConfig withTimeouts(Duration connect, Duration request) {
        return new RainbowClientConfig(baseUrl, budget, retry, metrics, connect, request, defaultTokenLifetime, clock);
    }

    public RainbowClientConfig withClock(Clock value) {
        return new RainbowClientConfig(
                baseUrl, budget, retry, metrics, connectTimeout, requestTimeout, defaultTokenLifetime, value);
    }
}
