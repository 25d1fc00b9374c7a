package io.github.foundryagents.spring.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.foundryagents.core.tasks.AgentTaskService;
import io.github.foundryagents.core.tasks.InMemoryTaskQueue;
import io.github.foundryagents.core.tasks.InMemoryTaskStore;
import io.github.foundryagents.core.tasks.TaskQueue;
import io.github.foundryagents.core.tasks.TaskRecord;
import io.github.foundryagents.core.tasks.TaskResult;
import io.github.foundryagents.core.tasks.TaskRunner;
import io.github.foundryagents.core.tasks.TaskStatus;
import io.github.foundryagents.core.tasks.TaskStore;
import io.github.foundryagents.core.tasks.Tier;
import io.github.foundryagents.core.usage.InMemoryUsageStore;
import io.github.foundryagents.core.usage.UsageStore;
import io.github.foundryagents.core.webhook.WebhookNotifier;
import io.github.foundryagents.redis.queue.RedisTaskQueue;
import io.github.foundryagents.redis.store.RedisTaskStore;
import io.github.foundryagents.redis.support.TestRedis;
import io.github.foundryagents.redis.usage.RedisUsageStore;
import io.github.foundryagents.spring.jdbc.JdbcTaskStore;
import io.github.foundryagents.spring.jdbc.JdbcUsageStore;
import io.github.foundryagents.spring.support.StarterRunners;
import io.github.foundryagents.spring.support.TestPostgres;
import io.github.foundryagents.testkit.FakeFoundry;
import io.github.foundryagents.testkit.WithFakeFoundry;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.FilteredClassLoader;

/** Which queue, stores, webhook sender and worker the starter configures, and that the application's win. */
@WithFakeFoundry
class TasksAutoConfigurationTest {

    private final String queue = TestRedis.uniqueQueue("starter");
    private String schema;

    @AfterEach
    void cleanUp() {
        TestRedis.deleteQueue("bull", queue);
        if (schema != null) {
            TestPostgres.dropSchema(schema);
        }
    }

    private DataSource postgres() {
        schema = TestPostgres.newSchema("starter");
        return TestPostgres.dataSource(schema);
    }

    @Test
    void inMemoryQueueAndStoresWithoutWebhooksOrWorkerByDefault(FakeFoundry fake) {
        StarterRunners.against(fake).run(context -> {
            assertThat(context).getBean(TaskQueue.class).isInstanceOf(InMemoryTaskQueue.class);
            assertThat(context).getBean(TaskStore.class).isInstanceOf(InMemoryTaskStore.class);
            assertThat(context).getBean(UsageStore.class).isInstanceOf(InMemoryUsageStore.class);
            assertThat(context).hasSingleBean(AgentTaskService.class).doesNotHaveBean(WebhookNotifier.class)
                    .doesNotHaveBean(TaskWorkerLifecycle.class);
        });
    }

    @Test
    void aRedisConnectionBringsTheBullMqQueueAndTheRedisStore(FakeFoundry fake) {
        StarterRunners.against(fake).withPropertyValues("REDIS_URL=" + TestRedis.url(),
                "foundry.agents.queue.name=" + queue).run(context -> {
                    assertThat(context).getBean(TaskQueue.class).isInstanceOf(RedisTaskQueue.class);
                    assertThat(context.getBean(TaskQueue.class).name()).isEqualTo(queue);
                    assertThat(context).getBean(TaskStore.class).isInstanceOf(RedisTaskStore.class);
                    assertThat(context).getBean(UsageStore.class).isInstanceOf(RedisUsageStore.class);
                });
        StarterRunners.against(fake).withPropertyValues("foundry.agents.redis.url=" + TestRedis.url(),
                "foundry.agents.queue.name=" + queue, "foundry.agents.queue.type=in-memory",
                "foundry.agents.tasks.store=in-memory", "foundry.agents.usage.store=in-memory").run(context -> {
                    assertThat(context).getBean(TaskQueue.class).isInstanceOf(InMemoryTaskQueue.class);
                    assertThat(context).getBean(TaskStore.class).isInstanceOf(InMemoryTaskStore.class);
                    assertThat(context).getBean(UsageStore.class).isInstanceOf(InMemoryUsageStore.class);
                });
    }

    @Test
    void withoutTheRedisModuleARedisUrlChangesNothing(FakeFoundry fake) {
        StarterRunners.against(fake).withClassLoader(new FilteredClassLoader(RedisTaskQueue.class))
                .withPropertyValues("REDIS_URL=" + TestRedis.url())
                .run(context -> assertThat(context).getBean(TaskQueue.class).isInstanceOf(InMemoryTaskQueue.class));
    }

    @Test
    void aDataSourceBringsTheJdbcStoresAndRedisStillQueues(FakeFoundry fake) {
        DataSource dataSource = postgres();
        StarterRunners.against(fake).withBean(DataSource.class, () -> dataSource)
                .withPropertyValues("REDIS_URL=" + TestRedis.url(), "foundry.agents.queue.name=" + queue)
                .run(context -> {
                    assertThat(context).getBean(TaskStore.class).isInstanceOf(JdbcTaskStore.class);
                    assertThat(context).getBean(UsageStore.class).isInstanceOf(JdbcUsageStore.class);
                    assertThat(context).getBean(TaskQueue.class).isInstanceOf(RedisTaskQueue.class);
                });
        StarterRunners.against(fake).withBean(DataSource.class, () -> dataSource)
                .withPropertyValues("REDIS_URL=" + TestRedis.url(), "foundry.agents.queue.name=" + queue,
                        "foundry.agents.tasks.store=redis", "foundry.agents.usage.store=in-memory")
                .run(context -> {
                    assertThat(context).getBean(TaskStore.class).isInstanceOf(RedisTaskStore.class);
                    assertThat(context).getBean(UsageStore.class).isInstanceOf(InMemoryUsageStore.class);
                });
    }

    @Test
    void aChosenStoreThatCannotBeConfiguredFailsStartUpWithTheFix(FakeFoundry fake) {
        StarterRunners.against(fake).withPropertyValues("foundry.agents.queue.type=redis")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("foundry.agents.queue.type=redis but no Redis queue"));
        StarterRunners.against(fake).withPropertyValues("foundry.agents.tasks.store=jdbc")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("define a DataSource"));
        StarterRunners.against(fake).withPropertyValues("foundry.agents.usage.store=redis")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("foundry.agents.usage.store=redis"));
    }

    @Test
    void theApplicationsQueueStoreAndRunnerWin(FakeFoundry fake) {
        InMemoryTaskQueue ownQueue = new InMemoryTaskQueue("own");
        InMemoryTaskStore ownStore = new InMemoryTaskStore();
        TaskRunner ownRunner = task -> new TaskResult("own answer", null, List.of());
        StarterRunners.against(fake).withBean(TaskQueue.class, () -> ownQueue).withBean(TaskStore.class, () -> ownStore)
                .withBean(TaskRunner.class, () -> ownRunner)
                .withPropertyValues("foundry.agents.worker.enabled=true", "foundry.agents.worker.limiter.enabled=false")
                .run(context -> {
                    assertThat(context.getBean(TaskQueue.class)).isSameAs(ownQueue);
                    String id = context.getBean(AgentTaskService.class).submit("alice", Tier.STANDARD, "q", null, null);
                    TaskRecord done = awaitTerminal(ownStore, id);
                    assertThat(done.result()).isEqualTo("own answer");
                });
    }

    @Test
    void theWorkerRunsTasksInTheApplicationAndSignsWebhooksWhenASecretIsSet(FakeFoundry fake) {
        StarterRunners.against(fake).withPropertyValues("foundry.agents.worker.enabled=true",
                "foundry.agents.webhook.secret=s3cret", "foundry.agents.queue.backoff=10ms").run(context -> {
                    assertThat(context).hasSingleBean(WebhookNotifier.class);
                    TaskWorkerLifecycle worker = context.getBean(TaskWorkerLifecycle.class);
                    assertThat(worker.isRunning()).isTrue();
                    String id = context.getBean(AgentTaskService.class).submit("alice", Tier.PREMIUM, "hello", null,
                            null);
                    TaskRecord done = awaitTerminal(context.getBean(TaskStore.class), id);
                    assertThat(done.status()).isEqualTo(TaskStatus.COMPLETED);
                    assertThat(done.result()).startsWith("Fake reply from gpt-4o to: hello");
                    assertThat(done.deployments()).containsExactly("gpt-4o");
                    assertThat(context.getBean(io.github.foundryagents.core.AgentClient.class).usage().orElseThrow()
                            .usageThisMonth("alice").tokens().totalTokens()).isEqualTo(done.usage().totalTokens())
                            .isPositive();
                });
    }

    static TaskRecord awaitTerminal(TaskStore store, String id) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            TaskRecord task = store.get(id).orElseThrow();
            if (task.status().isTerminal()) {
                return task;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("task " + id + " did not finish: " + store.get(id));
    }
}
