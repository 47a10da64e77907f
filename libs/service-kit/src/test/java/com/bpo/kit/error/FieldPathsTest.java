package com.bpo.kit.error;

import static com.bpo.kit.error.ValidationFixtures.VALIDATOR;
import static com.bpo.kit.error.ValidationFixtures.parameterViolations;
import static com.bpo.kit.error.ValidationFixtures.validRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.bpo.kit.error.ValidationFixtures.Item;
import com.bpo.kit.error.ValidationFixtures.TicketRequest;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.ConstraintViolation;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FieldPathsTest {

    private final FieldPaths fieldPaths = new FieldPaths(ValidationFixtures.objectMapper());

    @Test
    void methodAndParameterPrefixIsStripped() {
        TicketRequest request = new TicketRequest(" ", List.of(new Item("hi", Instant.EPOCH, 1)), null, null, "张三");

        assertThat(fields(parameterViolations("create", request))).containsExactly("brandId");
    }

    @Test
    void nestedListElementIsNamedWithItsIndex() {
        List<Item> items = List.of(
                new Item("first", Instant.EPOCH, 1),
                new Item("second", Instant.EPOCH, 1),
                new Item("third", Instant.EPOCH, 1),
                new Item("fourth", null, 1));
        TicketRequest request = new TicketRequest("brand-1", items, null, null, "张三");

        assertThat(fields(parameterViolations("create", request))).containsExactly("items[3].sentAt");
    }

    @Test
    void containerElementConstraintIsNamedWithItsIndex() {
        TicketRequest request = new TicketRequest("brand-1", validRequest().items(), List.of("vip", " "), null, "张三");

        assertThat(fields(parameterViolations("create", request))).containsExactly("tags[1]");
    }

    @Test
    void mapValueIsNamedWithItsKey() {
        Map<String, String> attributes = new HashMap<>();
        attributes.put("color", "");
        TicketRequest request = new TicketRequest("brand-1", validRequest().items(), null, attributes, "张三");

        assertThat(fields(parameterViolations("create", request))).containsExactly("attributes.color");
    }

    @Test
    void propertyIsNamedAsInJsonNotAsInJava() {
        TicketRequest request = new TicketRequest("brand-1", validRequest().items(), null, null, "");

        assertThat(fields(parameterViolations("create", request))).containsExactly("customer_name");
    }

    @Test
    void bodyParameterThatIsArrayStartsWithTheIndex() {
        List<Item> items = List.of(new Item("ok", Instant.EPOCH, 1), new Item("", Instant.EPOCH, 1));

        assertThat(fields(parameterViolations("importItems", items))).containsExactly("[1].text");
    }

    @Test
    void missingBodyConcernsNoSingleField() {
        assertThat(fields(parameterViolations("create", (Object) null))).containsExactly((String) null);
    }

    @Test
    void httpParametersAreNamedAsOnTheWire() {
        assertThat(fields(parameterViolations("search", 1000, "too long", " ")))
                .containsExactlyInAnyOrder("page_size", "q", "X-Brand-Id");
    }

    @Test
    void beanValidatedDirectlyIsNamedFromItsRoot() {
        TicketRequest request = new TicketRequest("brand-1", List.of(new Item("", Instant.EPOCH, 1)), null, null, "x");

        assertThat(fields(VALIDATOR.validate(request))).containsExactly("items[0].text");
    }

    @Test
    void jsonPathNamesFieldsAndIndexes() throws Exception {
        ObjectMapper objectMapper = ValidationFixtures.objectMapper();
        String json =
                """
                {"brandId":"b","items":[{"text":"a","sentAt":"2026-11-23T10:15:30Z"},
                {"text":"b","sentAt":"yesterday"}],"customer_name":"x"}""";

        JsonMappingException failure = catchThrowableOfType(
                JsonMappingException.class, () -> objectMapper.readValue(json, TicketRequest.class));

        assertThat(FieldPaths.ofJson(failure.getPath())).isEqualTo("items[1].sentAt");
    }

    @Test
    void jsonPathOfUnknownPropertyEndsWithThatProperty() {
        ObjectMapper objectMapper =
                ValidationFixtures.objectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

        JsonMappingException failure = catchThrowableOfType(
                JsonMappingException.class,
                () -> objectMapper.readValue("{\"items\":[{\"txt\":\"a\"}]}", TicketRequest.class));

        assertThat(FieldPaths.ofJson(failure.getPath())).isEqualTo("items[0].txt");
    }

    @Test
    void jsonPathOfTheWholeDocumentIsNull() {
        assertThat(FieldPaths.ofJson(List.of())).isNull();
    }

    private List<String> fields(Collection<? extends ConstraintViolation<?>> violations) {
        return violations.stream().map(fieldPaths::ofViolation).toList();
    }
}
