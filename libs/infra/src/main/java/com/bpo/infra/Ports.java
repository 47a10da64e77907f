package com.bpo.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** Loopback ports. */
final class Ports {

    static final String LOOPBACK = "127.0.0.1";

    private Ports() {}

    /** The given port, or a free one when it is 0. */
    static int orFree(int port) {
        return port != 0 ? port : free();
    }

    /** A port that is free on the loopback address now (the OS does not hand it out again right away). */
    static int free() {
        try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getByName(LOOPBACK))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }

    /** Whether something accepts TCP connections on the port. */
    static boolean accepts(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Fails early with a clear message when a fixed port is already taken. */
    static void requireFree(int port, String what) {
        if (accepts(LOOPBACK, port)) {
            throw new InfraException(what + " port " + port + " is already in use on " + LOOPBACK);
        }
    }
}
