package io.pbxops.operator.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The token of one account: logs in when there is none, renews at half its lifetime (while renewals are left),
 * logs in again after that, and drops it when the cloud rejects it or the credentials change. One login at a time;
 * callers wait for it. Logins go through the same transport, so they use the budget and are counted.
 */
final class CloudSession {

    private static final Logger LOG = LoggerFactory.getLogger(CloudSession.class);

    static final String LOGIN_PATH = "/login";
    static final String RENEW_PATH = "/renew";
    static final String LOGOUT_PATH = "/logout";

    private final CloudTransport transport;
    private final CloudCredentialsSource credentialsSource;
    private final RainbowClientConfig config;
    private final LoginGuard guard = new LoginGuard();
    private CloudToken current;

    CloudSession(CloudTransport transport, CloudCredentialsSource credentialsSource, RainbowClientConfig config) {
        this.transport = transport;
        this.credentialsSource = credentialsSource;
        this.config = config;
    }

    /** A token valid now: the current one, a renewed one, or a new login. */
    synchronized CloudToken token() {
        CloudCredentials credentials = credentialsSource.current();
        String fingerprint = credentials.fingerprint();
        if (current != null && !current.credentialsFingerprint().equals(fingerprint)) {
            LOG.info("Cloud credentials changed: logging in again");
            current = null;
        }
        if (!guard.allows(fingerprint)) {
            throw suspended(credentials.login());
        }
        Instant now = config.clock().instant();
        if (current != null && now.isBefore(current.renewAt())) {
            return current;
        }
        if (current != null && now.isBefore(current.expiresAt()) && current.mayRenew()) {
            CloudToken renewed = renew(current, now);
            if (renewed != null) {
                current = renewed;
                return current;
            }
        }
        current = login(credentials, fingerprint);
        return current;
    }

    /** The cloud answered 401 to this token: forget it unless another caller already replaced it. */
    synchronized void rejected(CloudToken token) {
        if (current == token) {
            current = null;
        }
    }

    synchronized void logout() {
        if (current == null) {
            return;
        }
        CloudToken token = current;
        current = null;
        CloudResponse response = transport.send(
                CloudCall.of(CloudCall.Api.AUTH, "GET", LOGOUT_PATH, "log out of the Rainbow cloud"),
                Map.of("Authorization", token.bearer()));
        if (!response.isSuccess() && response.status() != 401) {
            LOG.warn("Logout answered {}", response.status());
        }
    }

    synchronized void resetLoginGuard() {
        guard.reset();
    }

    private CloudToken login(CloudCredentials credentials, String fingerprint) {
        CloudCall call = CloudCall.of(
                CloudCall.Api.AUTH, "GET", LOGIN_PATH, "log in to the Rainbow cloud as " + credentials.login());
        CloudResponse response = transport.send(
                call,
                Map.of(
                        "Authorization", basic(credentials.login() + ":" + credentials.password()),
                        "x-rainbow-app-auth",
                                basic(credentials.appId() + ":"
                                        + sha256Hex(credentials.appSecret() + credentials.password()))));
        if (response.status() == 401) {
            int refusals = guard.refused(fingerprint, response.errorCode());
            LOG.warn(
                    "The Rainbow cloud refused the login of {} ({}), {} of {} attempts",
                    credentials.login(),
                    response.errorCode(),
                    refusals,
                    LoginGuard.MAX_REFUSED_LOGINS);
            if (refusals >= LoginGuard.MAX_REFUSED_LOGINS) {
                throw suspended(credentials.login());
            }
            throw new CloudCredentialsRefusedException(
                    "The Rainbow cloud refused the login of " + credentials.login()
                            + " (" + reason(response.errorCode()) + "); attempt " + refusals + " of "
                            + LoginGuard.MAX_REFUSED_LOGINS + " before the operator stops trying. " + whatToDo(),
                    call.endpoint(),
                    401,
                    response.errorCode(),
                    false);
        }
        if (!response.isSuccess()) {
            throw CloudErrors.toException(call, response);
        }
        guard.reset();
        CloudToken token = CloudToken.of(
                tokenOf(call, response),
                config.clock().instant(),
                config.defaultTokenLifetime(),
                fingerprint,
                transport.json());
        LOG.info("Logged in to the Rainbow cloud as {} (token lifetime {})", credentials.login(), token.lifetime());
        return token;
    }

    /** A renewed token, or null when the cloud refuses to renew (the caller then logs in). */
    private CloudToken renew(CloudToken token, Instant now) {
        CloudCall call = CloudCall.of(CloudCall.Api.AUTH, "GET", RENEW_PATH, "renew the cloud token");
        try {
            CloudResponse response = transport.send(call, Map.of("Authorization", token.bearer()));
            if (response.status() == 401) {
                return null;
            }
            if (!response.isSuccess()) {
                throw CloudErrors.toException(call, response);
            }
            CloudToken renewed = CloudToken.of(
                    tokenOf(call, response),
                    config.clock().instant(),
                    config.defaultTokenLifetime(),
                    token.credentialsFingerprint(),
                    transport.json());
            LOG.debug("Renewed the cloud token ({} renewals left)", renewed.renewalsLeft());
            return renewed;
        } catch (CloudUnavailableException e) {
            if (now.isBefore(token.expiresAt())) {
                LOG.warn("Cannot renew the cloud token yet, keeping the current one: {}", e.getMessage());
                return token;
            }
            throw e;
        }
    }

    private String tokenOf(CloudCall call, CloudResponse response) {
        try {
            JsonNode body = transport.json().readTree(response.body());
            JsonNode token = body.get("token");
            if (token != null && token.isTextual() && !token.asText().isEmpty()) {
                return token.asText();
            }
        } catch (IOException e) {
            // fall through: reported below without quoting the body
        }
        throw new CloudException(
                "Cannot " + call.action() + ": the answer holds no token", call.endpoint(), response.status(), null);
    }

    private CloudCredentialsRefusedException suspended(String login) {
        Integer code = guard.lastErrorCode();
        return new CloudCredentialsRefusedException(
                "Login to the Rainbow cloud is suspended: the credentials of "
                        + login + " were refused " + LoginGuard.MAX_REFUSED_LOGINS + " times in a row (last: "
                        + reason(code)
                        + "). The cloud locks an account after 5 failures, so no further attempt is made until the "
                        + "credentials change. " + whatToDo()
                        + (code != null && code == 401501
                                ? " The account is locked: wait for the lock to end (60 minutes by default) or ask an"
                                        + " administrator to unlock it."
                                : ""),
                CloudCall.of(CloudCall.Api.AUTH, "GET", LOGIN_PATH, "log in").endpoint(),
                401,
                code,
                true);
    }

    private static String whatToDo() {
        return "Correct " + CloudCredentialsSource.LOGIN + ", " + CloudCredentialsSource.PASSWORD + ", "
                + CloudCredentialsSource.APP_ID + " and " + CloudCredentialsSource.APP_SECRET
                + " in the operator's Secret or environment; they are read again automatically.";
    }

    private static String reason(Integer code) {
        if (code == null) {
            return "401";
        }
        return switch (code) {
            case 401500 -> "401500: wrong login, password or application credentials";
            case 401501 -> "401501: the account is locked";
            case 401521 -> "401521: the user's company is not active";
            default -> code.toString();
        };
    }

    private static String basic(String userAndPassword) {
        return "Basic " + Base64.getEncoder().encodeToString(userAndPassword.getBytes(StandardCharsets.UTF_8));
    }

    static String sha256Hex(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
