package com.bpo.agent.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bpo.kit.error.FieldError;
import com.bpo.kit.error.ProblemException;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CustomerRulesTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "13812345678",
                "138 1234 5678",
                "138-1234-5678",
                "+8613812345678",
                "+86 138 1234 5678",
                "008613812345678",
                "19912345678",
                "021-12345678",
                "(021) 1234 5678",
                "010-8888888",
                "0571-88886666",
                "057188886666",
                "+85291234567",
                "+1 (415) 555-0100",
                "+44 20 7946 0958"
            })
    void acceptsMainlandAndInternationalNumbers(String phone) {
        assertThat(CustomerRules.isPhoneNumber(phone)).isTrue();
        assertThat(CustomerRules.problemWith(CustomerField.PHONE, phone)).isNull();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "424242",
                "12812345678",
                "1381234567",
                "138123456789",
                "021-0123456",
                "0210-1234",
                "+0123456789",
                "+1234567890123456",
                "8613812345678x",
                "phone: 13812345678",
                "１３８１２３４５６７８",
                "+",
                "13812345678 ext 12",
                "--"
            })
    void rejectsOtherShapes(String phone) {
        assertThat(CustomerRules.isPhoneNumber(phone)).isFalse();
        assertThat(CustomerRules.problemWith(CustomerField.PHONE, phone)).startsWith("must be a mainland mobile");
    }

    @Test
    void limitsLengthInCharactersNotBytes() {
        assertThat(CustomerRules.problemWith(CustomerField.NAME, "张".repeat(100)))
                .isNull();
        assertThat(CustomerRules.problemWith(CustomerField.NAME, "张".repeat(101)))
                .isEqualTo("must be at most 100 characters");
        assertThat(CustomerRules.problemWith(CustomerField.NAME, "𠀀".repeat(100)))
                .isNull();
        assertThat(CustomerRules.problemWith(CustomerField.ADDRESS, "路".repeat(301)))
                .contains("300");
        assertThat(CustomerRules.problemWith(CustomerField.BUYER_NICK, "n".repeat(64)))
                .isNull();
        assertThat(CustomerRules.problemWith(CustomerField.BUYER_NICK, "n".repeat(65)))
                .contains("64");
    }

    @Test
    void rejectsBlankValuesAndControlCharacters() {
        assertThat(CustomerRules.problemWith(CustomerField.NAME, "")).startsWith("must not be blank");
        assertThat(CustomerRules.problemWith(CustomerField.NAME, " \t ")).startsWith("must not be blank");
        assertThat(CustomerRules.problemWith(CustomerField.ADDRESS, "北京市\n朝阳区")).contains("control characters");
        assertThat(CustomerRules.problemWith(CustomerField.BUYER_NICK, "nick\u0000"))
                .contains("control characters");
        assertThat(CustomerRules.problemWith(CustomerField.NAME, "阿依古丽·买买提")).isNull();
    }

    @Test
    void everyWrongFieldIsNamedWithoutItsValue() {
        Map<CustomerField, String> values = new EnumMap<>(CustomerField.class);
        values.put(CustomerField.NAME, "张三");
        values.put(CustomerField.PHONE, "424242");
        values.put(CustomerField.BUYER_NICK, " ");

        assertThatThrownBy(() -> CustomerRules.check(values))
                .isInstanceOfSatisfying(ProblemException.class, problem -> {
                    assertThat(problem.status()).isEqualTo(400);
                    assertThat(problem.errors()).extracting(FieldError::field).containsExactly("phone", "buyerNick");
                    assertThat(problem.errors())
                            .extracting(FieldError::rejectedValue)
                            .containsOnlyNulls();
                    assertThat(problem.errors()).extracting(FieldError::message).noneMatch(m -> m.contains("424242"));
                });
    }

    @Test
    void aProfileNeedsAtLeastOneField() {
        assertThatThrownBy(() -> CustomerRules.check(Map.of()))
                .isInstanceOfSatisfying(ProblemException.class, problem -> assertThat(problem.errors())
                        .extracting(FieldError::field)
                        .containsExactly("name", "phone", "address", "buyerNick"));
        CustomerRules.check(Map.of(CustomerField.BUYER_NICK, "tb123"));
    }
}
