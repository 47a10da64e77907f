package com.bpo.kit.consumer;

import com.bpo.contracts.EventDefinition;
import com.bpo.contracts.EventEnvelope;
import com.bpo.contracts.EventJson;
import com.bpo.contracts.EventPayload;
import com.bpo.contracts.EventTypes;
import com.bpo.kit.messaging.CloudEventRecords;
import com.bpo.kit.messaging.IncomingEvent;
import com.bpo.kit.messaging.IncomingEvents;
import com.bpo.kit.messaging.UnreadableEventException;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Reads events of a topic the service produced itself, where every payload was checked against its schema before it
 * was written: the CloudEvent attributes are read and the payload parsed, but not checked against the schema again
 * (the check costs more than the parsing). Any other topic is read with {@link IncomingEvents#read}.
 */
public final class TrustedEvents {

    private TrustedEvents() {}

    /**
     * Reads the event of a consumed record without the schema check.
     *
     * @throws UnreadableEventException if the record is not a CloudEvent, or its payload does not parse into the
     *     record of its type
     */
    public static IncomingEvent read(ConsumerRecord<String, byte[]> record) {
        try {
            EventEnvelope envelope = CloudEventRecords.fromRecord(record.headers(), record.value());
            Optional<EventDefinition> definition = EventTypes.find(envelope.type());
            EventPayload payload = definition.isEmpty()
                    ? null
                    : EventJson.fromBytes(record.value(), definition.get().payloadType());
            return new IncomingEvent(
                    envelope, payload, record.key(), record.topic(), record.partition(), record.offset());
        } catch (IllegalArgumentException e) {
            // Malformed headers, a tombstone and JSON of the wrong shape all land here, as in IncomingEvents.
            throw new UnreadableEventException(record.topic() + "/" + record.partition() + "@" + record.offset(), e);
        }
    }
}
