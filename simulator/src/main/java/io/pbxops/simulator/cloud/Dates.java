package io.pbxops.simulator.cloud;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The cloud's ISO 8601 date-times, from the configured clock. */
record Dates(Clock clock) {

    String now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MILLIS).toString();
    }
}
