package io.github.foundryagents.it.usage;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.foundryagents.core.AgentClient;
import io.github.foundryagents.core.chat.ChatRequest;
import io.github.foundryagents.core.chat.TokenUsage;
import io.github.foundryagents.core.grounding.AskOptions;
import io.github.foundryagents.core.usage.InMemoryUsageStore;
import io.github.foundryagents.core.usage.UsageOptions;
import io.github.foundryagents.core.usage.UsageRecord;
import io.github.foundryagents.core.usage.UsageStore;
import io.github.foundryagents.core.usage.UsageTotals;
import io.github.foundryagents.testkit.FakeFoundry;
import io.github.foundryagents.testkit.Reply;
import io.github.foundryagents.testkit.WithFakeFoundry;
import io.github.foundryagents.testkit.agents.RunScript;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** What the usage store receives for each call: who, which operation, which deployment, the tokens and the cost. */
@WithFakeFoundry
class UsageRecordsTest {

    /** Keeps every record it is given, and totals them like the default store. */
    private static final class RecordingStore implements UsageStore {
        final List<UsageRecord> records = new CopyOnWriteArrayList<>();
        private final InMemoryUsageStore totals = new InMemoryUsageStore();

        @Override
        public void record(UsageRecord record) {
            records.add(record);
            totals.record(record);
        }

        @Override
        public UsageTotals totalSince(String userId, Instant since) {
            return totals.totalSince(userId, since);
        }
    }

    @Test
    void chatCallsAndGroundedAsksAreRecordedWithUserOperationAndDeployment(FakeFoundry fake) {
        RecordingStore store = new RecordingStore();
        AgentClient client = fake.clientBuilder().usage(UsageOptions.builder().store(store).build()).build();
        fake.chat().enqueue(Reply.text("hi").withUsage(1_000, 500));
        fake.agents().enqueue(RunScript.answer("Grounded.").withUsage(300, 20));

        client.chat(ChatRequest.builder().user("hello").userId("alice").deployment("gpt4").build());
        client.groundedAgent().create().ask("What changed?", AskOptions.builder().userId("bob").build());

        assertThat(store.records).hasSize(2);
        UsageRecord chat = store.records.get(0);
        assertThat(chat.userId()).isEqualTo("alice");
        assertThat(chat.operation()).isEqualTo("chat");
        assertThat(chat.deployment()).isEqualTo("gpt-4o");
        assertThat(chat.tokens()).isEqualTo(new TokenUsage(1_000, 500, 1_500));
        assertThat(chat.priced()).hasValueSatisfying(c -> assertThat(c.total()).isEqualByComparingTo("0.0075"));
        UsageRecord ask = store.records.get(1);
        assertThat(ask.userId()).isEqualTo("bob");
        assertThat(ask.operation()).isEqualTo("invoke_agent");
        assertThat(ask.deployment()).isEqualTo("gpt-4o");
        assertThat(ask.tokens()).isEqualTo(new TokenUsage(300, 20, 320));
    }
}
