package com.bpo.analytics.commerce;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;

/**
 * Binds only a JSON integer. Jackson's default would turn {@code 4.5} into 4 and {@code "4"} into 4, taking a score
 * the sender did not mean; anything but an integer token is answered "must be an integer". Range checks stay with
 * Bean Validation, so a long is bound and {@code @Max} names the limit.
 */
final class WholeNumber extends StdDeserializer<Long> {

    WholeNumber() {
        super(Long.class);
    }

    @Override
    public Long deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (parser.currentToken() == JsonToken.VALUE_NUMBER_INT
                && parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
            return parser.getLongValue();
        }
        return (Long) context.handleUnexpectedToken(Long.class, parser);
    }
}
