package com.bpo.kit.ingest;

import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.validation.groups.Default;
import jakarta.validation.metadata.BeanDescriptor;
import jakarta.validation.metadata.ConstraintDescriptor;
import jakarta.validation.metadata.PropertyDescriptor;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The Bean Validation constraints of a record type whose constraints are all simple ones ({@code @NotNull},
 * {@code @NotBlank}, and {@code @Size} of text) in the default group, checked directly on its components.
 *
 * <p>It only ever says that a record certainly passes: {@link #certainlyHold} is {@code true} when every constraint
 * holds, and {@code false} when one fails or the check cannot tell (then Bean Validation decides and words the
 * rejection). Bean Validation costs about 5 µs for a chat record, more than binding it from JSON; valid records are
 * the rule, so most never reach it. Any other constraint, a class-level one, cascading or a constraint on a
 * container element, leaves the type to Bean Validation alone.
 */
final class RecordConstraints {

    private final List<Predicate<Object>> checks;

    private RecordConstraints(List<Predicate<Object>> checks) {
        this.checks = List.copyOf(checks);
    }

    /** The direct check of {@code type}'s constraints as {@code validator} describes them, if all are simple. */
    static Optional<RecordConstraints> of(Class<?> type, Validator validator) {
        if (!type.isRecord()) {
            return Optional.empty();
        }
        BeanDescriptor bean = validator.getConstraintsForClass(type);
        if (!bean.getConstraintDescriptors().isEmpty()) {
            return Optional.empty();
        }
        List<Predicate<Object>> checks = new ArrayList<>();
        Set<String> checked = new HashSet<>();
        for (RecordComponent component : type.getRecordComponents()) {
            PropertyDescriptor property = bean.getConstraintsForProperty(component.getName());
            if (property == null) {
                continue;
            }
            if (property.isCascaded()
                    || !property.getConstrainedContainerElementTypes().isEmpty()) {
                return Optional.empty();
            }
            Method accessor = component.getAccessor();
            accessor.setAccessible(true);
            for (ConstraintDescriptor<?> constraint : property.getConstraintDescriptors()) {
                Predicate<Object> check = check(constraint, component.getType());
                if (check == null) {
                    return Optional.empty();
                }
                checks.add(record -> check.test(value(accessor, record)));
            }
            checked.add(component.getName());
        }
        for (PropertyDescriptor property : bean.getConstrainedProperties()) {
            if (!checked.contains(property.getPropertyName())) {
                return Optional.empty(); // constrained in a way the components do not show
            }
        }
        return Optional.of(new RecordConstraints(checks));
    }

    /** {@code true} only if every constraint certainly holds for {@code record}. */
    boolean certainlyHold(Object record) {
        for (Predicate<Object> check : checks) {
            if (!check.test(record)) {
                return false;
            }
        }
        return true;
    }

    private static Predicate<Object> check(ConstraintDescriptor<?> constraint, Class<?> valueType) {
        if (!constraint.getGroups().equals(Set.of(Default.class))
                || !constraint.getComposingConstraints().isEmpty()) {
            return null;
        }
        Annotation annotation = constraint.getAnnotation();
        if (annotation instanceof NotNull) {
            return value -> value != null;
        }
        if (annotation instanceof NotBlank && CharSequence.class.isAssignableFrom(valueType)) {
            return value -> value instanceof CharSequence text && hasVisibleCharacter(text);
        }
        if (annotation instanceof Size size && CharSequence.class.isAssignableFrom(valueType)) {
            int min = size.min();
            int max = size.max();
            return value ->
                    value == null || (((CharSequence) value).length() >= min && ((CharSequence) value).length() <= max);
        }
        return null;
    }

    /**
     * Whether the text has a character that makes it non-blank under any reading of "blank": above the control range
     * that {@code String.trim()} drops, and not Unicode white space. Text made only of unusual white space is left to
     * Bean Validation.
     */
    private static boolean hasVisibleCharacter(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c > ' ' && !Character.isWhitespace(c) && !Character.isSpaceChar(c)) {
                return true;
            }
        }
        return false;
    }

    private static Object value(Method accessor, Object record) {
        try {
            return accessor.invoke(record);
        } catch (ReflectiveOperationException e) {
            // A record's public accessor that cannot be called is a fault of the service, not of the sender.
            throw new IllegalStateException("cannot read " + accessor + " of a batch record", e);
        }
    }
}
