package io.pbxops.simulator.cloud;

import java.util.Arrays;
import java.util.regex.Pattern;

/** Gateway software versions: dotted numbers, compared number by number. */
final class Versions {

    private static final Pattern VERSION = Pattern.compile("\\d+(\\.\\d+){0,3}");

    private Versions() {}

    static boolean isValid(String version) {
        return version != null && VERSION.matcher(version).matches();
    }

    /** A comparable key: "2.10.0" sorts after "2.9.1". */
    static String key(String version) {
        return String.join(
                ".",
                Arrays.stream(version.split("\\."))
                        .map(part -> "%09d".formatted(Long.parseLong(part)))
                        .toList());
    }
}
