package io.pbxops.operator.cli;

import picocli.CommandLine;

/** The version the jar was built as. */
final class VersionProvider implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = Main.class.getPackage().getImplementationVersion();
        return new String[] {"pbx-operator " + (version == null ? "(development build)" : version)};
    }
}
