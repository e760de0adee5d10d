package io.pbxops.simulator.cloud;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.pbxops.simulator.support.BasicAuth;
import io.pbxops.simulator.support.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

/**
 * {@code /api/rainbow/authentication/v1.0}: login (Basic + {@code x-rainbow-app-auth}), renew and logout, with the
 * account lockout (5 failed logins lock it for 60 minutes).
 */
final class AuthApi {

    static final String BASE = "/api/rainbow/authentication/v1.0";
    static final int MAX_FAILURES = 5;
    static final Duration LOCKOUT = Duration.ofMinutes(60);

    /** The one cloud account: a bp_admin of the BP company. */
    record Account(String loginEmail, String password, String appId, String appSecret) {
        @Override
        public String toString() {
            return "Account[" + loginEmail + "]";
        }
    }

    private final Account account;
    private final CloudState state;
    private final Tokens tokens;
    private final Clock clock;
    private int failures;
    private Instant lockedUntil = Instant.MIN;

    AuthApi(Account account, CloudState state, Tokens tokens, Clock clock) {
        this.account = account;
        this.state = state;
        this.tokens = tokens;
        this.clock = clock;
    }

    void routes(Javalin app) {
        app.get(BASE + "/login", this::login);
        app.get(BASE + "/renew", this::renew);
        app.get(BASE + "/logout", this::logout);
    }

    /** Verifies the bearer token of an admin request: 401523 when missing, invalid or expired. */
    Tokens.Claims authenticate(Context ctx) {
        String header = ctx.header("Authorization");
        String token = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                ? header.substring(7).trim()
                : null;
        return tokens.verify(token);
    }

    synchronized void clearLockout() {
        failures = 0;
        lockedUntil = Instant.MIN;
    }

    private void login(Context ctx) {
        checkPassword(BasicAuth.decode(ctx.header("Authorization")));
        BasicAuth.Credentials app = BasicAuth.decode(ctx.header("x-rainbow-app-auth"));
        if (app == null
                || !account.appId().equals(app.user())
                || !sha256Hex(account.appSecret() + account.password()).equalsIgnoreCase(app.secret())) {
            throw new CloudException(401, 401500, "Invalid application credentials");
        }
        ctx.json(session(tokens.issue(state.userId, account.loginEmail(), account.appId(), 0)));
    }

    private synchronized void checkPassword(BasicAuth.Credentials credentials) {
        Instant now = Instant.now(clock);
        if (now.isBefore(lockedUntil)) {
            throw new CloudException(401, 401501, "User account is locked, try again later");
        }
        boolean known = credentials != null && account.loginEmail().equalsIgnoreCase(credentials.user());
        if (!known || !account.password().equals(credentials.secret())) {
            if (known && ++failures >= MAX_FAILURES) {
                failures = 0;
                lockedUntil = now.plus(LOCKOUT);
            }
            throw new CloudException(401, 401500, "Invalid credentials");
        }
        failures = 0;
    }

    private void renew(Context ctx) {
        Tokens.Claims claims = authenticate(ctx);
        if (claims.countRenewed() >= Tokens.MAX_TOKEN_RENEW) {
            throw new CloudException(
                    401, 401523, "The token was renewed " + Tokens.MAX_TOKEN_RENEW + " times: log in again");
        }
        ctx.json(session(
                tokens.issue(claims.userId(), claims.loginEmail(), account.appId(), claims.countRenewed() + 1)));
    }

    private void logout(Context ctx) {
        Tokens.Claims claims = authenticate(ctx);
        tokens.revoke(claims);
        ctx.json(Answers.status("User " + claims.loginEmail() + " successfully logged out"));
    }

    private ObjectNode session(String token) {
        ObjectNode body = Json.MAPPER.createObjectNode().put("token", token);
        ObjectNode user = body.putObject("loggedInUser")
                .put("id", state.userId)
                .put("loginEmail", account.loginEmail())
                .put("companyId", state.bpCompanyId)
                .put("adminType", "bp_admin")
                .put("isInitialized", true);
        user.putArray("roles").add("user").add("admin").add("bp_admin");
        body.putObject("loggedInApplication")
                .put("id", account.appId())
                .put("name", account.appId())
                .put("type", "admin")
                .put("env", "deployed")
                .put("state", "active");
        return body;
    }

    static String sha256Hex(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
