package io.pbxops.operator.embedded;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.FileAppender;
import java.nio.file.Path;
import org.slf4j.LoggerFactory;

/** Sends the logs of {@code up} to a file: the terminal belongs to the live view. */
public final class UpLogging {

    private UpLogging() {}

    /** Silences the Kubernetes client's notes (e.g. "v1alpha1 is unstable") that mean nothing to a person. */
    public static void quietClientNotes() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            context.getLogger("io.fabric8.kubernetes.client.dsl.internal.VersionUsageUtils")
                    .setLevel(Level.ERROR);
        }
    }

    public static void toFile(Path file) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        context.reset();
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%d{HH:mm:ss.SSS} %-5level %logger{36} - %msg%n");
        encoder.start();
        FileAppender<ILoggingEvent> appender = new FileAppender<>();
        appender.setContext(context);
        appender.setName("up-log");
        appender.setFile(file.toAbsolutePath().toString());
        appender.setAppend(false);
        appender.setEncoder(encoder);
        appender.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(appender);
        // Noise that says nothing about the fleet.
        context.getLogger("com.networknt.schema").setLevel(Level.ERROR);
        context.getLogger("io.fabric8.kubernetes.client.CustomResource").setLevel(Level.WARN);
        context.getLogger("io.fabric8.kubernetes.client.dsl.internal.VersionUsageUtils")
                .setLevel(Level.ERROR);
        context.getLogger("org.eclipse.jetty").setLevel(Level.WARN);
        context.getLogger("io.javalin").setLevel(Level.WARN);
    }
}
