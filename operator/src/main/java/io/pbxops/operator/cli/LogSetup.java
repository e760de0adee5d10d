package io.pbxops.operator.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import net.logstash.logback.encoder.LogstashEncoder;
import org.slf4j.LoggerFactory;

/**
 * Log format and level chosen on the command line: human-readable lines (logback.xml), or one JSON object per line
 * for a log pipeline (logstash-logback-encoder), where an object's kind, namespace and name are fields of their own.
 */
final class LogSetup {

    enum Format {
        text,
        json
    }

    private LogSetup() {}

    static void configure(Format format, String level) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        if (level != null) {
            root.setLevel(Level.toLevel(level, Level.INFO));
        }
        if (format == Format.json) {
            List<Appender<ILoggingEvent>> existing = new ArrayList<>();
            for (Iterator<Appender<ILoggingEvent>> it = root.iteratorForAppenders(); it.hasNext(); ) {
                existing.add(it.next());
            }
            LogstashEncoder encoder = new LogstashEncoder();
            encoder.setContext(context);
            encoder.start();
            ConsoleAppender<ILoggingEvent> json = new ConsoleAppender<>();
            json.setContext(context);
            json.setName("JSON");
            json.setTarget("System.err");
            json.setEncoder(encoder);
            json.start();
            root.addAppender(json);
            existing.forEach(appender -> {
                root.detachAppender(appender);
                appender.stop();
            });
        }
    }
}
