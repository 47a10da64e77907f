package com.bpo.kit.error;

import java.net.URI;
import java.util.regex.Pattern;

/**
 * The problem types of the platform. They are URNs rather than URLs so that no host name is promised; clients
 * switch on them, so a type never changes its meaning.
 */
public final class ProblemTypes {

    // Declared first: the constants below are validated against it while the class initialises.
    private static final Pattern NAME = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");

    /** Fields of the request break its rules; {@link Problem#errors()} names them. */
    public static final URI VALIDATION = of("validation");
    /** The request body could not be read at all, for example because it is not JSON. */
    public static final URI MALFORMED_REQUEST = of("malformed-request");
    /** No credentials, or credentials that are not valid. */
    public static final URI UNAUTHORIZED = of("unauthorized");
    /** The caller is known but may not do this. */
    public static final URI FORBIDDEN = of("forbidden");
    /** Nothing with that id exists within the caller's scope. */
    public static final URI NOT_FOUND = of("not-found");
    /** The request conflicts with the current state, such as a duplicate or a stale version. */
    public static final URI CONFLICT = of("conflict");
    /** The request is well-formed but a business rule forbids it. */
    public static final URI BUSINESS_RULE = of("business-rule");
    /** The server failed; the detail never says how. */
    public static final URI INTERNAL = of("internal");
    /** RFC 9457: no further semantics beyond the HTTP status. */
    public static final URI ABOUT_BLANK = URI.create("about:blank");

    private ProblemTypes() {}

    /** The type {@code urn:bpo:problem:<name>}, for problems a service defines itself. */
    public static URI of(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("problem type name must be lower-case words joined by '-': " + name);
        }
        return URI.create("urn:bpo:problem:" + name);
    }
}
