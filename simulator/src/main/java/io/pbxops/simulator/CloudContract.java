package io.pbxops.simulator;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Which cloud admin API the simulator serves (EXTENSIONS.md §5). The control API ({@code /sim/v1}) and the PBX side
 * are the same in both.
 */
public enum CloudContract {

    /** The public contract plus every invented part of EXTENSIONS.md: what the operator assumes. */
    EXTENDED("extended"),

    /**
     * Only what a public document shows: no {@code x-pbxops} field, no {@code /x-pbxops/...} path, and the documented
     * constraints the extended profile does not enforce.
     */
    DOCUMENTED("documented");

    private final String wireName;

    CloudContract(String wireName) {
        this.wireName = wireName;
    }

    /** The name on the command line: {@code extended} or {@code documented}. */
    public String wireName() {
        return wireName;
    }

    /** Whether the invented parts (system extension, gateway administration) are served. */
    public boolean servesExtensions() {
        return this == EXTENDED;
    }

    /** @throws IllegalArgumentException naming the accepted values */
    public static CloudContract parse(String name) {
        String wanted = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(contract -> contract.wireName.equals(wanted))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown cloud contract '" + name + "'; expected "
                        + Arrays.stream(values()).map(CloudContract::wireName).collect(Collectors.joining(" or "))));
    }

    @Override
    public String toString() {
        return wireName;
    }
}
