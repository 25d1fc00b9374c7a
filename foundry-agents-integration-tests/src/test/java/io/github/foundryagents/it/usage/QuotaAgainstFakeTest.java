package io.github.foundryagents.it.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.foundryagents.core.AgentClient;
import io.github.foundryagents.core.chat.ChatRequest;
import io.github.foundryagents.core.chat.TokenUsage;
import io.github.foundryagents.core.usage.InMemoryUsageStore;
import io.github.foundryagents.core.usage.UsageLimitExceededException;
import io.github.foundryagents.core.usage.UsageOptions;
import io.github.foundryagents.core.usage.UsageRecord;
import io.github.foundryagents.testkit.FakeFoundry;
import io.github.foundryagents.testkit.Reply;
import io.github.foundryagents.testkit.WithFakeFoundry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

@WithFakeFoundry
class QuotaAgainstFakeTest {

    private static final Instant NOW = Instant.parse("2026-11-30T23:30:00Z");
    private final InMemoryUsageStore store = new InMemoryUsageStore();
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    private void used(String user, Instant at, long tokens) {
        store.record(new UsageRecord(at, user, "chat", "gpt-4o", null, new TokenUsage(tokens, 0, tokens), null));
    }

    private UsageOptions.Builder options() {
        return UsageOptions.builder().store(store).clock(clock);
    }

    @Test
    void aUserOverTheMonthlyLimitIsRefusedAndNothingIsSent(FakeFoundry fake) {
        used("alice", Instant.parse("2026-11-02T10:00:00Z"), 1_000);
        AgentClient client = fake.clientBuilder().usage(options().monthlyTokenLimit(1_000).build()).build();

        assertThatThrownBy(() -> client.chat(ChatRequest.builder().user("hi").userId("alice").build()))
                .isInstanceOfSatisfying(UsageLimitExceededException.class, e -> {
                    assertThat(e.userId()).isEqualTo("alice");
                    assertThat(e.used()).isEqualTo(1_000);
                    assertThat(e.limit()).isEqualTo(1_000);
                    assertThat(e.resetsAt()).isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
                    assertThat(e.errorCode()).contains("usage_limit_exceeded");
                    assertThat(e.isRetryable()).isFalse();
                    assertThat(e.getMessage()).contains("1000 of the 1000 tokens").contains("Nothing was sent");
                });
        assertThat(fake.journal().count()).isZero();
    }

    @Test
    void usageCountsAgainstTheLimitUntilItIsSpent(FakeFoundry fake) {
        fake.chat().enqueue(Reply.text("a").withUsage(12, 3), Reply.text("b").withUsage(12, 3));
        AgentClient client = fake.clientBuilder().usage(options().monthlyTokenLimit(20).build()).build();
        ChatRequest request = ChatRequest.builder().user("hi").userId("bob").build();

        client.chat(request);
        client.chat(request);
        assertThatThrownBy(() -> client.chat(request)).isInstanceOf(UsageLimitExceededException.class)
                .hasMessageContaining("used 30 of the 20");

        assertThat(fake.journal().chatRequests()).hasSize(2);
    }

    @Test
    void theMonthStartsInTheConfiguredTimeZone(FakeFoundry fake) {
        // Used at 22:00 UTC on 30 November (23:00 in Paris). At NOW, 23:30 UTC, it is already 00:30 on
        // 1 December in Paris: the Paris month has just begun without that usage, the UTC month still holds it.
        used("carol", Instant.parse("2026-11-30T22:00:00Z"), 500);
        AgentClient utc = fake.clientBuilder().usage(options().monthlyTokenLimit(500).build()).build();
        AgentClient paris = fake.clientBuilder().usage(options().monthlyTokenLimit(500)
                .quotaZone(ZoneId.of("Europe/Paris")).build()).build();
        ChatRequest request = ChatRequest.builder().user("hi").userId("carol").build();

        assertThatThrownBy(() -> utc.chat(request)).isInstanceOf(UsageLimitExceededException.class);
        assertThat(paris.chat(request).content()).isPresent();
    }

    @Test
    void limitsMayDependOnTheUserAndCallsWithoutAUserAreNotLimited(FakeFoundry fake) {
        used("premium-1", NOW, 10_000);
        used("standard-1", NOW, 10_000);
        AgentClient client = fake.clientBuilder().usage(options()
                .monthlyTokenLimit(user -> user.startsWith("premium") ? UsageOptions.UNLIMITED : 5_000).build()).build();

        client.chat(ChatRequest.builder().user("hi").userId("premium-1").build());
        client.chat(ChatRequest.of("anonymous"));
        assertThatThrownBy(() -> client.chat(ChatRequest.builder().user("hi").userId("standard-1").build()))
                .isInstanceOf(UsageLimitExceededException.class);
        assertThat(fake.journal().chatRequests()).hasSize(2);
    }

    @Test
    void theBuilderShortcutSetsOneLimitForEveryone(FakeFoundry fake) {
        fake.chat().enqueue(Reply.text("a").withUsage(5, 5));
        AgentClient client = fake.clientBuilder().monthlyTokenLimit(10).build();
        ChatRequest request = ChatRequest.builder().user("hi").userId("dave").build();

        client.chat(request);

        assertThatThrownBy(() -> client.chat(request)).isInstanceOf(UsageLimitExceededException.class);
        assertThat(client.usage().orElseThrow().usageThisMonth("dave").tokens().totalTokens()).isEqualTo(10);
    }
}
