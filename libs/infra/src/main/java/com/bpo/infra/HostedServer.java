package com.bpo.infra;

import java.util.List;
import java.util.Map;

/** A server hosted by a {@link ServerDaemon}. */
interface HostedServer {

    /** Starts the server and returns once it answers. */
    Started start() throws Exception;

    /** Whether the server processes still run. */
    boolean isRunning();

    /** Stops the server; safe to call on a partly started or already stopped server. */
    void stop();

    /** What a started server publishes in its state file. */
    record Started(List<ProcessRef> servers, String host, int port, Map<String, String> properties) {}
}
