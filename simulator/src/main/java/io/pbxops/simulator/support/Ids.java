package io.pbxops.simulator.support;

import java.util.HexFormat;
import java.util.Random;
import java.util.function.Predicate;

/** Every random value the simulator hands out, drawn from one seeded generator so that a run is reproducible. */
public final class Ids {

    private final Random random;

    public Ids(long seed) {
        this.random = new Random(seed);
    }

    /** A 24-hex identifier (the cloud's Mongo ObjectId shape) that {@code taken} does not already hold. */
    public String objectId(Predicate<String> taken) {
        String id;
        do {
            id = hex(12);
        } while (taken.test(id));
        return id;
    }

    /** A generated equipment ID, shaped like the cloud's {@code PBXc2ae-3590-f08b-4c6c-bccf-4e99-478a-17e4}. */
    public String pbxId(Predicate<String> taken) {
        String id;
        do {
            StringBuilder sb = new StringBuilder("PBX").append(hex(2));
            for (int i = 0; i < 7; i++) {
                sb.append('-').append(hex(2));
            }
            id = sb.toString();
        } while (taken.test(id));
        return id;
    }

    /** The cloud's default activation code: four digits, 1000-9999. */
    public synchronized String activationCode() {
        return Integer.toString(1000 + random.nextInt(9000));
    }

    public synchronized String hex(int bytes) {
        byte[] raw = new byte[bytes];
        random.nextBytes(raw);
        return HexFormat.of().formatHex(raw);
    }

    public synchronized byte[] bytes(int count) {
        byte[] raw = new byte[count];
        random.nextBytes(raw);
        return raw;
    }
}
