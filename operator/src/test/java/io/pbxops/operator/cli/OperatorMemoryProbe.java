package io.pbxops.operator.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryUsage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.stream.Collectors;
import picocli.CommandLine;

/**
 * {@code run} in a JVM of its own, measured from inside: its arguments are {@code run}'s. Each line read on stdin
 * (a label) forces a GC and prints one {@code MEMORY} line: heap used and committed (MemoryMXBean), the process's
 * resident set ({@code VmRSS} and its peak {@code VmHWM} from {@code /proc/self/status}) and the live threads. The end
 * of stdin stops the process, as SIGTERM would. Started by {@code ScaledFleetBenchmark memory}.
 */
public final class OperatorMemoryProbe {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(2);
    private static final long MIB = 1024 * 1024;

    private OperatorMemoryProbe() {}

    public static void main(String[] args) throws Exception {
        RunCommand run = new RunCommand();
        Thread operator = new Thread(
                () -> {
                    int status = new CommandLine(run)
                            .setCaseInsensitiveEnumValuesAllowed(true)
                            .execute(args);
                    if (status != 0) {
                        System.exit(status);
                    }
                },
                "run");
        operator.start();
        if (!run.awaitStarted(START_TIMEOUT)) {
            System.err.println("run did not start within " + START_TIMEOUT);
            System.exit(1);
        }
        System.out.println("MEMORY started jvm=\""
                + String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments())
                + "\" gc=\""
                + ManagementFactory.getGarbageCollectorMXBeans().stream()
                        .map(GarbageCollectorMXBean::getName)
                        .collect(Collectors.joining(", "))
                + "\"");
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String label = in.readLine(); label != null; label = in.readLine()) {
            System.out.println(measure(label.trim()));
        }
        run.requestStop();
        operator.join(START_TIMEOUT.toMillis());
        System.exit(0);
    }

    private static String measure(String label) {
        // two passes: the first may leave objects that only a finalizer or reference queue freed
        System.gc();
        System.gc();
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        MemoryUsage heap = memory.getHeapMemoryUsage();
        MemoryUsage nonHeap = memory.getNonHeapMemoryUsage();
        return String.format(
                Locale.ROOT,
                "MEMORY %s heapUsedMiB=%.1f heapCommittedMiB=%.1f heapMaxMiB=%.1f nonHeapUsedMiB=%.1f rssMiB=%.1f"
                        + " rssPeakMiB=%.1f threads=%d",
                label,
                heap.getUsed() / (double) MIB,
                heap.getCommitted() / (double) MIB,
                heap.getMax() / (double) MIB,
                nonHeap.getUsed() / (double) MIB,
                procStatusKib("VmRSS") / 1024.0,
                procStatusKib("VmHWM") / 1024.0,
                ManagementFactory.getThreadMXBean().getThreadCount());
    }

    /** A {@code kB} line of {@code /proc/self/status}, in KiB. */
    private static long procStatusKib(String field) {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .filter(line -> line.startsWith(field + ":"))
                    .map(line -> line.substring(field.length() + 1).trim().split("\\s+")[0])
                    .mapToLong(Long::parseLong)
                    .findFirst()
                    .orElse(-1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
