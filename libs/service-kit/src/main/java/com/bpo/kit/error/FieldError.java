package com.bpo.kit.error;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One wrong field of a request.
 *
 * @param field the JSON path of the field in the request body, such as {@code items[3].sentAt}, or the name of the
 *     query, path or header parameter; {@code null} when the whole body is wrong
 * @param message what is wrong with it
 * @param rejectedValue the value that was sent, for simple values only
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FieldError(String field, String message, Object rejectedValue) {

    public static FieldError of(String field, String message) {
        return new FieldError(field, message, null);
    }
}
