package io.pbxops.simulator.cloud;

/** The fields of a system accepted only on POST; a PUT ignores them. */
record SystemCreateFields(
        String pbxId, String activationCode, Boolean isCentrex, Boolean isOxoManaged, String siteId) {}
