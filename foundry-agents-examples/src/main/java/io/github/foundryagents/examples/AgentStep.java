package io.github.foundryagents.examples;

import io.github.foundryagents.core.agent.AgentListener;
import io.github.foundryagents.core.agent.AgentResult;
import io.github.foundryagents.core.agent.ToolCallResult;
import io.github.foundryagents.core.chat.ToolCall;
import io.github.foundryagents.core.tools.Tool;
import io.github.foundryagents.core.tools.ToolFunction;
import io.github.foundryagents.core.tools.ToolParam;
import io.github.foundryagents.core.tools.ToolRegistry;
import io.github.foundryagents.testkit.Reply;
import io.github.foundryagents.testkit.ScriptedConversation;
import io.github.foundryagents.testkit.ScriptedToolCall;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The guidance's agent with its two tools: {@code search_database} (an annotated method) and
 * {@code fetch_external_data} (a lambda with a typed argument record). Both run locally on in-memory data, against
 * the fake or real Azure; on the fake the model's turns are scripted.
 */
final class AgentStep implements TourStep {

    /** A row of the in-memory order database. */
    record Order(String id, String customer, String status, String carrier) { }

    /** Arguments of {@code fetch_external_data}. */
    record FetchArgs(@ToolParam(description = "API endpoint, e.g. /carriers/status") String endpoint,
            @ToolParam(description = "Query parameters", required = false) Map<String, Object> params) { }

    /** What the in-memory carrier API answers. */
    record CarrierStatus(String carrier, String status, int delayDays) { }

    /** The database tool, as an annotated method. */
    static final class OrderDatabase {
        private static final List<Order> ORDERS = List.of(new Order("o-7", "ACME", "late", "DHL"),
                new Order("o-8", "ACME", "delivered", "UPS"), new Order("o-9", "Globex", "late", "DHL"));

        @Tool(name = "search_database", description = "Search the database for relevant records")
        public List<Order> search(@ToolParam(description = "Search query") String query,
                @ToolParam(description = "Maximum results", required = false) Integer limit) {
            return ORDERS.stream().filter(o -> (o.id() + " " + o.customer() + " " + o.status()).toLowerCase(Locale.ROOT)
                    .contains(query.toLowerCase(Locale.ROOT))).limit(limit == null ? 10 : limit).toList();
        }
    }

    @Override
    public String name() {
        return "agent";
    }

    @Override
    public String description() {
        return "a tool-calling agent using search_database and fetch_external_data, tools run in parallel";
    }

    @Override
    public void run(Tour tour) {
        ToolFunction fetchExternalData = ToolFunction.of("fetch_external_data", "Fetch data from external API",
                FetchArgs.class, args -> new CarrierStatus("DHL", "delayed at hub", 2));
        ToolRegistry tools = ToolRegistry.of(new OrderDatabase(), fetchExternalData);
        tour.fake().ifPresent(fake -> fake.chat().respondWith(ScriptedConversation.create()
                .thenToolCalls(ScriptedToolCall.of("search_database", "{\"query\":\"late\"}"),
                        ScriptedToolCall.of("fetch_external_data",
                                "{\"endpoint\":\"/carriers/status\",\"params\":{\"carrier\":\"DHL\"}}"))
                .then(turn -> Reply.text("Two orders are late, o-7 (ACME) and o-9 (Globex), both with DHL, which"
                        + " reports: " + turn.toolResult("fetch_external_data")))));

        AgentResult result = tour.client().agent()
                .tools(tools)
                .maxIterations(10)
                .listener(new AgentListener() {
                    @Override
                    public void onToolCall(int iteration, ToolCall call) {
                        tour.line("turn " + iteration + " calls " + call.name() + " " + call.arguments());
                    }

                    @Override
                    public void onToolResult(int iteration, ToolCallResult r) {
                        tour.line("   " + r.call().name() + " -> " + r.outcome() + " in " + r.elapsed().toMillis()
                                + " ms: " + r.content());
                    }
                })
                .build()
                .run("Which orders are late, and why?", "The user is a customer-service agent.");
        tour.fake().ifPresent(fake -> fake.chat().respondWith(null));

        tour.line("answer:      " + result.answer());
        tour.line("iterations:  " + result.iterations() + ", deployments: " + result.deployments());
        tour.line("usage:       " + Tour.usage(result.usage()));
    }
}
