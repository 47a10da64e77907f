package com.bpo.kit.ingest;

import com.bpo.kit.error.ProblemException;
import com.bpo.kit.error.ProblemTypes;
import com.fasterxml.jackson.core.JsonLocation;
import java.net.URI;
import java.util.List;

/** The answers that refuse a batch as a whole; no record of it is taken. */
final class BatchProblems {

    /** More records than the endpoint takes in one request. */
    static final URI BATCH_TOO_LARGE = ProblemTypes.of("batch-too-large");

    private BatchProblems() {}

    static ProblemException tooLarge(int maxRecords) {
        return new ProblemException(
                413,
                BATCH_TOO_LARGE,
                "Batch too large",
                "The batch holds more than " + maxRecords + " records; send at most " + maxRecords
                        + " records per request.",
                List.of());
    }

    static ProblemException empty() {
        return ProblemException.invalid("The batch holds no records.");
    }

    static ProblemException notAnArray() {
        return malformed("The request body must be a JSON array of records (or send " + BatchReader.NDJSON
                + ", one JSON object per line).");
    }

    static ProblemException unparsable(JsonLocation location) {
        return malformed("The request body is not valid JSON" + where(location) + ".");
    }

    static ProblemException contentAfterArray(JsonLocation location) {
        return malformed("The request body holds more than one JSON array" + where(location) + ".");
    }

    static ProblemException unsupportedMediaType() {
        return new ProblemException(
                415,
                ProblemTypes.ABOUT_BLANK,
                "Unsupported Media Type",
                "Send the batch in UTF-8 as application/json (a JSON array of records) or as " + BatchReader.NDJSON
                        + " (one JSON object per line).",
                List.of());
    }

    private static ProblemException malformed(String detail) {
        return new ProblemException(400, ProblemTypes.MALFORMED_REQUEST, "Malformed request", detail, List.of());
    }

    private static String where(JsonLocation location) {
        return location == null ? "" : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }
}
