package io.pbxops.operator.cli;

/** {@code --output}: lines for people, or JSON for machines. */
public enum OutputFormat {
    text,
    json
}
