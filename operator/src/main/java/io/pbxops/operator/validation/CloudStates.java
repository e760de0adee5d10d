package io.pbxops.operator.validation;

import java.util.Map;
import java.util.Set;

/**
 * The states the cloud knows for a company (docs/cloud-contract.md#companies): its two-letter codes for USA and CAN,
 * which are the subdivision parts of the ISO 3166-2 codes the Company spec takes ({@code NY} of {@code US-NY}), plus
 * the US armed forces codes {@code AA}, {@code AE}, {@code AP}, which the cloud lists and ISO does not.
 */
final class CloudStates {

    private static final Map<String, Set<String>> BY_COUNTRY = Map.of(
            "USA",
            Set.of(
                    "AA", "AE", "AP", "AK", "AL", "AR", "AZ", "CA", "CO", "CT", "DC", "DE", "FL", "GA", "GU", "HI",
                    "IA", "ID", "IL", "IN", "KS", "KY", "LA", "MA", "MD", "ME", "MI", "MN", "MO", "MS", "MT", "NC",
                    "ND", "NE", "NH", "NJ", "NM", "NV", "NY", "OH", "OK", "OR", "PA", "PR", "RI", "SC", "SD", "TN",
                    "TX", "UT", "VA", "VI", "VT", "WA", "WI", "WV", "WY"),
            "CAN",
            Set.of("AB", "BC", "MB", "NB", "NL", "NS", "NT", "NU", "ON", "PE", "QC", "SK", "YT"));

    private CloudStates() {}

    /** Whether the country has states in the cloud (USA, CAN). */
    static boolean hasStates(String country) {
        return country != null && BY_COUNTRY.containsKey(country);
    }

    /** Whether the cloud knows {@code code} (the part after {@code US-} or {@code CA-}) as a state of the country. */
    static boolean isKnown(String country, String code) {
        return BY_COUNTRY.getOrDefault(country, Set.of()).contains(code);
    }
}
