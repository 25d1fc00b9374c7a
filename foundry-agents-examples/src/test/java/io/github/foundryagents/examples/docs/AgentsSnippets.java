package io.github.foundryagents.examples.docs;

import io.github.foundryagents.core.AgentClient;
import io.github.foundryagents.core.agent.Agent;
import io.github.foundryagents.core.agent.AgentResult;
import io.github.foundryagents.core.tools.Tool;
import io.github.foundryagents.core.tools.ToolFunction;
import io.github.foundryagents.core.tools.ToolParam;
import io.github.foundryagents.core.tools.ToolRegistry;
import java.util.List;
import java.util.Map;

/** Code shown in docs/agents.md; compiled by the build, run by LateOrdersAgentTest, checked by DocSnippetsTest. */
@SuppressWarnings("unused")
final class AgentsSnippets {

    /** An order as the tools return it. */
    record Order(String id, String customer, boolean late) {
    }

    /** Stands in for the application's data access. */
    static final class OrderRepository {
        List<Order> search(String query, int limit) {
            return List.of(new Order("A-17", "ACME", true)).subList(0, Math.min(limit, 1));
        }
    }

    /** Stands in for an external HTTP API. */
    static final class ExternalApi {
        Map<String, Object> get(String endpoint, Map<String, Object> params) {
            return Map.of("endpoint", endpoint, "carriers", List.of("DHL"));
        }
    }

    static final OrderRepository repository = new OrderRepository();
    static final ExternalApi api = new ExternalApi();
    static final ToolFunction fetchExternalData = fetchExternalData();

    private AgentsSnippets() {
    }

    static ToolFunction fetchExternalData() {
        // snippet: agents#tool-lambda
        record FetchArgs(@ToolParam(description = "API endpoint") String endpoint,
                         @ToolParam(description = "Query parameters", required = false) Map<String, Object> params) { }

        ToolFunction fetchExternalData = ToolFunction.of("fetch_external_data", "Fetch data from external API",
                FetchArgs.class, args -> api.get(args.endpoint(), args.params()));
        // end-snippet
        return fetchExternalData;
    }

    static ToolRegistry registryOf() {
        // snippet: agents#registry-of
        ToolRegistry tools = ToolRegistry.of(new OrderTools());
        // end-snippet
        return tools;
    }

    static ToolRegistry registry() {
        // snippet: agents#registry
        ToolRegistry tools = ToolRegistry.builder()
                .toolsFrom(new OrderTools())
                .tool(fetchExternalData)
                .strict(false)                                     // default
                .build();
        // end-snippet
        return tools;
    }

    static AgentResult intro() {
        // snippet: agents#intro
        AgentClient client = AgentClient.builder().build();

        Agent agent = client.agent()
                .tools(new OrderTools(), fetchExternalData)        // annotated objects and/or ToolFunctions
                .maxIterations(10)
                .build();                                          // immutable, thread-safe: build once, run many times

        AgentResult result = agent.run("Which ACME orders are late?", "The user is an account manager.");
        result.answer();        // the model's final text
        result.transcript();    // system, user, every assistant turn and tool result
        result.usage();         // tokens of all turns, summed
        result.iterations();    // turns (chat calls) made
        result.deployments();   // deployments that answered, in order of first use
        // end-snippet
        return result;
    }
}
