package io.github.foundryagents.it.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.foundryagents.core.AgentClient;
import io.github.foundryagents.core.agent.AgentResult;
import io.github.foundryagents.core.chat.ChatMessage;
import io.github.foundryagents.core.chat.ChatRole;
import io.github.foundryagents.core.tools.ToolFunction;
import io.github.foundryagents.core.tools.ToolParam;
import io.github.foundryagents.testkit.FakeFoundry;
import io.github.foundryagents.testkit.Reply;
import io.github.foundryagents.testkit.ScriptedConversation;
import io.github.foundryagents.testkit.ScriptedToolCall;
import io.github.foundryagents.testkit.WithFakeFoundry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

@WithFakeFoundry
class ParallelToolCallsTest {

    private static final long WORK_MILLIS = 300;

    record RegionArgs(@ToolParam(description = "Region code") String region) { }

    /** When one call ran, on the monotonic clock. */
    record Interval(long startNanos, long endNanos) { }

    @Test
    void callsOfOneTurnRunAtTheSameTime(FakeFoundry fake, AgentClient client) {
        Map<String, Interval> intervals = new ConcurrentHashMap<>();
        // each call waits until all three have started: sequential execution could never get past the barrier
        CyclicBarrier allStarted = new CyclicBarrier(3);
        ToolFunction salesByRegion = ToolFunction.of("sales_by_region", "Sales of a region", RegionArgs.class,
                args -> {
                    long start = System.nanoTime();
                    allStarted.await(5, TimeUnit.SECONDS);
                    Thread.sleep(WORK_MILLIS);
                    intervals.put(args.region(), new Interval(start, System.nanoTime()));
                    return Map.of("region", args.region(), "sales", 100);
                });
        fake.chat().respondWith(ScriptedConversation.create()
                .thenToolCalls(ScriptedToolCall.of("sales_by_region", "{\"region\":\"eu\"}"),
                        ScriptedToolCall.of("sales_by_region", "{\"region\":\"us\"}"),
                        ScriptedToolCall.of("sales_by_region", "{\"region\":\"apac\"}"))
                .then(turn -> Reply.text("3 regions, " + turn.toolResults().size() + " results")));

        long before = System.nanoTime();
        AgentResult result = client.agent().tools(salesByRegion).build().run("Sales per region?");
        long tookMillis = (System.nanoTime() - before) / 1_000_000;

        assertThat(result.answer()).isEqualTo("3 regions, 3 results");
        assertThat(intervals).hasSize(3);
        long lastStart = intervals.values().stream().mapToLong(Interval::startNanos).max().orElseThrow();
        long firstEnd = intervals.values().stream().mapToLong(Interval::endNanos).min().orElseThrow();
        assertThat(lastStart).as("every call started before any ended").isLessThan(firstEnd);
        assertThat(tookMillis).as("three %d ms calls in parallel, not %d ms in a row", WORK_MILLIS, 3 * WORK_MILLIS)
                .isLessThan(3 * WORK_MILLIS);
        List<ChatMessage> toolMessages = result.transcript().stream().filter(m -> m.role() == ChatRole.TOOL).toList();
        assertThat(toolMessages).extracting(ChatMessage::toolCallId).containsExactly("call_1_1", "call_1_2",
                "call_1_3");
        assertThat(toolMessages.get(1).content()).contains("\"us\"");
    }
}
