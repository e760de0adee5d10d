package io.pbxops.operator.cloud.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback TCP relay in front of the simulator that measures how many HTTP requests are outstanding at once on
 * the wire: a connection is busy from the first byte the client sends until the first byte of the answer (HTTP/1.1
 * sends one request at a time per connection). With a latency fault on the simulator the answers wait, so the
 * maximum is exactly the client's concurrency, independent of the client's own bookkeeping.
 */
public final class ConcurrencyProbe implements AutoCloseable {

    private final ServerSocket server;
    private final int targetPort;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private volatile boolean open = true;

    public ConcurrencyProbe(URI target) throws IOException {
        this.targetPort = target.getPort();
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "probe-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    public int maxInFlight() {
        return maxInFlight.get();
    }

    private void accept() {
        while (open) {
            try {
                Socket client = server.accept();
                Socket upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                AtomicBoolean busy = new AtomicBoolean();
                pump(client, upstream, () -> {
                    if (busy.compareAndSet(false, true)) {
                        maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                    }
                });
                pump(upstream, client, () -> {
                    if (busy.compareAndSet(true, false)) {
                        inFlight.decrementAndGet();
                    }
                });
            } catch (IOException e) {
                if (open) {
                    continue;
                }
                return;
            }
        }
    }

    private static void pump(Socket from, Socket to, Runnable onBytes) {
        Thread thread = new Thread(
                () -> {
                    byte[] buffer = new byte[8192];
                    try (InputStream in = from.getInputStream();
                            OutputStream out = to.getOutputStream()) {
                        int read;
                        while ((read = in.read(buffer)) >= 0) {
                            onBytes.run();
                            out.write(buffer, 0, read);
                            out.flush();
                        }
                    } catch (IOException e) {
                        // one side closed: close both below
                    } finally {
                        closeQuietly(from);
                        closeQuietly(to);
                    }
                },
                "probe-pump");
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // nothing to do
        }
    }

    @Override
    public void close() throws IOException {
        open = false;
        server.close();
    }
}
