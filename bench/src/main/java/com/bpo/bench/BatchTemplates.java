package com.bpo.bench;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Request bodies prepared before the load starts, so that the load generator spends its CPU on sending, not on
 * writing JSON. A run needs more unique messages than fit in memory as bodies (tens of millions of bytes per second),
 * so the bodies are templates: every message and conversation id contains a six-digit cycle number, and
 * {@link #body(long, long)} copies template {@code n mod size} and writes cycle {@code n / size} into it. Every
 * request body of a run therefore carries new ids, conversations included; only the texts repeat.
 *
 * <p>{@code sentAt} is stamped when the body is sent: the send time plus one microsecond per record, as a brand's
 * system forwarding its messages as they happen would send them (in order within the batch). Pre-dated messages would
 * look like conversations idle for longer than the service's idle timeout, which it closes while the load runs.
 */
final class BatchTemplates {

    /** Stands for the cycle number in ids while a template is written; never part of a text. */
    static final String CYCLE_MARK = "~~~~~~";

    static final int CYCLE_DIGITS = CYCLE_MARK.length();
    static final long MAX_CYCLES = 1_000_000;

    /** {@code sentAt} as written into bodies: always 27 characters, so that it can be overwritten in place. */
    static final DateTimeFormatter SENT_AT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private static final int SENT_AT_LENGTH = 27;
    private static final byte[] SENT_AT_FIELD = "\"sentAt\":\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte MARK = '~';
    private static final JsonFactory JSON = new JsonFactory();

    private final List<byte[]> bodies;
    private final List<int[]> cycleOffsets;
    private final List<int[]> sentAtOffsets;
    private final int recordsPerBody;
    private final boolean ndjson;

    private BatchTemplates(
            List<byte[]> bodies,
            List<int[]> cycleOffsets,
            List<int[]> sentAtOffsets,
            int recordsPerBody,
            boolean ndjson) {
        this.bodies = bodies;
        this.cycleOffsets = cycleOffsets;
        this.sentAtOffsets = sentAtOffsets;
        this.recordsPerBody = recordsPerBody;
        this.ndjson = ndjson;
    }

    /**
     * Writes {@code count} bodies of {@code recordsPerBody} messages each from {@code traffic}, whose id prefix must
     * contain {@link #CYCLE_MARK}.
     */
    static BatchTemplates write(ChatTraffic traffic, int count, int recordsPerBody, boolean ndjson) {
        List<byte[]> bodies = new ArrayList<>(count);
        List<int[]> cycles = new ArrayList<>(count);
        List<int[]> sentAts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            byte[] body = encode(traffic.next(recordsPerBody), ndjson);
            int[] marks = markOffsets(body);
            // Each message has the mark in its message id and in its conversation id.
            if (marks.length != 2 * recordsPerBody) {
                throw new IllegalStateException("expected " + 2 * recordsPerBody + " cycle marks in a body, found "
                        + marks.length + "; the id prefix must contain " + CYCLE_MARK);
            }
            bodies.add(body);
            cycles.add(marks);
            sentAts.add(sentAtOffsets(body, recordsPerBody));
        }
        return new BatchTemplates(
                List.copyOf(bodies), List.copyOf(cycles), List.copyOf(sentAts), recordsPerBody, ndjson);
    }

    /**
     * The request body with sequence number {@code sequence} (0, 1, 2, ...), with ids unique to that sequence and
     * record {@code i} sent at {@code sentAtMicros + i} microseconds since the epoch.
     */
    byte[] body(long sequence, long sentAtMicros) {
        int template = (int) (sequence % bodies.size());
        long cycle = sequence / bodies.size();
        if (cycle >= MAX_CYCLES) {
            throw new IllegalStateException("more than " + MAX_CYCLES + " cycles of " + bodies.size() + " bodies");
        }
        byte[] body = Arrays.copyOf(bodies.get(template), bodies.get(template).length);
        byte[] digits = cycleDigits(cycle);
        for (int offset : cycleOffsets.get(template)) {
            System.arraycopy(digits, 0, body, offset, CYCLE_DIGITS);
        }
        stampSentAt(body, sentAtOffsets.get(template), sentAtMicros);
        return body;
    }

    private static void stampSentAt(byte[] body, int[] offsets, long firstMicros) {
        long second = Long.MIN_VALUE;
        byte[] dateTime = null;
        for (int i = 0; i < offsets.length; i++) {
            long micros = firstMicros + i;
            long epochSecond = Math.floorDiv(micros, 1_000_000L);
            if (epochSecond != second) {
                second = epochSecond;
                dateTime = SENT_AT.format(Instant.ofEpochSecond(epochSecond)).getBytes(StandardCharsets.US_ASCII);
            }
            // The date and time to the second come from the formatter; the six fraction digits are written here.
            System.arraycopy(dateTime, 0, body, offsets[i], 20);
            long fraction = Math.floorMod(micros, 1_000_000L);
            for (int digit = 25; digit >= 20; digit--) {
                body[offsets[i] + digit] = (byte) ('0' + fraction % 10);
                fraction /= 10;
            }
            body[offsets[i] + 26] = 'Z';
        }
    }

    int size() {
        return bodies.size();
    }

    int recordsPerBody() {
        return recordsPerBody;
    }

    String contentType() {
        return ndjson ? "application/x-ndjson" : "application/json";
    }

    /** Average body size in bytes. */
    double averageBodyBytes() {
        return bodies.stream().mapToInt(body -> body.length).average().orElse(0);
    }

    static byte[] encode(List<ChatMessage> messages, boolean ndjson) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(messages.size() * 400);
        try (JsonGenerator json = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            if (!ndjson) {
                json.writeStartArray();
            }
            for (ChatMessage message : messages) {
                json.writeStartObject();
                json.writeStringField("messageId", message.messageId());
                json.writeStringField("conversationId", message.conversationId());
                json.writeStringField("shopId", message.shopId());
                json.writeStringField("customerId", message.customerId());
                json.writeStringField("sender", message.sender().name());
                if (message.agentId() != null) {
                    json.writeStringField("agentId", message.agentId());
                }
                json.writeStringField("sentAt", SENT_AT.format(message.sentAt()));
                json.writeStringField("text", message.text());
                json.writeEndObject();
                if (ndjson) {
                    json.writeRaw('\n');
                }
            }
            if (!ndjson) {
                json.writeEndArray();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a request body", e);
        }
        return out.toByteArray();
    }

    private static int[] markOffsets(byte[] body) {
        List<Integer> offsets = new ArrayList<>();
        int run = 0;
        for (int i = 0; i < body.length; i++) {
            run = body[i] == MARK ? run + 1 : 0;
            if (run == CYCLE_DIGITS) {
                offsets.add(i - CYCLE_DIGITS + 1);
                run = 0;
            }
        }
        return offsets.stream().mapToInt(Integer::intValue).toArray();
    }

    private static int[] sentAtOffsets(byte[] body, int records) {
        int[] offsets = new int[records];
        int found = 0;
        for (int i = 0; i + SENT_AT_FIELD.length <= body.length && found < records; i++) {
            if (body[i] == SENT_AT_FIELD[0]
                    && Arrays.equals(body, i, i + SENT_AT_FIELD.length, SENT_AT_FIELD, 0, SENT_AT_FIELD.length)) {
                offsets[found++] = i + SENT_AT_FIELD.length;
                i += SENT_AT_FIELD.length + SENT_AT_LENGTH;
            }
        }
        if (found != records) {
            throw new IllegalStateException("expected " + records + " sentAt fields in a body, found " + found);
        }
        return offsets;
    }

    private static byte[] cycleDigits(long cycle) {
        String digits = String.valueOf(cycle);
        return ("0".repeat(CYCLE_DIGITS - digits.length()) + digits).getBytes(StandardCharsets.US_ASCII);
    }
}
