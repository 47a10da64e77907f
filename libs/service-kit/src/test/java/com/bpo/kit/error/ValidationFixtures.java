package com.bpo.kit.error;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.QueryParam;
import java.lang.reflect.Method;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.jboss.resteasy.reactive.RestQuery;

/** Real Bean Validation violations and Jackson failures for the mapping tests, without Quarkus. */
final class ValidationFixtures {

    static final Validator VALIDATOR = Validation.byProvider(HibernateValidator.class)
            .configure()
            .messageInterpolator(new ParameterMessageInterpolator())
            .buildValidatorFactory()
            .getValidator();

    private ValidationFixtures() {}

    static ObjectMapper objectMapper() {
        return new ObjectMapper().registerModule(new JavaTimeModule());
    }

    record TicketRequest(
            @NotBlank String brandId,
            @NotEmpty List<@Valid Item> items,
            List<@NotBlank String> tags,
            Map<String, @NotBlank String> attributes,
            @JsonProperty("customer_name") @NotBlank String customerName) {}

    record Item(@NotBlank String text, @NotNull Instant sentAt, int quantity) {}

    enum Channel {
        TMALL,
        JD
    }

    record Order(Channel channel, Instant placedAt, int quantity) {}

    /** Stands in for a REST resource: method validation gives paths like {@code create.request.items[1].sentAt}. */
    static class TicketResource {

        public void create(@Valid @NotNull TicketRequest request) {}

        public void search(
                @QueryParam("page_size") @Max(100) int pageSize,
                @RestQuery @Size(max = 5) String q,
                @HeaderParam("X-Brand-Id") @NotBlank String brandId) {}

        public void importItems(List<@Valid Item> items) {}

        @NotNull
        public String describe() {
            return null;
        }
    }

    static Set<ConstraintViolation<TicketResource>> parameterViolations(String methodName, Object... arguments) {
        Method method = Arrays.stream(TicketResource.class.getMethods())
                .filter(candidate -> candidate.getName().equals(methodName))
                .findFirst()
                .orElseThrow();
        return VALIDATOR.forExecutables().validateParameters(new TicketResource(), method, arguments);
    }

    static ConstraintViolationException violationsOf(String methodName, Object... arguments) {
        return new ConstraintViolationException(Set.copyOf(parameterViolations(methodName, arguments)));
    }

    static TicketRequest validRequest() {
        return new TicketRequest(
                "brand-1",
                List.of(new Item("hello", Instant.parse("2026-11-23T10:15:30Z"), 1)),
                List.of("vip"),
                Map.of("color", "red"),
                "张三");
    }
}
