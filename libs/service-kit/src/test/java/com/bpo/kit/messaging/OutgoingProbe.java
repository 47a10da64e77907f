package com.bpo.kit.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;

/** Declares the outgoing channel kit-test-out, so that the connector creates its producer with the kit's defaults. */
@ApplicationScoped
public class OutgoingProbe {

    public static final String CHANNEL = "kit-test-out";

    private final Emitter<byte[]> emitter;

    OutgoingProbe(@Channel(CHANNEL) Emitter<byte[]> emitter) {
        this.emitter = emitter;
    }

    public Emitter<byte[]> emitter() {
        return emitter;
    }
}
