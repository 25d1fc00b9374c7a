package io.github.foundryagents.core.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.foundryagents.core.chat.ToolDefinition;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ToolRegistryTest {

    record SearchArgs(@ToolParam(description = "Search query") String query,
            @ToolParam(description = "Maximum results", required = false) Integer limit) { }

    static class OrderTools {
        @Tool(name = "search_database", description = "Search the database for relevant records")
        public List<String> search(@ToolParam(description = "Search query") String query,
                @ToolParam(description = "Maximum results", required = false) Integer limit) {
            return List.of(query);
        }

        @Tool(description = "Count the orders")
        int countOrders() {
            return 3;
        }

        public String notATool() {
            return "";
        }
    }

    static class MoreOrderTools extends OrderTools {
        @Override
        public List<String> search(String query, Integer limit) {
            return List.of("overridden " + query);
        }
    }

    static class Clash {
        @Tool(name = "search_database", description = "Another search")
        public String search(String q) {
            return q;
        }
    }

    static class BadName {
        @Tool(name = "search database", description = "spaces are refused")
        public String search(String q) {
            return q;
        }
    }

    static class WithMap {
        @Tool(name = "fetch_external_data", description = "Fetch data from external API")
        public String fetch(@ToolParam(description = "API endpoint") String endpoint,
                @ToolParam(description = "Query parameters", required = false) Map<String, Object> params) {
            return endpoint;
        }
    }

    @Test
    void annotatedMethodsBecomeToolsWithTheGuidancesSchema() {
        ToolRegistry registry = ToolRegistry.of(new OrderTools());

        assertThat(registry.names()).containsExactly("countOrders", "search_database");
        ToolDefinition search = registry.definitions().get(1);
        assertThat(search.name()).isEqualTo("search_database");
        assertThat(search.description()).isEqualTo("Search the database for relevant records");
        assertThat(search.strict()).isFalse();
        assertThat(search.parameters().toString()).isEqualTo("{\"type\":\"object\",\"properties\":{"
                + "\"query\":{\"type\":\"string\",\"description\":\"Search query\"},"
                + "\"limit\":{\"type\":\"integer\",\"description\":\"Maximum results\"}},"
                + "\"required\":[\"query\"],\"additionalProperties\":false}");
        assertThat(registry.definitions().get(0).parameters().get("properties")).isEmpty();
    }

    @Test
    void aLambdaWithATypedRecordHasTheSameSchemaAsTheMethod() {
        ToolFunction lambda = ToolFunction.of("search_database", "Search the database for relevant records",
                SearchArgs.class, args -> List.of(args.query()));

        assertThat(lambda.definition(false)).isEqualTo(ToolRegistry.of(new OrderTools()).find("search_database")
                .orElseThrow().definition(false));
    }

    @Test
    void anOverrideInASubclassStillRegistersTheAnnotatedToolOnceAndCallsTheOverride() {
        ToolRegistry registry = ToolRegistry.of(new MoreOrderTools());

        assertThat(registry.names()).containsExactly("countOrders", "search_database");
        assertThat(registry.find("search_database").orElseThrow().call("{\"query\":\"x\"}"))
                .isEqualTo("[\"overridden x\"]");
    }

    @Test
    void duplicateNamesAreRefusedNamingBothSources() {
        assertThatThrownBy(() -> ToolRegistry.of(new OrderTools(), new Clash()))
                .isInstanceOf(ToolRegistrationException.class)
                .hasMessageContaining("'search_database' is already taken by OrderTools.search(String, Integer)")
                .hasMessageContaining("Clash.search(String)");
        ToolFunction lambda = ToolFunction.of("countOrders", "again", SearchArgs.class, a -> 1);
        assertThatThrownBy(() -> ToolRegistry.builder().toolsFrom(new OrderTools()).tool(lambda))
                .hasMessageContaining("already taken");
    }

    @Test
    void namesAzureRefusesAreRejectedWithThePattern() {
        assertThatThrownBy(() -> ToolRegistry.of(new BadName()))
                .isInstanceOf(ToolRegistrationException.class)
                .hasMessageContaining("BadName.search(String)")
                .hasMessageContaining("^[a-zA-Z0-9_-]{1,64}$");
        assertThatThrownBy(() -> ToolFunction.of("x".repeat(65), "too long", SearchArgs.class, a -> a))
                .isInstanceOf(ToolRegistrationException.class)
                .hasMessageContaining("^[a-zA-Z0-9_-]{1,64}$");
    }

    @Test
    void aHandWrittenToolWithABadNameIsRefusedToo() {
        ToolFunction handWritten = new ToolFunction() {
            @Override
            public String name() {
                return "no/slashes";
            }

            @Override
            public ToolDefinition definition(boolean strict) {
                throw new AssertionError("not reached");
            }

            @Override
            public String call(String arguments) {
                return "";
            }
        };
        assertThatThrownBy(() -> ToolRegistry.of(handWritten)).hasMessageContaining("no/slashes");
    }

    @Test
    void anObjectWithoutToolMethodsIsRefused() {
        assertThatThrownBy(() -> ToolRegistry.of("just a string"))
                .isInstanceOf(ToolRegistrationException.class)
                .hasMessageContaining("java.lang.String has no @Tool methods");
    }

    @Test
    void argumentTypesMustBeObjects() {
        assertThatThrownBy(() -> ToolFunction.of("echo", "d", String.class, s -> s))
                .isInstanceOf(ToolRegistrationException.class)
                .hasMessageContaining("wrap it in a record");
    }

    @Test
    void strictRegistriesMarkDefinitionsStrictAndRefuseMapsByName() {
        ToolRegistry strict = ToolRegistry.builder().strict(true).toolsFrom(new OrderTools()).build();
        ToolDefinition search = strict.find("search_database").orElseThrow().definition(true);
        assertThat(strict.definitions()).allMatch(ToolDefinition::strict);
        assertThat(search.parameters().get("required").toString()).isEqualTo("[\"query\",\"limit\"]");
        assertThat(search.parameters().at("/properties/limit/type").toString()).isEqualTo("[\"integer\",\"null\"]");

        assertThat(ToolRegistry.of(new WithMap()).names()).containsExactly("fetch_external_data");
        assertThatThrownBy(() -> ToolRegistry.builder().strict(true).toolsFrom(new WithMap()).build())
                .isInstanceOf(ToolRegistrationException.class)
                .hasMessageContaining("'fetch_external_data' (WithMap.fetch(String, Map)) in strict mode")
                .hasMessageContaining("$.params");
    }

    @Test
    void registriesCombineAndListTheirTools() {
        ToolFunction lambda = ToolFunction.of("lookup", "d", SearchArgs.class, a -> a.query());
        ToolRegistry combined = ToolRegistry.of(ToolRegistry.of(new OrderTools()), lambda);

        assertThat(combined.names()).containsExactly("countOrders", "search_database", "lookup");
        assertThat(combined.find("nope")).isEmpty();
        assertThat(ToolRegistry.empty().isEmpty()).isTrue();
        assertThat(combined.toString()).isEqualTo("ToolRegistry[countOrders, search_database, lookup]");
    }
}
