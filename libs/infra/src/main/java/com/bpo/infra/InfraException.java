package com.bpo.infra;

/** A server could not be started, reached or stopped. */
public class InfraException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InfraException(String message) {
        super(message);
    }

    public InfraException(String message, Throwable cause) {
        super(message, cause);
    }
}
