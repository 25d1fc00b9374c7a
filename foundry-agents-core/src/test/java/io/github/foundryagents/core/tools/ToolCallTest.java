package io.github.foundryagents.core.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Binding the model's JSON arguments and turning results into tool message content. */
class ToolCallTest {

    enum Priority { LOW, HIGH }

    record Range(LocalDate from, @ToolParam(required = false) LocalDate to) { }

    record Query(String text, Optional<Integer> limit, @ToolParam(required = false) Priority priority,
            Range range, List<String> tags, Map<String, Object> params) { }

    record Hit(String id, double score) { }

    static class Tools {
        final AtomicReference<Object[]> seen = new AtomicReference<>();

        @Tool(name = "search", description = "Search")
        public List<Hit> search(String query, @ToolParam(required = false) int limit,
                @ToolParam(required = false) Optional<Priority> priority) {
            seen.set(new Object[] {query, limit, priority});
            return List.of(new Hit("a", 0.5));
        }

        @Tool(name = "echo", description = "Echo")
        public static String echo(@ToolParam(name = "message") String text) {
            return text;
        }

        @Tool(name = "nothing", description = "Returns nothing")
        public void nothing() {
        }

        @Tool(name = "broken", description = "Always fails")
        public String broken() throws IOException {
            throw new IOException("disk unavailable");
        }
    }

    private final Tools tools = new Tools();
    private final ToolRegistry registry = ToolRegistry.of(tools);

    @Test
    void methodArgumentsBindByNameWithDefaultsForOmittedOptionalOnes() {
        String content = call("search", "{\"query\":\"acme\"}");

        assertThat(content).isEqualTo("[{\"id\":\"a\",\"score\":0.5}]");
        assertThat(tools.seen.get()).containsExactly("acme", 0, Optional.empty());

        call("search", "{\"query\":\"acme\",\"limit\":5,\"priority\":\"HIGH\"}");
        assertThat(tools.seen.get()).containsExactly("acme", 5, Optional.of(Priority.HIGH));

        call("search", "{\"query\":\"acme\",\"limit\":null,\"priority\":null}");
        assertThat(tools.seen.get()).containsExactly("acme", 0, Optional.empty());
    }

    @Test
    void stringResultsAreSentAsIsAndNothingAsJsonNull() {
        assertThat(call("echo", "{\"message\":\"plain \\\"text\\\"\"}")).isEqualTo("plain \"text\"");
        assertThat(call("nothing", "")).isEqualTo("null");
        assertThat(call("nothing", "{}")).isEqualTo("null");
    }

    @Test
    void recordArgumentsBindNestedTypesAndOptionals() {
        AtomicReference<Query> seen = new AtomicReference<>();
        ToolFunction tool = ToolFunction.of("query", "q", Query.class, q -> {
            seen.set(q);
            return Map.of("ok", true);
        });

        String content = tool.call("{\"text\":\"t\",\"range\":{\"from\":\"2024-01-31\"},\"tags\":[\"x\",\"y\"],"
                + "\"params\":{\"region\":\"eu\",\"page\":2}}");

        assertThat(content).isEqualTo("{\"ok\":true}");
        assertThat(seen.get()).isEqualTo(new Query("t", Optional.empty(), null,
                new Range(LocalDate.of(2024, 1, 31), null), List.of("x", "y"), Map.of("region", "eu", "page", 2)));
        tool.call("{\"text\":\"t\",\"limit\":3,\"range\":{\"from\":\"2024-01-31\",\"to\":null},\"tags\":[],"
                + "\"params\":{}}");
        assertThat(seen.get().limit()).contains(3);
    }

    @Test
    void malformedJsonSaysWhereItBroke() {
        assertThatThrownBy(() -> call("search", "{\"query\": \"acme\""))
                .isInstanceOf(ToolArgumentsException.class)
                .hasMessageStartingWith("Invalid arguments for tool 'search': the arguments are not valid JSON")
                .hasMessageContaining("line 1, column");
        assertThatThrownBy(() -> call("search", "{\"query\":\"a\"} trailing"))
                .hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> call("search", "[\"acme\"]"))
                .hasMessageContaining("must be a JSON object, got array");
    }

    @Test
    void missingRequiredAndUnknownPropertiesAreListedWithTheirPaths() {
        ToolFunction tool = ToolFunction.of("query", "q", Query.class, q -> "ok");

        assertThatThrownBy(() -> tool.call("{\"range\":{\"to\":\"2024-01-01\",\"form\":\"2024-01-01\"},"
                + "\"tags\":null,\"params\":{},\"extra\":1}"))
                .isInstanceOf(ToolArgumentsException.class)
                .hasMessageContaining("missing required property 'text'")
                .hasMessageContaining("missing required property 'tags'")
                .hasMessageContaining("missing required property 'range.from'")
                .hasMessageContaining("unknown property 'range.form' (expected one of: from, to)")
                .hasMessageContaining("unknown property 'extra'");
        assertThatThrownBy(() -> call("nothing", "{\"x\":1}")).hasMessageContaining("(none are expected)");
    }

    @Test
    void valuesOfTheWrongTypeNameThePropertyPath() {
        assertThatThrownBy(() -> call("search", "{\"query\":\"a\",\"limit\":\"ten\"}"))
                .isInstanceOf(ToolArgumentsException.class)
                .hasMessageContaining("'limit': ")
                .hasMessageContaining("int");
        ToolFunction tool = ToolFunction.of("query", "q", Query.class, q -> "ok");
        assertThatThrownBy(() -> tool.call("{\"text\":\"t\",\"range\":{\"from\":\"yesterday\"},\"tags\":[],"
                + "\"params\":{}}"))
                .hasMessageContaining("'range.from': ");
        assertThatThrownBy(() -> tool.call("{\"text\":\"t\",\"priority\":\"URGENT\",\"range\":{\"from\":\"2024-01-01\"},"
                + "\"tags\":[],\"params\":{}}"))
                .hasMessageContaining("'priority': ")
                .hasMessageContaining("LOW");
    }

    @Test
    void aToolThatThrowsIsReportedWithItsExceptionAsCause() {
        assertThatThrownBy(() -> call("broken", "{}"))
                .isInstanceOf(ToolExecutionException.class)
                .hasMessage("Tool 'broken' failed: IOException: disk unavailable")
                .hasCauseInstanceOf(IOException.class);
        ToolFunction lambda = ToolFunction.of("lambda", "d", Range.class, r -> {
            throw new IllegalStateException("no data before " + r.from());
        });
        assertThatThrownBy(() -> lambda.call("{\"from\":\"2020-01-01\"}"))
                .hasMessage("Tool 'lambda' failed: IllegalStateException: no data before 2020-01-01");
    }

    private String call(String name, String arguments) {
        return registry.find(name).orElseThrow().call(arguments);
    }
}
