package io.pbxops.simulator.cloud;

import java.util.List;
import java.util.Set;

/** The value vocabularies of the cloud (docs/cloud-contract.md). */
final class Enums {

    static final Set<String> COMPANY_STATUS = Set.of("initializing", "active", "alerting", "hold", "terminated");
    static final Set<String> BP_TYPES = Set.of("IR", "VAD", "DR");
    static final Set<String> SITE_STATUS = Set.of("active", "alerting", "hold", "terminated");
    static final Set<String> SYSTEM_TYPES = Set.of("oxo", "oxe", "third_party", "undefined");
    static final Set<String> SYSTEM_STATUS = Set.of("created", "activating", "activated", "terminated");
    static final Set<String> SEARCH_SOURCES = Set.of("RAINBOW", "LDAP", "PBX");
    static final Set<String> MODELS = Set.of("omnipcx-enterprise", "oxo-connect", "oxo-connect-evolution");
    static final Set<String> FORMATS = Set.of("small", "medium", "full");
    static final List<String> GATEWAY_TYPES = List.of("cloud", "internal", "external");
    /** A company's {@code state} in the USA: the SDK's list, postal codes with the armed forces and territories. */
    static final Set<String> USA_STATES = Set.of(
            "AA", "AE", "AP", "AK", "AL", "AR", "AZ", "CA", "CO", "CT", "DC", "DE", "FL", "GA", "GU", "HI", "IA", "ID",
            "IL", "IN", "KS", "KY", "LA", "MA", "MD", "ME", "MI", "MN", "MO", "MS", "MT", "NC", "ND", "NE", "NH", "NJ",
            "NM", "NV", "NY", "OH", "OK", "OR", "PA", "PR", "RI", "SC", "SD", "TN", "TX", "UT", "VA", "VI", "VT", "WA",
            "WI", "WV", "WY");
    /** A company's {@code state} in Canada: the provinces and territories. */
    static final Set<String> CAN_STATES =
            Set.of("AB", "BC", "MB", "NB", "NL", "NS", "NT", "NU", "ON", "PE", "QC", "SK", "YT");

    private Enums() {}

    /** Set.of rejects a null lookup; a missing value is simply not in the vocabulary. */
    static boolean in(Set<String> vocabulary, String value) {
        return value != null && vocabulary.contains(value);
    }
}
