package io.pbxops.operator.embedded;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/** For output that is not a terminal: one line each time an object changes, then the final table. */
public final class PlainDisplay implements FleetDisplay {

    private final PrintWriter out;
    private final Supplier<Duration> elapsed;
    private final Map<String, String> lastSeen = new HashMap<>();
    private String lastHeadline = "";

    public PlainDisplay(PrintWriter out, Supplier<Duration> elapsed) {
        this.out = out;
        this.elapsed = elapsed;
    }

    @Override
    public synchronized void show(FleetSnapshot snapshot, String headline) {
        Set<String> present = new HashSet<>();
        for (FleetRow row : snapshot.rows()) {
            String id = row.namespace() + "/" + row.id();
            present.add(id);
            String line = row.id() + "  "
                    + (row.connection().isEmpty() || row.connection().equals("-") ? "" : row.connection() + "  ")
                    + "Ready=" + FleetTable.readyText(row) + "  " + FleetTable.message(row);
            if (!line.equals(lastSeen.put(id, line))) {
                print(line);
            }
        }
        lastSeen.keySet().removeIf(id -> {
            if (!present.contains(id)) {
                print(id.substring(id.indexOf('/') + 1) + "  deleted");
                return true;
            }
            return false;
        });
        if (!headline.equals(lastHeadline)) {
            lastHeadline = headline;
            print(headline);
        }
    }

    @Override
    public synchronized void note(String line) {
        print(line);
    }

    @Override
    public synchronized void finish(FleetSnapshot snapshot, String summary) {
        out.println();
        FleetTable.render(snapshot, 0).forEach(out::println);
        out.println();
        out.println(summary);
        out.flush();
    }

    private void print(String line) {
        out.printf("[%6s] %s%n", StartupTimeline.seconds(elapsed.get()), line);
        out.flush();
    }
}
