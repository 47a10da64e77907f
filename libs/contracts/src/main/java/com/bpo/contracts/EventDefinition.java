package com.bpo.contracts;

/**
 * What the catalog knows about one event type.
 *
 * @param type the {@code ce_type}
 * @param topic the topic events of this type are published to
 * @param payloadType the record the JSON payload maps to
 * @param schemaResource the class-path resource of the payload's JSON Schema
 */
public record EventDefinition(
        String type, String topic, Class<? extends EventPayload> payloadType, String schemaResource) {

    /** Folder of the schema resources; each is named {@code <ce_type>.json}. */
    public static final String SCHEMA_FOLDER = "/com/bpo/contracts/schemas/";

    static EventDefinition of(String type, String topic, Class<? extends EventPayload> payloadType) {
        return new EventDefinition(type, topic, payloadType, SCHEMA_FOLDER + type + ".json");
    }
}
