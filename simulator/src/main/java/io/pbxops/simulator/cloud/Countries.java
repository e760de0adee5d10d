package io.pbxops.simulator.cloud;

import java.util.Locale;
import java.util.Set;

/** ISO 3166-1 alpha-3 country codes, as the cloud checks them. */
final class Countries {

    private static final Set<String> ALPHA3 = Set.copyOf(Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA3));

    private Countries() {}

    static boolean isAlpha3(String code) {
        return code != null && ALPHA3.contains(code);
    }
}
