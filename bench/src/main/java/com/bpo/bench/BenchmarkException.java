package com.bpo.bench;

/** The benchmark cannot go on; the message says what failed and where to look. */
final class BenchmarkException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    BenchmarkException(String message) {
        super(message);
    }

    BenchmarkException(String message, Throwable cause) {
        super(message, cause);
    }
}
