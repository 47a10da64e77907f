package com.bpo.kit.ingest;

import com.bpo.kit.error.FieldError;
import com.bpo.kit.error.Problem;
import com.bpo.kit.error.ProblemFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Reads a batch of records sent to an ingestion endpoint: a JSON array ({@code application/json}, also when no
 * content type is given) or NDJSON ({@value #NDJSON}, one JSON object per line), in UTF-8.
 *
 * <p>Each record is bound to the record type with the application's {@link ObjectMapper} (unknown properties are
 * ignored, so that senders can move to a newer record shape first) and checked with Bean Validation. A record that
 * does not bind or breaks a constraint becomes a {@link Rejection}; the others are still taken. The body is read as
 * a stream of tokens, record by record, never as a tree of the whole body.
 *
 * <p>The batch as a whole is refused with a {@link com.bpo.kit.error.ProblemException}: 400 when it holds no
 * records, when a JSON body is not an array or its syntax is broken (records can then not be told apart; a broken
 * NDJSON line only rejects that line), 413 when it holds more than the limit, 415 for another content type or
 * charset.
 */
@ApplicationScoped
public class BatchReader {

    /** The media type of newline-delimited JSON: one JSON object per line. */
    public static final String NDJSON = "application/x-ndjson";

    private static final String JSON = "application/json";
    private static final String WHOLE_RECORD = "";

    private final ObjectMapper objectMapper;
    private final Validator validator;
    private final ProblemFactory problems;
    private final ConcurrentMap<Class<?>, ObjectReader> readers = new ConcurrentHashMap<>();
    private final ConcurrentMap<Class<?>, Optional<RecordConstraints>> directChecks = new ConcurrentHashMap<>();

    public BatchReader(ObjectMapper objectMapper, Validator validator) {
        this.objectMapper = objectMapper;
        this.validator = validator;
        // The same field paths and wording as every other 400 of the platform.
        this.problems = new ProblemFactory(objectMapper);
    }

    /**
     * Reads and validates a batch.
     *
     * @param body the request body as sent
     * @param contentType the request's {@code Content-Type}, or {@code null}
     * @param recordType what each record binds to
     * @param maxRecords the most records one request may hold
     * @return the valid lines and the rejections, together as many as the batch held
     * @throws com.bpo.kit.error.ProblemException when the batch as a whole is refused (see the class comment)
     */
    public <T> Batch<T> read(byte[] body, String contentType, Class<T> recordType, int maxRecords) {
        Objects.requireNonNull(recordType, "recordType");
        if (maxRecords < 1) {
            throw new IllegalArgumentException("maxRecords must be at least 1, was " + maxRecords);
        }
        boolean lines = isNdjson(contentType);
        byte[] content = body == null ? new byte[0] : body;
        Records<T> records = new Records<>(
                recordType,
                maxRecords,
                directChecks
                        .computeIfAbsent(recordType, type -> RecordConstraints.of(type, validator))
                        .orElse(null));
        ObjectReader reader = readers.computeIfAbsent(recordType, this::readerFor);
        try {
            if (lines) {
                readLines(content, reader, records);
            } else {
                readArray(content, reader, records);
            }
        } catch (IOException e) {
            // Parsing bytes in memory does no I/O; Jackson's own failures are handled where they occur.
            throw new UncheckedIOException(e);
        }
        if (records.size == 0) {
            throw BatchProblems.empty();
        }
        return new Batch<>(records.lines, records.rejections, records.size);
    }

    private ObjectReader readerFor(Class<?> recordType) {
        return objectMapper
                .readerFor(recordType)
                .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                // Each record is read from a parser that moves on to the next one: trailing tokens are expected.
                .without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /** {@code true} for NDJSON, {@code false} for a JSON array; anything else is refused with 415. */
    static boolean isNdjson(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return false;
        }
        String[] parts = contentType.split(";");
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].trim();
            int equals = parameter.indexOf('=');
            if (equals > 0 && parameter.substring(0, equals).trim().equalsIgnoreCase("charset")) {
                String charset = parameter.substring(equals + 1).trim().replace("\"", "");
                // NDJSON is split on the newline byte, which is safe in UTF-8 only; JSON itself is UTF-8 (RFC 8259).
                if (!charset.equalsIgnoreCase("utf-8") && !charset.equalsIgnoreCase("utf8")) {
                    throw BatchProblems.unsupportedMediaType();
                }
            }
        }
        String type = parts[0].trim().toLowerCase(Locale.ROOT);
        if (type.equals(JSON)) {
            return false;
        }
        if (type.equals(NDJSON)) {
            return true;
        }
        throw BatchProblems.unsupportedMediaType();
    }

    private <T> void readArray(byte[] body, ObjectReader reader, Records<T> records) throws IOException {
        try (JsonParser parser = reader.createParser(body)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return; // an empty body holds no records
            }
            if (first != JsonToken.START_ARRAY) {
                throw BatchProblems.notAnArray();
            }
            JsonStreamContext array = parser.getParsingContext();
            JsonToken token;
            while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
                if (token == null) {
                    throw BatchProblems.unparsable(parser.currentLocation());
                }
                int index = records.next();
                try {
                    records.bound(index, reader.readValue(parser));
                } catch (DatabindException e) {
                    JsonProcessingException syntax = syntaxError(e);
                    if (syntax != null) {
                        throw BatchProblems.unparsable(syntax.getLocation());
                    }
                    records.unbound(index, e);
                    skipRestOfRecord(parser, array);
                }
            }
            if (parser.nextToken() != null) {
                throw BatchProblems.contentAfterArray(parser.currentTokenLocation());
            }
        } catch (JsonProcessingException e) {
            // Binding failures are handled record by record above; this is the body's syntax.
            throw BatchProblems.unparsable(e.getLocation());
        }
    }

    /** After a failed binding the parser may stand inside the record: move to its end, as MappingIterator does. */
    private static void skipRestOfRecord(JsonParser parser, JsonStreamContext array) throws IOException {
        while (parser.getParsingContext() != array) {
            JsonToken token = parser.nextToken();
            if (token == null) {
                throw BatchProblems.unparsable(parser.currentLocation());
            }
        }
    }

    private <T> void readLines(byte[] body, ObjectReader reader, Records<T> records) throws IOException {
        int lineNumber = 0;
        int start = 0;
        while (start < body.length) {
            int end = start;
            while (end < body.length && body[end] != '\n') {
                end++;
            }
            lineNumber++;
            if (!isBlank(body, start, end)) {
                readLine(body, start, end, lineNumber, records.next(), reader, records);
            }
            start = end + 1;
        }
    }

    private <T> void readLine(
            byte[] body, int start, int end, int lineNumber, int index, ObjectReader reader, Records<T> records)
            throws IOException {
        try (JsonParser parser = reader.createParser(body, start, end - start)) {
            T record = reader.readValue(parser);
            if (parser.nextToken() != null) {
                records.reject(Rejection.of(
                        index,
                        WHOLE_RECORD,
                        "line " + lineNumber + " holds more than one JSON value" + column(parser.currentTokenLocation())
                                + "; send one object per line"));
                return;
            }
            records.bound(index, record);
        } catch (DatabindException e) {
            JsonProcessingException syntax = syntaxError(e);
            if (syntax != null) {
                records.reject(notJson(index, lineNumber, syntax));
            } else {
                records.unbound(index, e);
            }
        } catch (JsonProcessingException e) {
            records.reject(notJson(index, lineNumber, e));
        }
    }

    private static Rejection notJson(int index, int lineNumber, JsonProcessingException e) {
        return Rejection.of(index, WHOLE_RECORD, "line " + lineNumber + " is not valid JSON" + column(e.getLocation()));
    }

    private static String column(JsonLocation location) {
        return location == null || location.getColumnNr() < 1 ? "" : " (column " + location.getColumnNr() + ")";
    }

    /**
     * The syntax error behind a binding failure, or {@code null}: Jackson wraps parser errors met inside a property
     * in a {@link DatabindException} that names the property, yet the JSON itself is broken.
     */
    private static JsonProcessingException syntaxError(DatabindException e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonProcessingException processing && !(cause instanceof DatabindException)) {
                return processing;
            }
        }
        return null;
    }

    private static boolean isBlank(byte[] body, int start, int end) {
        for (int i = start; i < end; i++) {
            byte b = body[i];
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    /** Collects the outcome record by record. */
    private final class Records<T> {

        private final Class<T> recordType;
        private final int maxRecords;
        private final RecordConstraints directCheck;
        private final List<BatchLine<T>> lines = new ArrayList<>();
        private final List<Rejection> rejections = new ArrayList<>();
        private int size;

        private Records(Class<T> recordType, int maxRecords, RecordConstraints directCheck) {
            this.recordType = recordType;
            this.maxRecords = maxRecords;
            this.directCheck = directCheck;
        }

        /** The index of the next record; refuses the batch as soon as it holds one record too many. */
        int next() {
            if (size == maxRecords) {
                throw BatchProblems.tooLarge(maxRecords);
            }
            return size++;
        }

        void bound(int index, T record) {
            if (record == null) {
                // JSON null binds to no record at all.
                reject(Rejection.of(index, WHOLE_RECORD, "must be an object"));
                return;
            }
            if (directCheck != null && directCheck.certainlyHold(record)) {
                // Every constraint holds: Bean Validation would find nothing (see RecordConstraints).
                lines.add(new BatchLine<>(index, record));
                return;
            }
            Set<ConstraintViolation<T>> violations = validator.validate(record);
            if (violations.isEmpty()) {
                lines.add(new BatchLine<>(index, record));
            } else {
                reject(new Rejection(index, errorsOf(new ConstraintViolationException(violations))));
            }
        }

        void unbound(int index, DatabindException failure) {
            if (failure instanceof InvalidDefinitionException) {
                // The record type itself cannot be read from JSON: a fault of the service, not of the sender.
                throw new IllegalStateException(
                        recordType.getName() + " cannot be bound from JSON: " + failure.getOriginalMessage(), failure);
            }
            reject(new Rejection(index, errorsOf(failure)));
        }

        void reject(Rejection rejection) {
            rejections.add(rejection);
        }

        private List<FieldError> errorsOf(Exception failure) {
            Problem problem = problems.toProblem(failure, null, null);
            if (problem.errors().isEmpty()) {
                return List.of(FieldError.of(WHOLE_RECORD, "could not be read"));
            }
            return problem.errors().stream()
                    .map(error -> error.field() == null
                            ? new FieldError(WHOLE_RECORD, error.message(), error.rejectedValue())
                            : error)
                    .toList();
        }
    }
}
