package io.pbxops.operator.cli;

import io.pbxops.simulator.CloudContract;
import picocli.CommandLine;

/** {@code extended} or {@code documented}, in any case: the simulated cloud's profile. */
public final class CloudContractConverter implements CommandLine.ITypeConverter<CloudContract> {

    @Override
    public CloudContract convert(String value) {
        try {
            return CloudContract.parse(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}
