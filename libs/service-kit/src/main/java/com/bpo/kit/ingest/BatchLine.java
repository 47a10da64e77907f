package com.bpo.kit.ingest;

import java.util.Objects;

/**
 * One record of a batch that bound to its type and passed Bean Validation.
 *
 * @param index the record's 0-based position in the batch (blank NDJSON lines are not counted)
 * @param record the bound record
 */
public record BatchLine<T>(int index, T record) {

    public BatchLine {
        if (index < 0) {
            throw new IllegalArgumentException("a batch index is 0 or more, was " + index);
        }
        Objects.requireNonNull(record, "record");
    }
}
