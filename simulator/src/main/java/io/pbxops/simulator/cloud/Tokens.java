package io.pbxops.simulator.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pbxops.simulator.support.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The cloud's JWT bearer tokens (HS256 with a per-run key): claims {@code countRenewed}, {@code maxTokenRenew},
 * {@code user}, {@code app}, {@code iat}, {@code exp}, plus a serial {@code jti} so that logout and
 * "expire every token now" need no token store.
 */
final class Tokens {

    static final int MAX_TOKEN_RENEW = 5;
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final String HEADER =
            B64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));

    /** What a valid token says. */
    record Claims(String userId, String loginEmail, int countRenewed, long iat, long exp, long jti) {}

    private final SecretKeySpec key;
    private final Clock clock;
    private final Supplier<Duration> lifetime;
    private final AtomicLong serial = new AtomicLong();
    private volatile long expiredUpTo;
    private final Set<Long> revoked = ConcurrentHashMap.newKeySet();

    Tokens(byte[] key, Clock clock, Supplier<Duration> lifetime) {
        this.key = new SecretKeySpec(key, "HmacSHA256");
        this.clock = clock;
        this.lifetime = lifetime;
    }

    String issue(String userId, String loginEmail, String appId, int countRenewed) {
        long iat = Instant.now(clock).getEpochSecond();
        ObjectNode payload =
                Json.MAPPER.createObjectNode().put("countRenewed", countRenewed).put("maxTokenRenew", MAX_TOKEN_RENEW);
        payload.putObject("user").put("id", userId).put("loginEmail", loginEmail);
        payload.putObject("app").put("id", appId).put("name", appId);
        payload.put("iat", iat).put("exp", iat + lifetime.get().toSeconds()).put("jti", serial.incrementAndGet());
        try {
            String unsigned = HEADER + "." + B64.encodeToString(Json.MAPPER.writeValueAsBytes(payload));
            return unsigned + "." + B64.encodeToString(sign(unsigned));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write a token payload", e);
        }
    }

    /** The claims of a valid bearer token, or 401523. */
    Claims verify(String token) {
        if (token == null || token.isBlank()) {
            throw new CloudException(401, 401523, "Missing authorization token");
        }
        JsonNode payload = decode(token);
        Claims claims = new Claims(
                payload.path("user").path("id").asText(),
                payload.path("user").path("loginEmail").asText(),
                payload.path("countRenewed").asInt(),
                payload.path("iat").asLong(),
                payload.path("exp").asLong(),
                payload.path("jti").asLong());
        long now = Instant.now(clock).getEpochSecond();
        if (claims.exp() <= now || claims.jti() <= expiredUpTo || revoked.contains(claims.jti())) {
            ObjectNode details = Json.MAPPER
                    .createObjectNode()
                    .put("errorMsg", "Token expired")
                    .put("timeToLive", claims.exp() - claims.iat())
                    .put("creationDate", Instant.ofEpochSecond(claims.iat()).toString())
                    .put("expirationDate", Instant.ofEpochSecond(claims.exp()).toString())
                    .put("currentDate", Instant.ofEpochSecond(now).toString());
            throw new CloudException(401, 401523, details);
        }
        return claims;
    }

    void revoke(Claims claims) {
        revoked.add(claims.jti());
    }

    /** Every token issued so far expires now; later ones are unaffected. */
    void expireAll() {
        expiredUpTo = serial.get();
    }

    private JsonNode decode(String token) {
        String[] parts = token.split("\\.");
        if (parts.length == 3) {
            try {
                byte[] expected = sign(parts[0] + "." + parts[1]);
                if (MessageDigest.isEqual(expected, Base64.getUrlDecoder().decode(parts[2]))) {
                    return Json.MAPPER.readTree(Base64.getUrlDecoder().decode(parts[1]));
                }
            } catch (IllegalArgumentException | IOException e) {
                // a malformed token is answered below, like a forged one
            }
        }
        throw new CloudException(401, 401523, "Invalid authorization token");
    }

    private byte[] sign(String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
