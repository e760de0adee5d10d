package io.pbxops.operator.embedded;

import java.io.File;
import java.io.IOException;
import java.util.concurrent.TimeUnit;

/** The terminal's width, for cutting lines so that redrawing in place stays aligned. */
public final class TerminalSize {

    static final int FALLBACK = 120;

    private TerminalSize() {}

    public static int columns() {
        String fromEnvironment = System.getenv("COLUMNS");
        if (fromEnvironment != null && fromEnvironment.matches("\\d+")) {
            return Integer.parseInt(fromEnvironment);
        }
        try {
            Process stty = new ProcessBuilder("stty", "size")
                    .redirectInput(new File("/dev/tty"))
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            String answer = new String(stty.getInputStream().readAllBytes()).trim();
            if (stty.waitFor(2, TimeUnit.SECONDS) && answer.matches("\\d+ \\d+")) {
                return Integer.parseInt(answer.split(" ")[1]);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            // no stty or no terminal: the fallback width
        }
        return FALLBACK;
    }
}
