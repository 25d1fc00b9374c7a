package io.github.foundryagents.it.agent;

import io.github.foundryagents.core.tools.Tool;
import io.github.foundryagents.core.tools.ToolFunction;
import io.github.foundryagents.core.tools.ToolParam;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The guidance's two tools: {@code search_database} as an annotated method, {@code fetch_external_data} as a lambda
 * with a typed argument record. Records every call so tests can see what ran.
 */
final class GuidanceTools {

    /** Arguments of {@code fetch_external_data}. */
    record FetchArgs(@ToolParam(description = "API endpoint") String endpoint,
            @ToolParam(description = "Query parameters", required = false) Map<String, Object> params) { }

    /** What the fake external API answers. */
    record CarrierStatus(String endpoint, String carrier, int delayDays) { }

    /** One row of the fake database. */
    record Order(String id, String customer, String status) { }

    final List<String> calls = new CopyOnWriteArrayList<>();

    @Tool(name = "search_database", description = "Search the database for relevant records")
    public List<Order> searchDatabase(@ToolParam(description = "Search query") String query,
            @ToolParam(description = "Maximum results", required = false) Integer limit) {
        calls.add("search_database:" + query + ":" + limit);
        return List.of(new Order("o-7", query, "late"), new Order("o-9", query, "late"))
                .subList(0, limit == null ? 2 : Math.min(2, limit));
    }

    /**
     * @param started counted down when the call starts, may be {@code null}
     * @param interrupted set when the call is interrupted
     * @return a {@code fetch_external_data} that sleeps 10 s unless interrupted
     */
    static ToolFunction slowFetch(CountDownLatch started, AtomicBoolean interrupted) {
        return ToolFunction.of("fetch_external_data", "Fetch data from external API", FetchArgs.class, args -> {
            if (started != null) {
                started.countDown();
            }
            try {
                Thread.sleep(10_000);
                return "too late";
            } catch (InterruptedException e) {
                interrupted.set(true);
                throw e;
            }
        });
    }

    ToolFunction fetchExternalData() {
        return ToolFunction.of("fetch_external_data", "Fetch data from external API", FetchArgs.class, args -> {
            calls.add("fetch_external_data:" + args.endpoint() + ":" + args.params());
            return new CarrierStatus(args.endpoint(), "DHL", 2);
        });
    }
}
