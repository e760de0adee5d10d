package io.pbxops.operator.testing;

import io.pbxops.simulator.O2gHostSpec;
import io.pbxops.simulator.OxoSpec;
import io.pbxops.simulator.Simulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The sample fleet of {@code samples/}, and the simulated PBXs it names. */
public final class Samples {

    /** From the operator module, where the tests run. */
    public static final Path FOLDER = Path.of("../samples");
    /** The serial number of the build-to-order OXO of the samples (umbrella-oxo). */
    public static final String BUILD_TO_ORDER_SERIAL = "SN-UMBRELLA";

    private Samples() {}

    /** The YAML files, sorted by name. */
    public static List<Path> files() {
        try (Stream<Path> files = Files.list(FOLDER)) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The PBXs the samples name: two OmniPCX behind O2G (with the placeholder credentials of the samples) and a
     * build-to-order OXO waiting for its installer.
     */
    public static void addTheirPbxs(Simulator simulator) {
        simulator
                .control()
                .putO2gHost(new O2gHostSpec(
                        "o2g.acme.example",
                        "o2g-admin",
                        "REPLACE-ME-acme-o2g",
                        List.of(new O2gHostSpec.Node("1", "oxe1.acme.example"))));
        simulator
                .control()
                .putO2gHost(new O2gHostSpec(
                        "o2g.initech.example",
                        "o2g-admin",
                        "REPLACE-ME-initech-o2g",
                        List.of(new O2gHostSpec.Node("7", "oxe.initech.example"))));
        simulator.control().addOxo(new OxoSpec(BUILD_TO_ORDER_SERIAL, OxoSpec.Mode.BTCO, null));
    }
}
