package com.bpo.agent.customer;

import com.bpo.kit.pii.PiiMasking;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The personal data of a customer profile. Each field has its name in the API and in the audit events
 * ({@code buyerNick}), the PII field name that is bound into its ciphertext as associated data ({@code buyer-nick}),
 * and its masked form.
 */
public enum CustomerField {
    NAME("name", "name", 100, PiiMasking::maskName),
    PHONE("phone", "phone", 32, PiiMasking::maskPhone),
    ADDRESS("address", "address", 300, PiiMasking::maskAddress),
    BUYER_NICK("buyerNick", "buyer-nick", 64, PiiMasking::maskBuyerNick);

    /** The API names, for Bean Validation of requests that name fields. */
    public static final String API_NAME_PATTERN = "name|phone|address|buyerNick";

    public static final String API_NAME_MESSAGE = "must be one of name, phone, address, buyerNick";

    private final String apiName;
    private final String piiField;
    private final int maxLength;
    private final UnaryOperator<String> masking;

    CustomerField(String apiName, String piiField, int maxLength, UnaryOperator<String> masking) {
        this.apiName = apiName;
        this.piiField = piiField;
        this.maxLength = maxLength;
        this.masking = masking;
    }

    /** The name in request and response bodies and in {@code PiiAccessed.fields}. */
    public String apiName() {
        return apiName;
    }

    /** The field name the value is encrypted under (GCM associated data, with the brand). */
    public String piiField() {
        return piiField;
    }

    /** The longest value accepted, in code points. */
    public int maxLength() {
        return maxLength;
    }

    /** The masked form of a clear value; {@code null} stays {@code null}. */
    public String mask(String clear) {
        return masking.apply(clear);
    }

    public static Optional<CustomerField> ofApiName(String apiName) {
        return Arrays.stream(values())
                .filter(field -> field.apiName.equals(apiName))
                .findFirst();
    }
}
