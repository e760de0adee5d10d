package io.pbxops.operator.validation;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** ISO 3166-1 country codes as the JDK knows them. */
public final class Countries {

    private static final Map<String, String> ALPHA3_TO_ALPHA2 =
            Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2).stream()
                    .collect(Collectors.toUnmodifiableMap(
                            alpha2 -> new Locale("", alpha2).getISO3Country(), Function.identity(), (a, b) -> a));

    private Countries() {}

    public static boolean isAlpha3(String code) {
        return code != null && ALPHA3_TO_ALPHA2.containsKey(code);
    }

    public static Optional<String> alpha2(String alpha3) {
        return Optional.ofNullable(ALPHA3_TO_ALPHA2.get(alpha3));
    }
}
