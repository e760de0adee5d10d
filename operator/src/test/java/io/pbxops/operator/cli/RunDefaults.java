package io.pbxops.operator.cli;

import io.pbxops.operator.cloud.CloudCredentialsSource;
import io.pbxops.operator.runtime.RuntimeSettings;
import picocli.CommandLine;

/**
 * The settings {@code run} composes from its command line, parsed as {@code run} parses it: a benchmark that wants
 * the operator "as run has it by default" takes its budget and timings from here rather than restating them.
 */
public final class RunDefaults {

    private RunDefaults() {}

    /** {@code run}'s settings for these options (the others at their defaults); the credentials are not read. */
    public static RuntimeSettings parse(String... options) {
        RunCommand run = new RunCommand();
        new CommandLine(run).setCaseInsensitiveEnumValuesAllowed(true).parseArgs(options);
        CloudCredentialsSource unread = () -> {
            throw new IllegalStateException("the settings do not need the credentials");
        };
        return run.runtimeSettings(unread);
    }
}
