package io.github.foundryagents.core.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.foundryagents.core.http.Json;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class JsonSchemaGeneratorTest {

    enum Status { OPEN, @JsonProperty("in_progress") IN_PROGRESS, CLOSED }

    record Address(@ToolParam(description = "City name") String city, Optional<String> zip) { }

    record Customer(@ToolParam(description = "Customer id") long id, Address address, List<Address> previous) { }

    /** A JavaBean instead of a record: Jackson's property names and a setter-only property. */
    static final class Filter {
        @ToolParam(description = "Earliest date", required = false)
        private LocalDate from;
        @JsonProperty("max_results")
        private int maxResults;

        public LocalDate getFrom() {
            return from;
        }

        public void setFrom(LocalDate from) {
            this.from = from;
        }

        public int getMaxResults() {
            return maxResults;
        }

        public void setMaxResults(int maxResults) {
            this.maxResults = maxResults;
        }
    }

    record Node(String name, List<Node> children) { }

    record WithMap(Map<String, Integer> counts) { }

    static Iterable<Arguments> scalars() {
        return List.of(
                Arguments.of(boolean.class, "boolean"), Arguments.of(Boolean.class, "boolean"),
                Arguments.of(byte.class, "integer"), Arguments.of(Byte.class, "integer"),
                Arguments.of(short.class, "integer"), Arguments.of(Short.class, "integer"),
                Arguments.of(int.class, "integer"), Arguments.of(Integer.class, "integer"),
                Arguments.of(long.class, "integer"), Arguments.of(Long.class, "integer"),
                Arguments.of(BigInteger.class, "integer"),
                Arguments.of(float.class, "number"), Arguments.of(Float.class, "number"),
                Arguments.of(double.class, "number"), Arguments.of(Double.class, "number"),
                Arguments.of(BigDecimal.class, "number"),
                Arguments.of(String.class, "string"), Arguments.of(char.class, "string"),
                Arguments.of(Character.class, "string"));
    }

    @ParameterizedTest
    @MethodSource("scalars")
    void primitivesBoxesAndStringsMapToJsonTypes(Class<?> type, String jsonType) {
        assertThat(JsonSchemaGenerator.schema(type, false)).isEqualTo(json("{\"type\":\"" + jsonType + "\"}"));
    }

    @Test
    void datesAndUuidsAreStringsWithAFormat() {
        assertThat(JsonSchemaGenerator.schema(LocalDate.class, false))
                .isEqualTo(json("{\"type\":\"string\",\"format\":\"date\"}"));
        assertThat(JsonSchemaGenerator.schema(Instant.class, false).get("format").asText()).isEqualTo("date-time");
        assertThat(JsonSchemaGenerator.schema(OffsetDateTime.class, false).get("format").asText())
                .isEqualTo("date-time");
        assertThat(JsonSchemaGenerator.schema(UUID.class, false).get("format").asText()).isEqualTo("uuid");
    }

    @Test
    void enumsListTheirConstantsAsJacksonWritesThem() {
        assertThat(JsonSchemaGenerator.schema(Status.class, false))
                .isEqualTo(json("{\"type\":\"string\",\"enum\":[\"OPEN\",\"in_progress\",\"CLOSED\"]}"));
    }

    @Test
    void listsSetsAndArraysAreArraysOfTheirElement() {
        assertThat(JsonSchemaGenerator.schema(new TypeReference<List<String>>() { }.getType(), false))
                .isEqualTo(json("{\"type\":\"array\",\"items\":{\"type\":\"string\"}}"));
        assertThat(JsonSchemaGenerator.schema(new TypeReference<Set<Status>>() { }.getType(), false)
                .at("/items/enum")).hasSize(3);
        assertThat(JsonSchemaGenerator.schema(int[].class, false))
                .isEqualTo(json("{\"type\":\"array\",\"items\":{\"type\":\"integer\"}}"));
    }

    @Test
    void mapsAreObjectsWithTypedValuesOrFreeForm() {
        assertThat(JsonSchemaGenerator.schema(new TypeReference<Map<String, Integer>>() { }.getType(), false))
                .isEqualTo(json("{\"type\":\"object\",\"additionalProperties\":{\"type\":\"integer\"}}"));
        assertThat(JsonSchemaGenerator.schema(new TypeReference<Map<String, Object>>() { }.getType(), false))
                .isEqualTo(json("{\"type\":\"object\"}"));
    }

    @Test
    void optionalIsItsContentAndMakesThePropertyOptional() {
        assertThat(JsonSchemaGenerator.schema(new TypeReference<Optional<Integer>>() { }.getType(), false))
                .isEqualTo(json("{\"type\":\"integer\"}"));
        ObjectNode address = JsonSchemaGenerator.schema(Address.class, false);
        assertThat(address.get("required")).isEqualTo(json("[\"city\"]"));
        assertThat(address.at("/properties/zip")).isEqualTo(json("{\"type\":\"string\"}"));
    }

    @Test
    void nestedRecordsCarryDescriptionsRequiredFlagsAndNoExtraProperties() {
        assertThat(JsonSchemaGenerator.schema(Customer.class, false)).isEqualTo(json("""
                {"type":"object","properties":{
                   "id":{"type":"integer","description":"Customer id"},
                   "address":{"type":"object","properties":{
                       "city":{"type":"string","description":"City name"},
                       "zip":{"type":"string"}},
                     "required":["city"],"additionalProperties":false},
                   "previous":{"type":"array","items":{"type":"object","properties":{
                       "city":{"type":"string","description":"City name"},
                       "zip":{"type":"string"}},
                     "required":["city"],"additionalProperties":false}}},
                 "required":["id","address","previous"],"additionalProperties":false}
                """));
    }

    @Test
    void javaBeansUseJacksonPropertyNamesAndFieldAnnotations() {
        ObjectNode schema = JsonSchemaGenerator.schema(Filter.class, false);

        assertThat(schema.get("properties").fieldNames()).toIterable()
                .containsExactlyInAnyOrder("from", "max_results");
        assertThat(schema.at("/properties/from")).isEqualTo(
                json("{\"type\":\"string\",\"format\":\"date\",\"description\":\"Earliest date\"}"));
        assertThat(schema.get("required")).isEqualTo(json("[\"max_results\"]"));
    }

    @Test
    void strictModeRequiresEveryPropertyAndMakesOptionalOnesNullable() {
        ObjectNode schema = JsonSchemaGenerator.schema(Address.class, true);

        assertThat(schema).isEqualTo(json("""
                {"type":"object","properties":{
                   "city":{"type":"string","description":"City name"},
                   "zip":{"type":["string","null"]}},
                 "required":["city","zip"],"additionalProperties":false}
                """));
    }

    @Test
    void strictModeAddsNullToTheEnumOfAnOptionalEnum() {
        record Args(Optional<Status> status) { }

        ObjectNode schema = JsonSchemaGenerator.schema(Args.class, true);

        assertThat(schema.at("/properties/status"))
                .isEqualTo(json("{\"type\":[\"string\",\"null\"],\"enum\":[\"OPEN\",\"in_progress\",\"CLOSED\",null]}"));
    }

    @Test
    void strictModeRefusesMapsAndSaysWhatToDoInstead() {
        assertThatThrownBy(() -> JsonSchemaGenerator.schema(WithMap.class, true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("$.counts")
                .hasMessageContaining("strict mode")
                .hasMessageContaining("key/value records");
        assertThat(JsonSchemaGenerator.schema(WithMap.class, false).at("/properties/counts/type").asText())
                .isEqualTo("object");
    }

    @Test
    void recursiveTypesAreRefusedWithThePath() {
        assertThatThrownBy(() -> JsonSchemaGenerator.schema(Node.class, false))
                .hasMessageContaining("$.children[]")
                .hasMessageContaining("recursive");
    }

    @Test
    void typesWithoutASchemaAreRefusedWithAHint() {
        record Bad(Object anything) { }
        record Binary(byte[] data) { }
        record IntKeys(Map<Integer, String> byId) { }

        assertThatThrownBy(() -> JsonSchemaGenerator.schema(Bad.class, false))
                .hasMessageContaining("$.anything").hasMessageContaining("java.lang.Object");
        assertThatThrownBy(() -> JsonSchemaGenerator.schema(Binary.class, false))
                .hasMessageContaining("$.data").hasMessageContaining("take a String");
        assertThatThrownBy(() -> JsonSchemaGenerator.schema(IntKeys.class, false))
                .hasMessageContaining("Map<String, V>");
    }

    private static JsonNode json(String text) {
        try {
            return Json.mapper().readTree(text);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
