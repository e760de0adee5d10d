package io.pbxops.operator.embedded;

import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.ServerWebSocket;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded API server's HTTP side: every request goes to the {@link ApiRequestRouter} (and the store behind it),
 * except watches, which {@link WatchStreams} serves as long-lived streams, over plain HTTP (kubectl) or a WebSocket
 * (fabric8's informers).
 */
final class ApiHttpServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ApiHttpServer.class);

    private final Vertx vertx;
    private final HttpServer server;

    private ApiHttpServer(Vertx vertx, HttpServer server) {
        this.vertx = vertx;
        this.server = server;
    }

    /** Listens on {@code host:port} (0: any free port); requests are answered once {@code router} gives one. */
    static ApiHttpServer start(String host, int port, Supplier<Dispatcher> router, Supplier<WatchStreams> watches) {
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2).setWorkerPoolSize(16));
        HttpServer server =
                vertx.createHttpServer(new HttpServerOptions().setHost(host).setPort(port));
        server.requestHandler(request -> handle(vertx, request, router, watches));
        try {
            server.listen().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            vertx.close();
            throw new IllegalStateException("cannot listen on " + host + ":" + port + ": " + rootMessage(e), e);
        }
        return new ApiHttpServer(vertx, server);
    }

    int port() {
        return server.actualPort();
    }

    @Override
    public void close() {
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.debug("the API server's HTTP side did not close cleanly", e);
        }
    }

    private static void handle(
            Vertx vertx, HttpServerRequest request, Supplier<Dispatcher> router, Supplier<WatchStreams> watches) {
        Dispatcher dispatcher = router.get();
        WatchStreams streams = watches.get();
        if (dispatcher == null || streams == null) {
            send(
                    request.response(),
                    ApiRequestRouter.json(503, Admission.status(503, "ServiceUnavailable", "starting")));
            return;
        }
        Optional<ResourcePath> watched = streams.watched(request.method().name(), request.uri());
        if (watched.isPresent()) {
            if ("websocket".equalsIgnoreCase(request.getHeader("Upgrade"))) {
                request.toWebSocket()
                        .onSuccess(socket -> watchOverWebSocket(vertx, streams, watched.get(), request, socket))
                        .onFailure(e -> LOG.debug("a WebSocket watch could not start", e));
            } else {
                watchOverHttp(vertx, streams, watched.get(), request);
            }
            return;
        }
        request.body().onSuccess(body -> {
            RecordedRequest recorded = new RecordedRequest(
                    request.version().alpnName().toUpperCase(Locale.ROOT),
                    HttpMethod.fromVertx(request.method()),
                    request.uri(),
                    Headers.builder().addAll(request.headers()).build(),
                    new Buffer(body == null ? new byte[0] : body.getBytes()));
            vertx.executeBlocking(() -> dispatcher.dispatch(recorded), false)
                    .onSuccess(response -> send(request.response(), response))
                    .onFailure(e -> send(
                            request.response(),
                            ApiRequestRouter.json(
                                    500, Admission.status(500, "InternalError", String.valueOf(e.getMessage())))));
        });
    }

    private static void send(HttpServerResponse response, MockResponse answer) {
        if (answer == null) {
            answer = ApiRequestRouter.json(405, Admission.status(405, "MethodNotAllowed", "method not allowed"));
        }
        response.setStatusCode(answer.code());
        answer.getHeaders()
                .toMultimap()
                .forEach((key, values) -> response.headers().add(key, values));
        byte[] body = answer.getBody() == null ? new byte[0] : answer.getBody().getBytes();
        if (body.length > 0 && !response.headers().contains("Content-Type")) {
            // Without it, kubectl decodes the answer in the format of its request (protobuf for built-in kinds).
            response.headers().set("Content-Type", "application/json");
        }
        response.headers().set("Content-Length", String.valueOf(body.length));
        // Qualified: io.fabric8.mockwebserver.http.Buffer is the other Buffer of this class.
        response.end(io.vertx.core.buffer.Buffer.buffer(body));
    }

    private static void watchOverHttp(Vertx vertx, WatchStreams streams, ResourcePath path, HttpServerRequest request) {
        HttpServerResponse response = request.response();
        Context context = vertx.getOrCreateContext();
        WatchStreams.Sink sink = new WatchStreams.Sink() {
            @Override
            public void send(String event) {
                context.runOnContext(ignored -> {
                    if (!response.ended() && !response.closed()) {
                        response.write(event + "\n");
                    }
                });
            }

            @Override
            public void end() {
                context.runOnContext(ignored -> {
                    if (!response.ended() && !response.closed()) {
                        response.end();
                    }
                });
            }
        };
        response.setChunked(true).setStatusCode(200).putHeader("Content-Type", "application/json");
        vertx.executeBlocking(() -> streams.open(path, request.uri(), request.getHeader("Accept"), sink), false)
                .onSuccess(stream -> {
                    response.closeHandler(ignored -> stream.close());
                    if (!response.headWritten() && !response.ended()) {
                        // kubectl waits for the answer's head before it takes the watch as started
                        response.writeHead();
                    }
                    timeout(vertx, request, stream, sink);
                })
                .onFailure(e -> {
                    if (e instanceof WatchStreams.Refused refused) {
                        response.setChunked(false);
                        send(
                                response,
                                ApiRequestRouter.json(
                                        refused.status.path("code").asInt(400), refused.status));
                    } else {
                        LOG.warn("a watch of {} failed", request.uri(), e);
                        response.reset();
                    }
                });
    }

    private static void watchOverWebSocket(
            Vertx vertx, WatchStreams streams, ResourcePath path, HttpServerRequest request, ServerWebSocket socket) {
        Context context = vertx.getOrCreateContext();
        WatchStreams.Sink sink = new WatchStreams.Sink() {
            @Override
            public void send(String event) {
                context.runOnContext(ignored -> {
                    if (!socket.isClosed()) {
                        socket.writeTextMessage(event);
                    }
                });
            }

            @Override
            public void end() {
                context.runOnContext(ignored -> {
                    if (!socket.isClosed()) {
                        socket.close();
                    }
                });
            }
        };
        vertx.executeBlocking(() -> streams.open(path, request.uri(), request.getHeader("Accept"), sink), false)
                .onSuccess(stream -> {
                    socket.closeHandler(ignored -> stream.close());
                    timeout(vertx, request, stream, sink);
                })
                .onFailure(e -> {
                    if (e instanceof WatchStreams.Refused refused) {
                        socket.writeTextMessage("{\"type\":\"ERROR\",\"object\":" + refused.status + "}");
                    }
                    socket.close();
                });
    }

    /** Ends the watch after {@code timeoutSeconds}, as kube-apiserver does (the client then watches again). */
    private static void timeout(
            Vertx vertx, HttpServerRequest request, WatchStreams.Stream stream, WatchStreams.Sink sink) {
        String seconds = ApiRequestRouter.queryOf(request.uri()).get("timeoutSeconds");
        if (seconds == null || !seconds.matches("\\d{1,9}") || Long.parseLong(seconds) == 0) {
            return;
        }
        vertx.setTimer(TimeUnit.SECONDS.toMillis(Long.parseLong(seconds)), id -> {
            stream.close();
            sink.end();
        });
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return String.valueOf(root.getMessage());
    }
}
