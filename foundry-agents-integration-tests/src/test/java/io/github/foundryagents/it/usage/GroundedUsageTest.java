package io.github.foundryagents.it.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.foundryagents.core.AgentClient;
import io.github.foundryagents.core.grounding.AskOptions;
import io.github.foundryagents.core.grounding.GroundedAgent;
import io.github.foundryagents.core.usage.UsageLimitExceededException;
import io.github.foundryagents.core.usage.UsageMeter;
import io.github.foundryagents.testkit.FakeFoundry;
import io.github.foundryagents.testkit.WithFakeFoundry;
import io.github.foundryagents.testkit.agents.RunScript;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

/** Grounded asks count like chat calls: metered under invoke_agent, recorded for their user, limited by quota. */
@WithFakeFoundry
class GroundedUsageTest {

    @Test
    void anAskIsMeteredAndRecordedUnderItsUser(FakeFoundry fake) {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        AgentClient client = fake.clientBuilder().meterRegistry(registry).build();
        fake.agents().enqueue(RunScript.answer("Grounded.").withUsage(300, 20));
        GroundedAgent agent = client.groundedAgent().create();

        agent.ask("What changed?", AskOptions.builder().userId("alice").build());

        assertThat(client.usage().orElseThrow().usageThisMonth("alice").tokens().totalTokens()).isEqualTo(320);
        assertThat(registry.get(UsageMeter.TOKEN_USAGE).tag(UsageMeter.OPERATION_NAME, UsageMeter.INVOKE_AGENT)
                .tag(UsageMeter.TOKEN_TYPE, "input").summary().totalAmount()).isEqualTo(300);
        assertThat(registry.get(UsageMeter.OPERATION_DURATION).tag(UsageMeter.OPERATION_NAME, UsageMeter.INVOKE_AGENT)
                .timer().count()).isEqualTo(1);
    }

    @Test
    void aUserOverTheMonthlyLimitIsRefusedBeforeAnyRunStarts(FakeFoundry fake) {
        AgentClient client = fake.clientBuilder().monthlyTokenLimit(100).build();
        fake.agents().enqueue(RunScript.answer("First.").withUsage(90, 20), RunScript.answer("Second."));
        GroundedAgent agent = client.groundedAgent().create();
        AskOptions bob = AskOptions.builder().userId("bob").build();
        agent.ask("One", bob);
        int runsBefore = fake.agents().runs().size();

        UsageLimitExceededException e = catchThrowableOfType(UsageLimitExceededException.class,
                () -> agent.ask("Two", bob));

        assertThat(e.getMessage()).contains("bob");
        assertThat(fake.agents().runs()).hasSize(runsBefore);
        assertThat(agent.ask("Anyone else", AskOptions.defaults()).content()).isEqualTo("Second.");
    }
}
