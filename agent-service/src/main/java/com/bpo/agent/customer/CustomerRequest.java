package com.bpo.agent.customer;

import jakarta.validation.constraints.PositiveOrZero;
import java.util.EnumMap;
import java.util.Map;

/**
 * A customer profile as a brand's system sends it. A PUT replaces the whole profile: a field left out is removed.
 * At least one field is required; the values are checked by {@link CustomerRules}, which never echoes them.
 *
 * @param phone a mainland mobile or landline number, or an international number starting with {@code +}
 * @param buyerNick the customer's nick on the marketplace
 * @param version the version the client read; a replace of a newer version is refused
 */
public record CustomerRequest(
        String name, String phone, String address, String buyerNick, @PositiveOrZero Long version) {

    /** The given fields, as sent. */
    Map<CustomerField, String> values() {
        Map<CustomerField, String> values = new EnumMap<>(CustomerField.class);
        put(values, CustomerField.NAME, name);
        put(values, CustomerField.PHONE, phone);
        put(values, CustomerField.ADDRESS, address);
        put(values, CustomerField.BUYER_NICK, buyerNick);
        return values;
    }

    private static void put(Map<CustomerField, String> values, CustomerField field, String value) {
        if (value != null) {
            values.put(field, value);
        }
    }
}
