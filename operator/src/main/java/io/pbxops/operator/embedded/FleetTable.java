package io.pbxops.operator.embedded;

import java.util.ArrayList;
import java.util.List;

/** The fleet as aligned text columns: KIND, NAME, CONNECTION, READY, MESSAGE. */
public final class FleetTable {

    private static final String[] HEADERS = {"KIND", "NAME", "CONNECTION", "READY", "MESSAGE"};

    private FleetTable() {}

    /** One line per object under a header; lines longer than {@code width} are cut (0: never). */
    public static List<String> render(FleetSnapshot snapshot, int width) {
        List<String[]> cells = new ArrayList<>();
        cells.add(HEADERS);
        for (FleetRow row : snapshot.rows()) {
            cells.add(new String[] {
                row.kind(), name(row), row.connection().isEmpty() ? "-" : row.connection(), readyText(row), message(row)
            });
        }
        int[] widths = new int[HEADERS.length - 1];
        for (String[] line : cells) {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], line[i].length());
            }
        }
        List<String> lines = new ArrayList<>();
        for (String[] line : cells) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < widths.length; i++) {
                text.append(pad(line[i], widths[i] + 2));
            }
            text.append(line[HEADERS.length - 1]);
            lines.add(cut(text.toString(), width));
        }
        return lines;
    }

    static String readyText(FleetRow row) {
        return switch (row.hold()) {
            case AWAITING_INSTALLER -> row.ready() + " (installer)";
            case MAINTENANCE -> row.ready() + " (maintenance)";
            case UNSUPPORTED -> row.ready() + " (not supported by this cloud)";
            default -> row.ready();
        };
    }

    static String message(FleetRow row) {
        if (row.message().isEmpty()) {
            return "Unknown".equals(row.ready()) ? "not reconciled yet" : "";
        }
        return row.reason().isEmpty() ? row.message() : row.reason() + ": " + row.message();
    }

    private static String name(FleetRow row) {
        return EmbeddedApiServer.DEFAULT_NAMESPACE.equals(row.namespace())
                ? row.name()
                : row.namespace() + "/" + row.name();
    }

    static String cut(String line, int width) {
        if (width <= 0 || line.length() <= width) {
            return line;
        }
        return line.substring(0, Math.max(0, width - 1)) + "…";
    }

    private static String pad(String text, int width) {
        return text.length() >= width ? text + " " : text + " ".repeat(width - text.length());
    }
}
