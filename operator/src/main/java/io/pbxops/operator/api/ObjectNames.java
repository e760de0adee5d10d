package io.pbxops.operator.api;

/** Patterns shared by several fields' schemas. */
final class ObjectNames {

    /** A Kubernetes object name (RFC 1123 subdomain). */
    static final String DNS_SUBDOMAIN = "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$";

    /** ISO 3166-1 alpha-3 shape; the list of assigned codes is checked by the validator. */
    static final String ISO_ALPHA3 = "^[A-Z]{3}$";

    /** ISO 3166-2 subdivision shape (country alpha-2, then 1 to 3 letters or digits); the prefix is checked by CEL. */
    static final String ISO_SUBDIVISION = "^[A-Z]{2}-[A-Z0-9]{1,3}$";

    /** Dialing prefixes are digits only (the cloud allows up to 32). */
    static final String DIGITS = "^[0-9]*$";

    private ObjectNames() {}
}
