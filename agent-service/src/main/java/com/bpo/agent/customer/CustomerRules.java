package com.bpo.agent.customer;

import com.bpo.kit.error.FieldError;
import com.bpo.kit.error.ProblemException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks the personal data of a profile before it is stored. Bean Validation would echo a rejected value in the
 * problem answer; for personal data the answer names the field and the rule only, so a wrong phone number never
 * travels back through gateways and their logs.
 */
final class CustomerRules {

    /** Only digits, spaces, dashes and parentheses, after an optional leading {@code +}. */
    private static final Pattern PHONE_CHARACTERS = Pattern.compile("\\+?[0-9(][0-9 ()-]*");

    private static final Pattern PHONE_SEPARATORS = Pattern.compile("[ ()-]");

    /** A mainland mobile number, optionally with the country code: {@code 13812345678}, {@code +8613812345678}. */
    private static final Pattern MAINLAND_MOBILE = Pattern.compile("(?:\\+86|0086)?1[3-9][0-9]{9}");

    /** A mainland landline: area code 010, 02x or 0xxx, then a local number of 7 or 8 digits not starting 0 or 1. */
    private static final Pattern MAINLAND_LANDLINE = Pattern.compile("0[1-9][0-9]{1,2}[2-9][0-9]{6,7}");

    /** E.164: {@code +}, a country code not starting with 0, at most 15 digits in all. */
    private static final Pattern INTERNATIONAL = Pattern.compile("\\+[1-9][0-9]{6,14}");

    private static final String AT_LEAST_ONE = "at least one of name, phone, address, buyerNick is required";

    private CustomerRules() {}

    /**
     * Checks every given field and that at least one is given.
     *
     * @throws ProblemException 400 naming every wrong field, without its value
     */
    static void check(Map<CustomerField, String> values) {
        if (values.isEmpty()) {
            throw ProblemException.invalid(
                    "A customer profile needs at least one field",
                    Arrays.stream(CustomerField.values())
                            .map(field -> FieldError.of(field.apiName(), AT_LEAST_ONE))
                            .toArray(FieldError[]::new));
        }
        List<FieldError> errors = new ArrayList<>();
        values.forEach((field, value) -> {
            String problem = problemWith(field, value);
            if (problem != null) {
                errors.add(FieldError.of(field.apiName(), problem));
            }
        });
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(
                    errors.size() == 1 ? "1 field is invalid." : errors.size() + " fields are invalid.",
                    errors.toArray(FieldError[]::new));
        }
    }

    /** What is wrong with {@code value} as {@code field}, or {@code null} when it may be stored. */
    static String problemWith(CustomerField field, String value) {
        if (value.isBlank()) {
            return "must not be blank; leave the field out to remove it";
        }
        if (value.codePoints().anyMatch(Character::isISOControl)) {
            return "must be one line without control characters";
        }
        if (value.strip().codePointCount(0, value.strip().length()) > field.maxLength()) {
            return "must be at most " + field.maxLength() + " characters";
        }
        if (field == CustomerField.PHONE && !isPhoneNumber(value.strip())) {
            return "must be a mainland mobile (13812345678) or landline (021-12345678) number, or an international"
                    + " number starting with + (+85291234567)";
        }
        return null;
    }

    static boolean isPhoneNumber(String phone) {
        if (!PHONE_CHARACTERS.matcher(phone).matches()) {
            return false;
        }
        String digits = PHONE_SEPARATORS.matcher(phone).replaceAll("");
        return MAINLAND_MOBILE.matcher(digits).matches()
                || MAINLAND_LANDLINE.matcher(digits).matches()
                || INTERNATIONAL.matcher(digits).matches();
    }
}
