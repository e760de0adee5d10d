package io.pbxops.operator.runtime;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /healthz} (live), {@code /readyz} (ready) and {@code /metrics} (Prometheus) on one port, for the kubelet's
 * probes and Prometheus. The JDK's HTTP server is enough for three read-only paths scraped every few seconds.
 */
public final class OperationsServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OperationsServer.class);

    /** A probe's answer: whether it passes, and why in a line. */
    public record Check(boolean ok, String detail) {}

    private final HttpServer server;

    public OperationsServer(
            String bind, int port, Supplier<Check> live, Supplier<Check> ready, Supplier<String> metrics) {
        try {
            server = HttpServer.create(new InetSocketAddress(bind, port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot listen on " + bind + ":" + port + " for the health and metrics endpoints", e);
        }
        server.setExecutor(Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "pbxops-ops-http");
            thread.setDaemon(true);
            return thread;
        }));
        server.createContext("/healthz", exchange -> probe(exchange, live.get()));
        server.createContext("/readyz", exchange -> probe(exchange, ready.get()));
        server.createContext(
                "/metrics", exchange -> send(exchange, 200, "text/plain; version=0.0.4; charset=utf-8", metrics.get()));
    }

    public void start() {
        server.start();
        LOG.info(
                "health and metrics on http://{}:{} (/healthz, /readyz, /metrics)",
                server.getAddress().getHostString(),
                server.getAddress().getPort());
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private static void probe(HttpExchange exchange, Check check) throws IOException {
        send(
                exchange,
                check.ok() ? 200 : 503,
                "text/plain; charset=utf-8",
                (check.ok() ? "ok" : "not ok") + ": " + check.detail() + "\n");
    }

    private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
