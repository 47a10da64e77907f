package com.bpo.kit.outbox;

/** What the relay sees when its process dies at a chosen point: the round's transaction never commits. */
class SimulatedCrash extends RuntimeException {

    private static final long serialVersionUID = 1L;

    SimulatedCrash() {
        super("simulated crash of the relay between publishing and marking sent");
    }
}
