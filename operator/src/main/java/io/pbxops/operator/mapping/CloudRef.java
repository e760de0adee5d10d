package io.pbxops.operator.mapping;

import java.util.Objects;

/**
 * One cloud object, typed: which collection it lives in and its ID (a share link is named by its system and site).
 * The ledger, the drift detector and the decisions key cloud objects by it, so that no key is a string built in one
 * place and parsed in another.
 *
 * @param siteId only for {@link Kind#LINK}: the site the system is linked to
 */
public record CloudRef(Kind kind, String id, String siteId) {

    /** The cloud's collections this operator manages. */
    public enum Kind {
        COMPANY("company"),
        SITE("site"),
        SYSTEM("system"),
        GATEWAY("WebRTC gateway"),
        LINK("link");

        private final String noun;

        Kind(String noun) {
            this.noun = noun;
        }

        public String noun() {
            return noun;
        }
    }

    public CloudRef {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        if ((kind == Kind.LINK) != (siteId != null)) {
            throw new IllegalArgumentException("a site ID names a link, and only a link");
        }
    }

    public static CloudRef company(String id) {
        return new CloudRef(Kind.COMPANY, id, null);
    }

    public static CloudRef site(String id) {
        return new CloudRef(Kind.SITE, id, null);
    }

    public static CloudRef system(String id) {
        return new CloudRef(Kind.SYSTEM, id, null);
    }

    public static CloudRef gateway(String id) {
        return new CloudRef(Kind.GATEWAY, id, null);
    }

    /** The link of a system to a site (what a PbxShare stands for). */
    public static CloudRef link(String systemId, String siteId) {
        return new CloudRef(Kind.LINK, systemId, siteId);
    }

    @Override
    public String toString() {
        return kind == Kind.LINK ? "link of system " + id + " to site " + siteId : kind.noun() + " " + id;
    }
}
