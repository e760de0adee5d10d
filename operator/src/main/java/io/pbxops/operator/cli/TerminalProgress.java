package io.pbxops.operator.cli;

import io.pbxops.operator.gitops.FleetProgress;
import java.io.PrintWriter;
import java.util.Map;
import java.util.TreeMap;

/**
 * Progress on standard error: one line redrawn in place on a terminal, a line per finished list or a tenth of the
 * files otherwise (CI logs).
 */
final class TerminalProgress implements FleetProgress {

    /** Items between two redraws of the line: a page of the cloud's lists is 100 by default. */
    private static final int REDRAW_EVERY = 100;

    private final PrintWriter err;
    private final boolean terminal;
    private final Map<String, Integer> counts = new TreeMap<>();
    private int lastTenth = -1;

    TerminalProgress(PrintWriter err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    static TerminalProgress onStandardError(PrintWriter err) {
        return new TerminalProgress(err, System.console() != null);
    }

    @Override
    public synchronized void read(String what, int count, boolean done) {
        counts.put(what, count);
        if (terminal && (done || count % REDRAW_EVERY == 0)) {
            redraw("reading the cloud: "
                    + counts.entrySet().stream()
                            .map(e -> e.getValue() + " " + e.getKey())
                            .reduce((a, b) -> a + ", " + b)
                            .orElse(""));
        } else if (done) {
            err.println("read " + count + " " + what);
            err.flush();
        }
    }

    @Override
    public synchronized void wrote(int count, int total) {
        if (terminal) {
            redraw("writing manifests: " + count + "/" + total + " files");
            if (count == total) {
                end();
            }
            return;
        }
        int tenth = total == 0 ? 10 : count * 10 / total;
        if (tenth != lastTenth) {
            lastTenth = tenth;
            err.println("wrote " + count + " of " + total + " files");
            err.flush();
        }
    }

    /** Ends the line being redrawn, so that what follows starts on its own. */
    synchronized void end() {
        if (terminal) {
            err.print("\r\033[K");
            err.flush();
        }
    }

    private void redraw(String line) {
        err.print("\r\033[K" + line);
        err.flush();
    }
}
