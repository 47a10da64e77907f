package com.bpo.kit.ingest;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.constraints.NotNull;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Instant;

/** A record with rules of the whole record: a constraint on its type and a check in its constructor. */
@ServiceWindow.Ordered
public record ServiceWindow(@NotNull Instant opensAt, @NotNull Instant closesAt, int breakMinutes) {

    public ServiceWindow {
        if (breakMinutes < 0) {
            throw new IllegalArgumentException("breakMinutes must not be negative");
        }
    }

    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @Constraint(validatedBy = OrderedValidator.class)
    public @interface Ordered {
        String message() default "must close after it opens";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    public static class OrderedValidator implements ConstraintValidator<Ordered, ServiceWindow> {
        @Override
        public boolean isValid(ServiceWindow window, ConstraintValidatorContext context) {
            return window.opensAt() == null
                    || window.closesAt() == null
                    || window.closesAt().isAfter(window.opensAt());
        }
    }
}
