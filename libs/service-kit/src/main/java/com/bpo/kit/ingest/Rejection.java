package com.bpo.kit.ingest;

import com.bpo.kit.error.FieldError;
import java.util.List;

/**
 * Why one record of a batch was not taken.
 *
 * @param index the record's 0-based position in the batch (blank NDJSON lines are not counted)
 * @param errors what is wrong with it; each field is a JSON path relative to the record ({@code sentAt},
 *     {@code attachments[1].url}), or {@code ""} when the record as a whole is wrong (not a JSON object, an NDJSON
 *     line that is not valid JSON, a rule of the whole record)
 */
public record Rejection(int index, List<FieldError> errors) {

    public Rejection {
        if (index < 0) {
            throw new IllegalArgumentException("a batch index is 0 or more, was " + index);
        }
        errors = List.copyOf(errors);
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("a rejection names at least one error");
        }
    }

    /** A rejection for one reason; {@code field} is {@code ""} for the record as a whole. */
    public static Rejection of(int index, String field, String message) {
        return new Rejection(index, List.of(FieldError.of(field, message)));
    }
}
