package com.bpo.contracts;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.math.BigDecimal;

/**
 * Writes a money amount as an exact decimal string in plain notation ({@code "1000"}, never {@code "1E+3"}), whatever
 * the generator's settings; a string survives every JSON parser, where a number may be read as a {@code double}.
 */
public final class DecimalStringSerializer extends StdSerializer<BigDecimal> {

    private static final long serialVersionUID = 1L;

    public DecimalStringSerializer() {
        super(BigDecimal.class);
    }

    @Override
    public void serialize(BigDecimal value, JsonGenerator generator, SerializerProvider provider) throws IOException {
        generator.writeString(value.toPlainString());
    }
}
