package io.github.foundryagents.redis.queue;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.foundryagents.core.http.Json;
import io.github.foundryagents.core.tasks.JobState;
import io.github.foundryagents.core.tasks.Worker;
import io.github.foundryagents.core.tasks.WorkerListener;
import io.github.foundryagents.core.tasks.WorkerOptions;
import io.github.foundryagents.redis.support.Node;
import io.github.foundryagents.redis.support.TestRedis;
import io.lettuce.core.api.sync.RedisCommands;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Node and Java workers sharing one queue's lifecycle: a prioritized job whose Node worker died is recovered and
 * run by the Java worker, and BullMQ's queue-level pause stops the Java worker until BullMQ resumes the queue.
 */
class BullMqSharedQueueTest {

    private final String name = TestRedis.uniqueQueue("shared");
    private final RedisTaskQueue queue = RedisTaskQueue.builder().client(TestRedis.client()).queue(name).build();
    private final RedisCommands<String, String> redis = TestRedis.client().connect().sync();
    private final List<Worker> workers = new ArrayList<>();

    @TempDir
    Path dir;

    @AfterEach
    void cleanUp() {
        workers.forEach(w -> w.close(Duration.ofSeconds(5)));
        queue.close();
        TestRedis.deleteQueue("bull", name);
        redis.getStatefulConnection().close();
    }

    private String key(String suffix) {
        return "bull:" + name + ":" + suffix;
    }

    private Path spec(String json) throws Exception {
        return Files.writeString(dir.resolve("spec.json"), json, StandardCharsets.UTF_8);
    }

    private Worker startJavaWorker(WorkerOptions.Builder options) {
        Worker worker = queue.createWorker(BullMqInterop.handler(), options.noLimiter().build());
        workers.add(worker);
        return worker;
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    @Test
    void aPrioritizedJobWhoseNodeWorkerDiedIsRecoveredAndRunByTheJavaWorker() throws Exception {
        Node.script("produce.mjs", TestRedis.url(), name, spec("""
                {"jobs":[
                  {"name":"first","data":{"mode":"ok","n":1},"opts":{"jobId":"stall-me","priority":2}},
                  {"name":"second","data":{"mode":"ok","n":2},"opts":{"jobId":"after","priority":4}}
                ]}""").toString());
        assertThat(redis.zrange(key("prioritized"), 0, -1)).containsExactly("stall-me", "after");

        List<String> took = Node.script("die-holding.mjs", TestRedis.url(), name);

        assertThat(took).containsExactly("{\"took\":\"stall-me\"}");
        assertThat(redis.lrange(key("active"), 0, -1)).containsExactly("stall-me");
        List<String> stalled = Collections.synchronizedList(new ArrayList<>());
        List<String> ran = Collections.synchronizedList(new ArrayList<>());
        startJavaWorker(WorkerOptions.builder().concurrency(1).stalledInterval(Duration.ofMillis(200))
                .drainDelay(Duration.ofMillis(200)).listener(new WorkerListener() {
                    @Override
                    public void onStalled(String jobId) {
                        stalled.add(jobId);
                    }

                    @Override
                    public void onCompleted(io.github.foundryagents.core.tasks.Job job, String returnValueJson) {
                        ran.add(job.id());
                    }
                }));

        await(() -> ran.size() == 2, "both jobs to complete");
        assertThat(stalled).containsExactly("stall-me");
        assertThat(ran).containsExactlyInAnyOrder("stall-me", "after");
        assertThat(redis.hget(key("stall-me"), "stc")).isEqualTo("1");
        assertThat(redis.hget(key("stall-me"), "ats")).isEqualTo("2");
        Map<String, JsonNode> bullmq = Node.inspect(TestRedis.url(), name, "stall-me", "after");
        JsonNode recovered = bullmq.get("stall-me");
        assertThat(recovered.path("state").asText()).isEqualTo("completed");
        assertThat(recovered.path("priority").asInt()).isEqualTo(2);
        assertThat(recovered.path("attemptsMade").asInt()).isEqualTo(1);
        assertThat(recovered.path("returnvalue").path("echo").asInt()).isEqualTo(1);
        assertThat(bullmq.get("after").path("state").asText()).isEqualTo("completed");
        assertThat(bullmq.get("counts").path("completed").asInt()).isEqualTo(2);
        assertThat(bullmq.get("counts").path("active").asInt()).isZero();
    }

    @Test
    void aQueuePausedByBullMqHoldsTheJavaWorkerUntilBullMqResumesIt() throws Exception {
        startJavaWorker(WorkerOptions.builder().concurrency(2).drainDelay(Duration.ofMillis(100)));
        assertThat(Node.script("queue-admin.mjs", TestRedis.url(), name, "pause"))
                .containsExactly("{\"paused\":true}");

        Node.script("produce.mjs", TestRedis.url(), name, spec("""
                {"jobs":[
                  {"name":"plain","data":{"mode":"ok","n":1},"opts":{"jobId":"plain-1"}},
                  {"name":"urgent","data":{"mode":"ok","n":2},"opts":{"jobId":"prio-2","priority":1}}
                ]}""").toString());
        // A negative observation needs a window: the idle worker polls every 100 ms, so ten polls pass here.
        Thread.sleep(1_000);

        assertThat(queue.getJob("plain-1").orElseThrow().state()).isEqualTo(JobState.WAITING);
        assertThat(queue.getJob("prio-2").orElseThrow().state()).isEqualTo(JobState.PRIORITIZED);
        assertThat(redis.llen(key("active"))).isZero();

        assertThat(Node.script("queue-admin.mjs", TestRedis.url(), name, "resume"))
                .containsExactly("{\"paused\":false}");
        await(() -> queue.counts().completed() == 2, "both jobs to complete after the resume");
        Map<String, JsonNode> bullmq = Node.inspect(TestRedis.url(), name, "plain-1", "prio-2");
        assertThat(bullmq.get("plain-1").path("returnvalue").path("echo").asInt()).isEqualTo(1);
        assertThat(bullmq.get("prio-2").path("state").asText()).isEqualTo("completed");
        assertThat(Json.parse(redis.hget(key("prio-2"), "returnvalue").getBytes(StandardCharsets.UTF_8))
                .path("echo").asInt()).isEqualTo(2);
    }
}
