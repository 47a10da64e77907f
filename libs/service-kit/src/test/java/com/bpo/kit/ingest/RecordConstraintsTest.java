package com.bpo.kit.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

class RecordConstraintsTest {

    /** Only simple constraints: checked directly. */
    record Message(
            @NotBlank @Size(max = 8) String id,
            @NotNull ChatLine.Sender sender,
            @Size(min = 2, max = 5) String agentId,
            @NotNull @Size(max = 12) String text,
            @NotNull Instant sentAt) {}

    record WithEmail(@NotBlank @Email String address) {}

    private static final String[] TEXTS = {
        null,
        "",
        " ",
        "\t\n",
        "\u2003",
        "\u00a0",
        "\u3000",
        "\u0085",
        "a",
        " a ",
        "粽",
        "😀",
        "12345678",
        "123456789",
        "abcde",
        "abcdef",
        "x".repeat(12),
        "x".repeat(13),
        "\u2003x"
    };

    private final Validator validator = Validation.byProvider(HibernateValidator.class)
            .configure()
            .messageInterpolator(new ParameterMessageInterpolator())
            .buildValidatorFactory()
            .getValidator();

    @Test
    void aRecordTheDirectCheckPassesHasNoViolationAndTypicalRecordsPassIt() {
        RecordConstraints constraints =
                RecordConstraints.of(Message.class, validator).orElseThrow();
        SplittableRandom random = new SplittableRandom(11);
        List<String> wronglyPassed = new ArrayList<>();
        int passed = 0;
        int violating = 0;
        for (int i = 0; i < 20_000; i++) {
            Message message = new Message(
                    pick(random),
                    random.nextInt(5) == 0 ? null : ChatLine.Sender.AGENT,
                    pick(random),
                    pick(random),
                    random.nextInt(5) == 0 ? null : Instant.EPOCH);
            boolean valid = validator.validate(message).isEmpty();
            if (constraints.certainlyHold(message)) {
                passed++;
                if (!valid) {
                    wronglyPassed.add(message.toString());
                }
            }
            if (!valid) {
                violating++;
            }
        }

        assertThat(wronglyPassed).isEmpty();
        assertThat(passed).isPositive();
        assertThat(violating).isPositive();
        assertThat(constraints.certainlyHold(new Message("m-1", ChatLine.Sender.BOT, null, "hello", Instant.EPOCH)))
                .isTrue();
    }

    @Test
    void typesWithOtherConstraintsOrCascadesAreLeftToBeanValidation() {
        assertThat(RecordConstraints.of(WithEmail.class, validator)).isEmpty();
        assertThat(RecordConstraints.of(ChatLine.class, validator)).isEmpty();
        assertThat(RecordConstraints.of(String.class, validator)).isEmpty();
    }

    private static String pick(SplittableRandom random) {
        return TEXTS[random.nextInt(TEXTS.length)];
    }
}
