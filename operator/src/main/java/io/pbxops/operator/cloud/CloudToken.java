package io.pbxops.operator.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * A bearer token and when to renew it. The lifetime comes from the JWT's {@code exp - iat} and is counted from
 * when the token was received, so a skewed server clock does not matter. Renew at half the lifetime, at most
 * {@code maxTokenRenew - countRenewed} more times (−1 when the token does not say). {@link #toString()} hides the
 * token.
 */
record CloudToken(
        String value, Instant receivedAt, Duration lifetime, int renewalsLeft, String credentialsFingerprint) {

    /** Reads the claims of a JWT; a token that is not one gets {@code defaultLifetime} and unknown renewals. */
    static CloudToken of(
            String value, Instant receivedAt, Duration defaultLifetime, String fingerprint, ObjectMapper json) {
        Duration lifetime = defaultLifetime;
        int renewalsLeft = -1;
        String[] parts = value.split("\\.");
        if (parts.length >= 2) {
            try {
                JsonNode claims = json.readTree(Base64.getUrlDecoder().decode(parts[1]));
                if (claims.hasNonNull("iat") && claims.hasNonNull("exp")) {
                    long seconds =
                            claims.get("exp").asLong() - claims.get("iat").asLong();
                    if (seconds > 0) {
                        lifetime = Duration.ofSeconds(seconds);
                    }
                }
                if (claims.hasNonNull("maxTokenRenew")) {
                    renewalsLeft = Math.max(
                            0,
                            claims.get("maxTokenRenew").asInt()
                                    - claims.path("countRenewed").asInt(0));
                }
            } catch (IllegalArgumentException | IOException e) {
                // not a JWT we can read: keep the defaults
            }
        }
        return new CloudToken(value, receivedAt, lifetime, renewalsLeft, fingerprint);
    }

    Instant renewAt() {
        return receivedAt.plus(lifetime.dividedBy(2));
    }

    Instant expiresAt() {
        return receivedAt.plus(lifetime);
    }

    boolean mayRenew() {
        return renewalsLeft != 0;
    }

    String bearer() {
        return "Bearer " + value;
    }

    @Override
    public String toString() {
        return "CloudToken[receivedAt=" + receivedAt + ", lifetime=" + lifetime + ", renewalsLeft=" + renewalsLeft
                + ", value=****]";
    }
}
