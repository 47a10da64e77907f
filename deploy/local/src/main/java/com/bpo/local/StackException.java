package com.bpo.local;

/** A step of the local stack failed; the message says which and where to look. */
public class StackException extends RuntimeException {

    public StackException(String message) {
        super(message);
    }

    public StackException(String message, Throwable cause) {
        super(message, cause);
    }
}
