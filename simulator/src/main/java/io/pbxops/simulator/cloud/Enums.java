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

    private Enums() {}

    /** Set.of rejects a null lookup; a missing value is simply not in the vocabulary. */
    static boolean in(Set<String> vocabulary, String value) {
        return value != null && vocabulary.contains(value);
    }
}
