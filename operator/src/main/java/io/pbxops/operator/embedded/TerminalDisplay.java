package io.pbxops.operator.embedded;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * For a terminal: the table redrawn in place (ANSI cursor movement), Ready in green or yellow, a headline above and
 * the hints (kubectl, installer key, Ctrl-C) below. Lines are cut to the terminal's width so the redraw stays aligned.
 */
public final class TerminalDisplay implements FleetDisplay {

    private static final String ESC = "\u001b[";
    private static final String CLEAR_TO_END = ESC + "J";
    private static final String GREEN = ESC + "32m";
    private static final String YELLOW = ESC + "33m";
    private static final String DIM = ESC + "2m";
    private static final String BOLD = ESC + "1m";
    private static final String RESET = ESC + "0m";

    private final PrintWriter out;
    private final int width;
    private final List<String> hints;
    private final Supplier<Duration> elapsed;
    private final List<String> notes = new ArrayList<>();
    private int linesDrawn;
    private String lastFrame = "";

    public TerminalDisplay(PrintWriter out, int width, List<String> hints, Supplier<Duration> elapsed) {
        this.out = out;
        this.elapsed = elapsed;
        this.width = width;
        this.hints = List.copyOf(hints);
    }

    @Override
    public synchronized void show(FleetSnapshot snapshot, String headline) {
        List<String> lines = new ArrayList<>();
        lines.add(BOLD + FleetTable.cut(headline + "   up " + StartupTimeline.seconds(elapsed.get()), width) + RESET);
        lines.add("");
        List<String> table = FleetTable.render(snapshot, width);
        for (int i = 0; i < table.size(); i++) {
            lines.add(
                    i == 0
                            ? DIM + table.get(i) + RESET
                            : colour(table.get(i), snapshot.rows().get(i - 1)));
        }
        lines.add("");
        notes.forEach(note -> lines.add(FleetTable.cut(note, width)));
        hints.forEach(hint -> lines.add(DIM + FleetTable.cut(hint, width) + RESET));
        draw(lines);
    }

    @Override
    public synchronized void note(String line) {
        notes.add(line);
        if (notes.size() > 3) {
            notes.remove(0);
        }
    }

    @Override
    public synchronized void finish(FleetSnapshot snapshot, String summary) {
        List<String> lines = new ArrayList<>(FleetTable.render(snapshot, width));
        lines.add("");
        lines.add(summary);
        draw(lines);
        linesDrawn = 0;
    }

    private void draw(List<String> lines) {
        String frame = String.join("\n", lines);
        if (frame.equals(lastFrame)) {
            return;
        }
        lastFrame = frame;
        StringBuilder text = new StringBuilder();
        if (linesDrawn > 0) {
            text.append(ESC).append(linesDrawn).append('A').append('\r');
        }
        text.append(CLEAR_TO_END);
        for (String line : lines) {
            text.append(line).append(ESC).append('K').append('\n');
        }
        out.print(text);
        out.flush();
        linesDrawn = lines.size();
    }

    private static String colour(String line, FleetRow row) {
        if (row.isReady()) {
            return GREEN + line + RESET;
        }
        if (row.converged()) {
            return line;
        }
        return YELLOW + line + RESET;
    }
}
