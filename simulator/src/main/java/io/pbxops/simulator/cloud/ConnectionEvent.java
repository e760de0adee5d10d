package io.pbxops.simulator.cloud;

/** One entry of a system's {@code connectionHistory}: {@code activated}, {@code activationRefused} or {@code reset}. */
record ConnectionEvent(String eventType, String eventDate) {}
