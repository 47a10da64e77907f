package com.bpo.kit.messaging;

/**
 * A Kafka record that is not a valid event: headers missing or malformed, payload not JSON or not matching the schema
 * of its type. Retrying cannot help; the failure strategy sends the record to its dead-letter topic.
 */
public class UnreadableEventException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UnreadableEventException(String position, Throwable cause) {
        super("unreadable event at " + position + ": " + cause.getMessage(), cause);
    }
}
