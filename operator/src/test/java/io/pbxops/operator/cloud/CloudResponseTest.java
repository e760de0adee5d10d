package io.pbxops.operator.cloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Retry-After parsing and the retry decision table of {@link CloudTransport}. */
class CloudResponseTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);

    @Test
    void retryAfterInSecondsOrAsAnHttpDate() {
        assertEquals(Optional.of(Duration.ofSeconds(3)), CloudResponse.parseRetryAfter("3", clock));
        assertEquals(
                Optional.of(Duration.ofSeconds(90)),
                CloudResponse.parseRetryAfter("Sun, 22 Nov 2026 10:01:30 GMT", clock));
        assertEquals(Optional.of(Duration.ZERO), CloudResponse.parseRetryAfter("Sun, 22 Nov 2026 09:00:00 GMT", clock));
        assertEquals(Optional.empty(), CloudResponse.parseRetryAfter("soon", clock));
    }

    @Test
    void idempotentCallsRetryOnTooManyServerErrorsAndIoErrors() {
        assertTrue(CloudTransport.isRetryable(true, response(429), null));
        assertTrue(CloudTransport.isRetryable(true, response(503), null));
        assertTrue(CloudTransport.isRetryable(true, null, new IOException("reset")));
        assertFalse(CloudTransport.isRetryable(true, response(501), null));
        assertFalse(CloudTransport.isRetryable(true, response(409), null));
        assertFalse(CloudTransport.isRetryable(true, response(200), null));
    }

    @Test
    void nonIdempotentCallsRetryOnlyWhenNothingHappened() {
        assertTrue(CloudTransport.isRetryable(false, response(429), null));
        assertTrue(CloudTransport.isRetryable(false, null, new ConnectException("refused")));
        assertFalse(CloudTransport.isRetryable(false, response(503), null));
        assertFalse(CloudTransport.isRetryable(false, null, new IOException("connection reset")));
    }

    private static CloudResponse response(int status) {
        return new CloudResponse(status, new byte[0], null, null);
    }
}
