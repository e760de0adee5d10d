package io.pbxops.operator.pbx.o2g;

import java.net.URI;
import java.util.Objects;

/**
 * One O2G (with its standby, if any) and the account to use it with: what one {@link O2gClient}, and so one session,
 * serves, for every OXE node behind it.
 *
 * @param url the O2G's base URL, e.g. {@code https://o2g.acme.example} ({@code /api/rest} is appended)
 * @param standbyUrl the standby O2G, used when the primary cannot be reached; may be null
 * @param username an O2G admin account
 * @param password its password (masked by {@link #toString()})
 */
public record O2gGateway(URI url, URI standbyUrl, String username, String password) {

    public O2gGateway {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
    }

    public static O2gGateway of(URI url, String username, String password) {
        return new O2gGateway(url, null, username, password);
    }

    @Override
    public String toString() {
        return "O2gGateway[url=" + url + ", standbyUrl=" + standbyUrl + ", username=" + username + ", password=****]";
    }
}
