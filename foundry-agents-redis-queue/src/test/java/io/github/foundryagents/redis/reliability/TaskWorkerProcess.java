package io.github.foundryagents.redis.reliability;

import io.github.foundryagents.core.chat.TokenUsage;
import io.github.foundryagents.core.tasks.AgentTaskService;
import io.github.foundryagents.core.tasks.TaskResult;
import io.github.foundryagents.core.tasks.TaskStore;
import io.github.foundryagents.core.tasks.WorkerOptions;
import io.github.foundryagents.redis.queue.RedisTaskQueue;
import io.github.foundryagents.redis.store.RedisTaskStore;
import io.lettuce.core.RedisClient;
import java.time.Duration;
import java.util.List;

/**
 * A worker process for the crash tests: runs agent tasks from a Redis queue until killed. Counts each terminal
 * transition it applies in a Redis hash, so the test can prove every task finished exactly once.
 * Args: redisUrl queue storePrefix counterKey.
 */
public final class TaskWorkerProcess {

    private TaskWorkerProcess() {
    }

    public static void main(String[] args) throws Exception {
        RedisClient client = RedisClient.create(args[0]);
        RedisTaskQueue queue = RedisTaskQueue.builder().client(client).queue(args[1]).build();
        RedisTaskStore store = new RedisTaskStore(client, args[2], Duration.ofHours(1));
        var counter = client.connect().sync();
        String counterKey = args[3];
        TaskStore counting = new CountingTaskStore(store, id -> counter.hincrby(counterKey, id, 1));
        AgentTaskService service = AgentTaskService.builder().queue(queue).store(counting)
                .runner(task -> {
                    System.out.println("started " + task.id()); // the test kills a worker only once it holds jobs
                    System.out.flush();
                    Thread.sleep(60);
                    System.out.println("finished " + task.id());
                    System.out.flush();
                    return new TaskResult("done " + task.id(), new TokenUsage(1, 1, 2), List.of("fake"));
                }).build();
        service.startWorker(WorkerOptions.builder().concurrency(5).noLimiter().lockDuration(Duration.ofSeconds(1))
                .stalledInterval(Duration.ofMillis(500)).drainDelay(Duration.ofMillis(200)).build());
        System.out.println("ready");
        Thread.currentThread().join();
    }
}
