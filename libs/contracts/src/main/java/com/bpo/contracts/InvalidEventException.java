package com.bpo.contracts;

import java.util.List;

/** An event payload that does not match the JSON Schema of its type. */
public class InvalidEventException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String type;
    private final List<String> errors;

    public InvalidEventException(String type, List<String> errors) {
        super("invalid " + type + " event: " + String.join("; ", errors));
        this.type = type;
        this.errors = List.copyOf(errors);
    }

    /** The {@code ce_type} the payload was checked against. */
    public String type() {
        return type;
    }

    /** What is wrong, each naming the JSON path of the offending value. */
    public List<String> errors() {
        return errors;
    }
}
