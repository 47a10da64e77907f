package com.bpo.agent.chat;

import com.bpo.contracts.EventEnvelope;
import com.bpo.contracts.EventIds;
import com.bpo.contracts.Topics;
import com.bpo.kit.messaging.CloudEventRecords;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The original text of a message whose published text was redacted, encrypted with the brand's key. It travels on the
 * internal topic {@link Topics#AGENT_MESSAGE_ORIGINALS} as a CloudEvent of a type no other service knows, keyed by
 * conversation like the message itself, so that the ingestion can answer once the original is durable too.
 */
public record MessageOriginal(String brandId, String messageId, String conversationId, byte[] textCiphertext) {

    /** The CloudEvents type; deliberately outside the contracts' catalog: nobody but agent-service reads it. */
    public static final String TYPE = "bpo.agent.message-original.v1";

    /** The PII field name the text is encrypted under (bound into the ciphertext). */
    public static final String TEXT_FIELD = "message-text";

    private static final ObjectMapper JSON = new ObjectMapper();

    ProducerRecord<String, byte[]> toRecord(String source, Instant sentAt) {
        byte[] json;
        try {
            json = JSON.writeValueAsBytes(this);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String id = EventIds.forFact(TYPE, brandId, messageId);
        EventEnvelope envelope = new EventEnvelope(id, TYPE, source, sentAt, conversationId, brandId, null, json);
        return CloudEventRecords.toRecord(Topics.AGENT_MESSAGE_ORIGINALS, conversationId, envelope, Map.of());
    }

    static MessageOriginal fromJson(byte[] json) {
        try {
            MessageOriginal original = JSON.readValue(json, MessageOriginal.class);
            if (original.brandId == null || original.messageId == null || original.textCiphertext == null) {
                throw new IllegalArgumentException("a message original needs brandId, messageId and textCiphertext");
            }
            return original;
        } catch (IOException e) {
            throw new IllegalArgumentException("not a message original: " + e.getMessage(), e);
        }
    }
}
