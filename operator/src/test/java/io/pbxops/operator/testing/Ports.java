package io.pbxops.operator.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;

/** Loopback addresses for tests, never a fixed port (another test or program may hold it). */
public final class Ports {

    private Ports() {}

    /** An HTTP address where nothing listens: a port the system handed out and that was closed again at once. */
    public static URI closed() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
