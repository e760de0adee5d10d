package io.pbxops.simulator.cloud;

/** One entry of {@code pbxNumberingTranslator}. */
record NumberingRule(String regexpMatch, String regexpReplace, String description) {}
