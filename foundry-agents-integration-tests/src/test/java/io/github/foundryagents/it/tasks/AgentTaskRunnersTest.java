package io.github.foundryagents.it.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.foundryagents.core.AgentClient;
import io.github.foundryagents.core.chat.ChatRequest;
import io.github.foundryagents.core.grounding.GroundedAgent;
import io.github.foundryagents.core.http.Json;
import io.github.foundryagents.core.tasks.AgentTaskRunners;
import io.github.foundryagents.core.tasks.AgentTaskService;
import io.github.foundryagents.core.tasks.InMemoryTaskQueue;
import io.github.foundryagents.core.tasks.InMemoryTaskStore;
import io.github.foundryagents.core.tasks.TaskRecord;
import io.github.foundryagents.core.tasks.TaskRunner;
import io.github.foundryagents.core.tasks.TaskStatus;
import io.github.foundryagents.core.tasks.Tier;
import io.github.foundryagents.core.tasks.Worker;
import io.github.foundryagents.core.tasks.WorkerOptions;
import io.github.foundryagents.testkit.FakeFoundry;
import io.github.foundryagents.testkit.Reply;
import io.github.foundryagents.testkit.WithFakeFoundry;
import io.github.foundryagents.testkit.agents.RunScript;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The ready-made runners put the tool-calling agent and grounded agents behind the task queue. */
@WithFakeFoundry
class AgentTaskRunnersTest {

    private static TaskRecord awaitTerminal(AgentTaskService tasks, String owner, String id) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            TaskRecord record = tasks.get(owner, id).orElseThrow();
            if (record.status().isTerminal()) {
                return record;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("task " + id + " did not finish");
    }

    @Test
    void theToolAgentRunsEachTaskOnBehalfOfItsOwner(FakeFoundry fake) throws Exception {
        List<ChatRequest> seen = new CopyOnWriteArrayList<>();
        AgentClient client = fake.clientBuilder().addNetworkInterceptor((request, chain) -> {
            seen.add(request);
            return chain.proceed(request);
        }).build();
        fake.chat().enqueue(Reply.text("Two orders are late.").withUsage(40, 6));
        AgentTaskService tasks = AgentTaskService.builder().queue(new InMemoryTaskQueue("runners"))
                .store(new InMemoryTaskStore())
                .runner(TaskRunner.byAgent(Map.of(AgentTaskService.DEFAULT_AGENT,
                        AgentTaskRunners.toolAgent(client.agent().deployment("gpt4").build()))))
                .build();

        String id = tasks.submit("alice", Tier.PREMIUM, "Which orders are late?",
                Json.object().put("region", "EU"), null);
        Worker worker = tasks.startWorker(WorkerOptions.builder().noLimiter().build());
        TaskRecord done;
        try {
            done = awaitTerminal(tasks, "alice", id);
        } finally {
            worker.close(Duration.ofSeconds(5));
        }

        assertThat(done.status()).isEqualTo(TaskStatus.COMPLETED);
        assertThat(done.result()).isEqualTo("Two orders are late.");
        assertThat(done.usage().totalTokens()).isEqualTo(46);
        assertThat(done.deployments()).containsExactly("gpt-4o");
        assertThat(seen).singleElement().satisfies(r -> assertThat(r.userId()).contains("alice"));
        assertThat(fake.journal().last().messages().get(0).path("content").asText()).contains("\"region\":\"EU\"");
    }

    @Test
    void aGroundedAgentRunsTasksOnTheAgentService(FakeFoundry fake, AgentClient client) throws Exception {
        fake.agents().enqueue(RunScript.answer("Grounded: rates rose in May.").withUsage(120, 15));
        GroundedAgent grounded = client.groundedAgent().name("research").create();
        AgentTaskService tasks = AgentTaskService.builder().queue(new InMemoryTaskQueue("grounded-runners"))
                .store(new InMemoryTaskStore())
                .runner(AgentTaskRunners.grounded(grounded))
                .build();

        String id = tasks.submit("bob", Tier.STANDARD, "What happened to rates?", null, null);
        Worker worker = tasks.startWorker(WorkerOptions.builder().noLimiter().build());
        TaskRecord done;
        try {
            done = awaitTerminal(tasks, "bob", id);
        } finally {
            worker.close(Duration.ofSeconds(5));
            grounded.delete();
        }

        assertThat(done.status()).isEqualTo(TaskStatus.COMPLETED);
        assertThat(done.result()).isEqualTo("Grounded: rates rose in May.");
        assertThat(done.usage().totalTokens()).isEqualTo(135);
        assertThat(done.deployments()).containsExactly(grounded.deployment());
    }
}
