package com.bpo.contracts;

/** The JSON payload of one event type of {@link EventTypes}. */
public interface EventPayload {

    /**
     * The Kafka record key: the id of the aggregate the event is about, so that one aggregate's events stay in order
     * (and, on the compacted {@link Topics#ORG_EVENTS}, so that the latest state of each aggregate is kept).
     */
    String key();
}
