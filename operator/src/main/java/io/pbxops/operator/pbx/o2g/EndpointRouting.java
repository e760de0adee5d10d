package io.pbxops.operator.pbx.o2g;

import java.net.URI;
import java.util.Objects;

/**
 * Maps an endpoint's URL to the URL actually dialled, plus an optional {@code X-Forwarded-Host} header. In production
 * it is the identity. The embedded mode routes every O2G host to the simulator's loopback port and names the virtual
 * host in the header (EXTENSIONS.md §2), without DNS tricks.
 */
@FunctionalInterface
public interface EndpointRouting {

    /** Where to send requests meant for {@code url}. */
    Route route(URI url);

    /**
     * @param dialUrl the base URL to connect to
     * @param forwardedHost the value of {@code X-Forwarded-Host}, or null for none
     */
    record Route(URI dialUrl, String forwardedHost) {
        public Route {
            Objects.requireNonNull(dialUrl, "dialUrl");
        }
    }

    static EndpointRouting identity() {
        return url -> new Route(url, null);
    }

    /**
     * Every URL goes to {@code target} (a simulator's base URL) with the URL's host name as
     * {@code X-Forwarded-Host}.
     */
    static EndpointRouting forwardingTo(URI target) {
        return url -> new Route(target, url.getHost());
    }
}
