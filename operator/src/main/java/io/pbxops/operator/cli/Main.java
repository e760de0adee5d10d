package io.pbxops.operator.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code pbx-operator} command line. */
@Command(
        name = "pbx-operator",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Configuration as code for PBX fleets in the Rainbow cloud.",
        subcommands = {
            UpCommand.class,
            RunCommand.class,
            ValidateCommand.class,
            PlanCommand.class,
            ExportCommand.class,
            InstallerCommand.class,
            CommandLine.HelpCommand.class
        })
public final class Main {

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        return new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true);
    }
}
