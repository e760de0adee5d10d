package io.pbxops.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The command line's flags reach the configuration (parsing only: nothing is started). */
class SimulatorMainTest {

    @Test
    void theContractProfileIsExtendedUnlessDocumentedIsAskedFor() {
        SimulatorMain byDefault = new SimulatorMain();
        new CommandLine(byDefault).parseArgs();
        assertEquals(CloudContract.EXTENDED, byDefault.contract);

        SimulatorMain documented = new SimulatorMain();
        new CommandLine(documented).parseArgs("--contract", "documented");
        assertEquals(CloudContract.DOCUMENTED, documented.contract);

        SimulatorMain upperCase = new SimulatorMain();
        new CommandLine(upperCase).parseArgs("--contract", "EXTENDED");
        assertEquals(CloudContract.EXTENDED, upperCase.contract);
    }

    @Test
    void anUnknownProfileIsRefusedNamingTheChoices() {
        StringWriter err = new StringWriter();
        CommandLine commandLine = new CommandLine(new SimulatorMain()).setErr(new PrintWriter(err));
        int exit = commandLine.execute("--contract", "strict");
        assertEquals(2, exit);
        assertTrue(err.toString().contains("expected extended or documented"), err::toString);
    }
}
