package io.pbxops.operator.cloud;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The four values a Rainbow login needs: the admin account (login e-mail, password) and the application
 * (id, secret). {@link #toString()} shows the login and application id only.
 */
public record CloudCredentials(String login, String password, String appId, String appSecret) {

    public CloudCredentials {
        Objects.requireNonNull(login, "login");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(appId, "appId");
        Objects.requireNonNull(appSecret, "appSecret");
    }

    /**
     * A SHA-256 over all four values: tells whether the credentials changed without keeping a copy of them.
     * Only compared in memory, never logged.
     */
    public String fingerprint() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String part : new String[] {login, password, appId, appSecret}) {
                byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
                // the length prefix keeps ("ab","c") and ("a","bc") apart
                digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
                digest.update((byte) ':');
                digest.update(bytes);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    @Override
    public String toString() {
        return "CloudCredentials[login=" + login + ", password=****, appId=" + appId + ", appSecret=****]";
    }
}
