package io.github.foundryagents.examples.docs;

import static io.github.foundryagents.examples.docs.AgentsSnippets.repository;

import io.github.foundryagents.core.tools.Tool;
import io.github.foundryagents.core.tools.ToolParam;
import io.github.foundryagents.examples.docs.AgentsSnippets.Order;
import java.util.List;

// Code shown in docs/agents.md; compiled by the build, run by LateOrdersAgentTest, checked by DocSnippetsTest.
// snippet: agents#tool-methods
class OrderTools {
    @Tool(name = "search_database", description = "Search the database for relevant records")
    public List<Order> search(@ToolParam(description = "Search query") String query,
                              @ToolParam(description = "Maximum results", required = false) Integer limit) {
        return repository.search(query, limit == null ? 10 : limit);
    }
}
// end-snippet
