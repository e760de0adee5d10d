package io.pbxops.operator.cloud;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.failsafe.ExecutionContext;
import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.RetryPolicy;
import dev.failsafe.RetryPolicyBuilder;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one {@link CloudCall}: every attempt takes a {@link CloudBudget} permit and is counted; transient failures
 * are retried by a Failsafe {@link RetryPolicy} (exponential backoff, jitter, {@code Retry-After}, bounded time).
 *
 * <p>What is retried:
 * <ul>
 *   <li>idempotent calls (GET, PUT, DELETE, link): 429, 500, 502, 503, 504 and I/O errors: repeating them cannot
 *       do anything twice;</li>
 *   <li>non-idempotent calls (POST create, reset-password): only 429 (the cloud refused before doing anything) and a
 *       refused or timed-out connection (nothing was sent). After a 5xx or a connection lost mid-way the cloud may
 *       have created the object (or generated a new activation code), so repeating could make a second one: the
 *       caller gets a {@link CloudUnavailableException} with {@code outcomeUnknown} and must look before trying
 *       again.</li>
 * </ul>
 * Knows nothing of tokens: the caller passes the headers.
 */
final class CloudTransport {

    private static final Logger LOG = LoggerFactory.getLogger(CloudTransport.class);
    private static final Set<Integer> RETRYABLE_STATUSES = Set.of(500, 502, 503, 504);
    private static final String USER_AGENT = "pbx-operator";
    private static final Duration USE_BACKOFF = Duration.ofNanos(-1);

    private final HttpClient http;
    private final URI baseUrl;
    private final ObjectMapper json;
    private final RainbowClientConfig config;
    private final RetryPolicy<CloudResponse> idempotentRetries;
    private final RetryPolicy<CloudResponse> nonIdempotentRetries;

    CloudTransport(RainbowClientConfig config, ObjectMapper json) {
        this.config = config;
        this.json = json;
        this.baseUrl = withoutTrailingSlash(config.baseUrl());
        this.http = HttpClient.newBuilder()
                // plain-HTTP h2c upgrade attempts confuse some servers; HTTP/1.1 is what the cloud documents
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.idempotentRetries = retryPolicy(true);
        this.nonIdempotentRetries = retryPolicy(false);
    }

    ObjectMapper json() {
        return json;
    }

    /**
     * Sends the call with retries. Returns the final answer, whatever its status, except when retries ran out on a
     * transient failure: then {@link CloudUnavailableException}.
     */
    CloudResponse send(CloudCall call, Map<String, String> headers) {
        HttpRequest request = buildRequest(call, headers);
        RetryPolicy<CloudResponse> policy = call.idempotent() ? idempotentRetries : nonIdempotentRetries;
        CloudResponse response;
        try {
            response = Failsafe.with(policy).get(context -> attempt(call, request, context));
        } catch (FailsafeException e) {
            throw unreachable(call, e.getCause() == null ? e : e.getCause());
        }
        if (isTransient(response.status())) {
            throw CloudErrors.toException(call, response);
        }
        return response;
    }

    private CloudResponse attempt(CloudCall call, HttpRequest request, ExecutionContext<CloudResponse> context)
            throws IOException, InterruptedException {
        String endpoint = call.endpoint();
        if (context.isRetry()) {
            config.metrics().retried(endpoint);
        }
        try (CloudBudget.Permit permit = config.budget().acquire(endpoint, config.metrics())) {
            long started = System.nanoTime();
            // the template, not the path: a fleet equipment ID in a path is also an activation code
            LOG.debug("-> {} ({})", endpoint, call.action());
            HttpResponse<byte[]> raw;
            try {
                raw = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException e) {
                config.metrics().ioError(endpoint);
                LOG.debug("x- {}: {}", endpoint, e.getClass().getSimpleName());
                throw e;
            }
            CloudResponse response = CloudResponse.of(raw, json, config.clock());
            config.metrics().response(endpoint, response.status(), response.errorCode());
            LOG.debug("<- {} {} in {} ms", response.status(), endpoint, (System.nanoTime() - started) / 1_000_000);
            return response;
        }
    }

    private RetryPolicy<CloudResponse> retryPolicy(boolean idempotent) {
        CloudRetrySettings settings = config.retry();
        RetryPolicyBuilder<CloudResponse> builder = RetryPolicy.<CloudResponse>builder()
                .handleIf((CloudResponse response, Throwable failure) -> isRetryable(idempotent, response, failure))
                .withMaxRetries(settings.maxRetries())
                .withMaxDuration(settings.maxDuration())
                .withDelayFn(context -> retryAfter(context.getLastResult(), settings.jitterFactor()));
        if (settings.initialDelay().compareTo(settings.maxDelay()) < 0) {
            builder.withBackoff(settings.initialDelay(), settings.maxDelay());
        } else {
            builder.withDelay(settings.initialDelay());
        }
        if (settings.jitterFactor() > 0) {
            builder.withJitter(settings.jitterFactor());
        }
        return builder.build();
    }

    static boolean isRetryable(boolean idempotent, CloudResponse response, Throwable failure) {
        if (failure != null) {
            return idempotent ? failure instanceof IOException : nothingWasSent(failure);
        }
        if (response == null) {
            return false;
        }
        return response.status() == 429 || (idempotent && RETRYABLE_STATUSES.contains(response.status()));
    }

    /**
     * The server's {@code Retry-After}, or a negative duration to use the backoff (Failsafe 3.3.2 fails on null).
     * Failsafe applies the jitter after this function, so the value is stretched for the shortest jittered wait to
     * still honour the server.
     */
    private static Duration retryAfter(CloudResponse last, double jitterFactor) {
        if (last == null || last.retryAfter() == null) {
            return USE_BACKOFF;
        }
        return Duration.ofNanos((long) (last.retryAfter().toNanos() / (1 - jitterFactor)));
    }

    /** A refused or timed-out connection: the request never left. */
    private static boolean nothingWasSent(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof HttpConnectTimeoutException) {
                return true;
            }
        }
        return false;
    }

    private static boolean isTransient(int status) {
        return status == 429 || RETRYABLE_STATUSES.contains(status);
    }

    private CloudException unreachable(CloudCall call, Throwable cause) {
        if (cause instanceof InterruptedException) {
            Thread.currentThread().interrupt();
            return new CloudUnavailableException(
                    "Interrupted while trying to " + call.action(),
                    call.endpoint(),
                    0,
                    null,
                    !call.idempotent(),
                    cause);
        }
        boolean unknown = !call.idempotent() && !nothingWasSent(cause);
        String message = "Cannot " + call.action() + ": the cloud at " + baseUrl + " is unreachable ("
                + cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage())
                + ")" + (unknown ? "; the request may have been applied, look the object up before trying again" : "");
        return new CloudUnavailableException(call.redact(message), call.endpoint(), 0, null, unknown, cause);
    }

    private HttpRequest buildRequest(CloudCall call, Map<String, String> headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + call.pathAndQuery()))
                .timeout(config.requestTimeout())
                .header("Accept", "application/json")
                .header("x-rainbow-client", USER_AGENT);
        headers.forEach(builder::header);
        if (call.body() != null) {
            builder.header("Content-Type", "application/json")
                    .method(call.method(), HttpRequest.BodyPublishers.ofByteArray(serialize(call)));
        } else {
            builder.method(call.method(), HttpRequest.BodyPublishers.noBody());
        }
        return builder.build();
    }

    private byte[] serialize(CloudCall call) {
        try {
            return json.writeValueAsBytes(call.body());
        } catch (JsonProcessingException e) {
            // the message of a Jackson error may quote the value: keep only the type
            throw new IllegalArgumentException("Cannot serialize the body of " + call.endpoint() + " ("
                    + call.body().getClass().getSimpleName() + ")");
        }
    }

    private static URI withoutTrailingSlash(URI uri) {
        String text = uri.toString();
        return text.endsWith("/") ? URI.create(text.substring(0, text.length() - 1)) : uri;
    }
}
