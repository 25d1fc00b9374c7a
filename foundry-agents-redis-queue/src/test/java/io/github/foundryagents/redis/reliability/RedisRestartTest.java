package io.github.foundryagents.redis.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.foundryagents.core.chat.TokenUsage;
import io.github.foundryagents.core.tasks.AgentTaskService;
import io.github.foundryagents.core.tasks.JobOptions;
import io.github.foundryagents.core.tasks.KeepJobs;
import io.github.foundryagents.core.tasks.TaskRecord;
import io.github.foundryagents.core.tasks.TaskResult;
import io.github.foundryagents.core.tasks.TaskStatus;
import io.github.foundryagents.core.tasks.Tier;
import io.github.foundryagents.core.tasks.Worker;
import io.github.foundryagents.core.tasks.WorkerListener;
import io.github.foundryagents.core.tasks.WorkerOptions;
import io.github.foundryagents.redis.RedisConnections;
import io.github.foundryagents.redis.queue.QueueCounts;
import io.github.foundryagents.redis.queue.RedisTaskQueue;
import io.github.foundryagents.redis.store.RedisTaskStore;
import io.github.foundryagents.redis.support.OwnRedisServer;
import io.lettuce.core.RedisClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Redis (append-only persistence) is shut down and started again on the same port and directory while two
 * workers run agent tasks: the workers and the producer reconnect by themselves, and every task ends completed
 * exactly once, with nothing lost and the queue's counts matching the task records.
 */
class RedisRestartTest {

    private static final int BEFORE_RESTART = 400;
    private static final int AFTER_RESTART = 100;
    private static final Duration OUTAGE = Duration.ofMillis(500);
    /** Idle workers block this long on the marker; closing must not wait for it. */
    private static final Duration DRAIN_DELAY = Duration.ofSeconds(20);
    /** BullMQ names a worker's blocking connection {@code prefix:base64(queue)}; Queue.getWorkers() lists them. */
    private static final String BULL_WORKER_NAME = "bull:" + java.util.Base64.getEncoder()
            .encodeToString("agent-tasks".getBytes(java.nio.charset.StandardCharsets.UTF_8));

    private final OwnRedisServer server = OwnRedisServer.startWithAppendOnly();
    private final List<RedisClient> clients = new ArrayList<>();
    private final List<Worker> workers = new ArrayList<>();
    private final Map<String, AtomicInteger> terminal = new ConcurrentHashMap<>();
    private final List<Throwable> workerErrors = java.util.Collections.synchronizedList(new ArrayList<>());

    @AfterEach
    void stop() {
        workers.forEach(w -> w.close(Duration.ofSeconds(5)));
        clients.forEach(RedisClient::shutdown);
        server.close();
    }

    private RedisClient client() {
        RedisClient client = RedisConnections.client(server.url(), null);
        clients.add(client);
        return client;
    }

    /** One worker "instance": its own client, queue and store, as a separate process would have. */
    private void startWorker() {
        RedisClient client = client();
        RedisTaskQueue queue = RedisTaskQueue.builder().client(client).queue("agent-tasks").build();
        RedisTaskStore store = new RedisTaskStore(client, "restart", Duration.ofHours(1));
        AgentTaskService service = AgentTaskService.builder().queue(queue)
                .store(new CountingTaskStore(store, id -> terminal.computeIfAbsent(id, k -> new AtomicInteger())
                        .incrementAndGet()))
                .runner(task -> {
                    Thread.sleep(10);
                    return new TaskResult("done " + task.id(), new TokenUsage(1, 1, 2), List.of("fake"));
                }).build();
        workers.add(service.startWorker(WorkerOptions.builder().concurrency(5).noLimiter()
                .lockDuration(Duration.ofSeconds(2)).stalledInterval(Duration.ofSeconds(1))
                .drainDelay(DRAIN_DELAY).listener(new WorkerListener() {
                    @Override
                    public void onError(Throwable error) {
                        workerErrors.add(error);
                    }
                }).build()));
    }

    @Test
    void workersReconnectAfterARestartAndFinishEveryTaskExactlyOnce() throws Exception {
        RedisClient producerClient = client();
        RedisTaskQueue queue = RedisTaskQueue.builder().client(producerClient).queue("agent-tasks").build();
        RedisTaskStore store = new RedisTaskStore(producerClient, "restart", Duration.ofHours(1));
        AgentTaskService producer = AgentTaskService.builder().queue(queue).store(store)
                .runner(task -> {
                    throw new AssertionError("the producer runs no tasks");
                })
                .jobOptions(JobOptions.builder().removeOnComplete(KeepJobs.all()).removeOnFail(KeepJobs.all())
                        .build())
                .build();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < BEFORE_RESTART; i++) {
            ids.add(producer.submit("user-" + (i % 5), i % 3 == 0 ? Tier.PREMIUM : Tier.STANDARD, "p" + i, null,
                    null));
        }
        String runIdBefore = runId();
        startWorker();
        startWorker();
        await(() -> queue.counts().finished() >= BEFORE_RESTART / 4, Duration.ofSeconds(60), "first jobs done");

        QueueCounts atShutdown = queue.counts();
        server.shutdown();
        Thread.sleep(OUTAGE.toMillis()); // workers keep calling Redis while it is down
        server.start();
        for (int i = 0; i < AFTER_RESTART; i++) {
            ids.add(producer.submit("user-" + (i % 5), Tier.STANDARD, "after " + i, null, null));
        }
        int total = BEFORE_RESTART + AFTER_RESTART;
        await(() -> {
            QueueCounts c = queue.counts();
            return c.pending() == 0 && c.finished() >= total;
        }, Duration.ofSeconds(90), "every job finished after the restart");

        assertThat(runId()).as("Redis really restarted").isNotEqualTo(runIdBefore);
        assertThat(atShutdown.pending()).as("jobs still to run when Redis went down").isPositive();
        QueueCounts after = queue.counts();
        assertThat(after.completed()).isEqualTo(total);
        assertThat(after.failed()).isZero();
        for (String id : ids) {
            TaskRecord record = store.get(id).orElseThrow(() -> new AssertionError(id + " lost"));
            assertThat(record.status()).as(id).isEqualTo(TaskStatus.COMPLETED);
            assertThat(terminal.get(id)).as("terminal transitions of " + id).hasValue(1);
        }
        assertThat(terminal).hasSize(total);
        assertThat(workerConnectionNames()).as("workers' blocking connections, named again after reconnecting")
                .containsExactly(BULL_WORKER_NAME, BULL_WORKER_NAME);
        for (Worker w : workers) {
            long start = System.nanoTime();
            assertThat(w.close(Duration.ofSeconds(5))).isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("an idle worker is woken, not left blocked"
                    + " for its drain delay").isLessThan(DRAIN_DELAY.dividedBy(2));
        }
        workers.clear();
        queue.close();
        store.close();
    }

    private List<String> workerConnectionNames() {
        try (var c = clients.get(0).connect()) {
            return c.sync().clientList().lines().map(l -> l.replaceAll(".* name=(\\S*) .*", "$1"))
                    .filter(n -> n.startsWith("bull:")).toList();
        }
    }

    /** @return the server's run_id, which changes on every start */
    private String runId() {
        try (var c = clients.get(0).connect()) {
            return c.sync().info("server").lines().filter(l -> l.startsWith("run_id:")).findFirst()
                    .orElseThrow();
        }
    }

    private void await(BooleanSupplier condition, Duration timeout, String what) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for: " + what + "; worker errors: " + workerErrors);
            }
            Thread.sleep(50);
        }
    }
}
