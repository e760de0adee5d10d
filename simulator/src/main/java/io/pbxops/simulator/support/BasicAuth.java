package io.pbxops.simulator.support;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Reads an HTTP Basic header. */
public final class BasicAuth {

    /** A decoded {@code user:secret} pair. */
    public record Credentials(String user, String secret) {
        @Override
        public String toString() {
            return "Credentials[" + user + "]";
        }
    }

    private BasicAuth() {}

    /** The credentials of a {@code Basic} header, or null when absent or malformed. */
    public static Credentials decode(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded =
                    new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? null : new Credentials(decoded.substring(0, colon), decoded.substring(colon + 1));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
