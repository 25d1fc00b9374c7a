package io.github.foundryagents.examples.docs;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.foundryagents.core.chat.TokenUsage;
import io.github.foundryagents.core.config.Secret;
import io.github.foundryagents.core.tasks.AgentTaskService;
import io.github.foundryagents.core.tasks.TaskQueue;
import io.github.foundryagents.core.tasks.TaskRecord;
import io.github.foundryagents.core.tasks.TaskResult;
import io.github.foundryagents.core.tasks.TaskStore;
import io.github.foundryagents.core.tasks.Tier;
import io.github.foundryagents.core.tasks.Worker;
import io.github.foundryagents.core.tasks.WorkerOptions;
import io.github.foundryagents.core.webhook.WebhookNotifier;
import io.github.foundryagents.redis.RedisConnections;
import io.github.foundryagents.redis.queue.RedisTaskQueue;
import io.github.foundryagents.redis.store.RedisTaskStore;
import io.lettuce.core.RedisClient;

/**
 * Code shown in docs/tasks.md; compiled by the build, checked by DocSnippetsTest. It needs Redis and Azure; the
 * same flow runs against the fake and in-memory queue in TasksStepTest and in the Redis module's tests.
 */
@SuppressWarnings("unused")
final class TasksSnippets {

    /** The application's agent, turning a task into a result. */
    interface MyAgent {
        TaskResult run(TaskRecord task);
    }

    /** The application's usage bookkeeping. */
    interface UsageBook {
        void record(String owner, TokenUsage usage);
    }

    private TasksSnippets() {
    }

    static Worker submitAndRun(MyAgent myAgent, UsageBook meter, JsonNode context) {
        // snippet: tasks#service
        RedisClient redis = RedisConnections.fromEnvironment();               // REDIS_URL
        TaskQueue queue = RedisTaskQueue.builder().client(redis).queue("agent-tasks").build();
        TaskStore store = RedisTaskStore.create(redis);                        // or new InMemoryTaskStore()
        AgentTaskService tasks = AgentTaskService.builder()
                .queue(queue).store(store)
                .runner(task -> myAgent.run(task))                              // TaskRunner: task in, TaskResult out
                .webhooks(WebhookNotifier.builder().secret(Secret.of(System.getenv("WEBHOOK_SECRET"))).build())
                .usage(done -> meter.record(done.owner(), done.usage()))        // TaskUsageListener
                .build();

        String id = tasks.submit("user-42", Tier.PREMIUM, "Research our competitors", context, "https://example.com/hook");
        Worker worker = tasks.startWorker(WorkerOptions.defaults());             // concurrency 5, 10 jobs/minute
        tasks.get("user-42", id);                                                // owner-scoped: others see nothing
        // end-snippet
        return worker;
    }
}
