package io.github.foundryagents.redis.queue;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.foundryagents.core.http.Json;
import io.github.foundryagents.core.tasks.JobState;
import io.github.foundryagents.redis.support.Node;
import io.github.foundryagents.redis.support.TestRedis;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Interop with the pinned bullmq 6.7.0 (installed by npm from interop/package-lock.json): jobs cross between
 * Node and Java in both directions, and BullMQ's own API reads the outcome.
 */
class BullMqInteropTest {

    private static final String SPEC = """
            {"jobs":[
              {"name":"a","data":{"mode":"ok","n":1},"opts":{"jobId":"ok-1"}},
              {"name":"b","data":{"mode":"fail-once","n":2},"opts":{"jobId":"once-2","attempts":2}},
              {"name":"c","data":{"mode":"fail-always","n":3},
               "opts":{"jobId":"always-3","attempts":2,"backoff":{"type":"fixed","delay":50}}},
              {"name":"d","data":{"mode":"ok","n":4},"opts":{"jobId":"prio-4","priority":5}},
              {"name":"e","data":{"mode":"ok","n":5},"opts":{"jobId":"delayed-5","delay":300}},
              {"name":"f","data":{"mode":"ok","n":6},"opts":{"jobId":"dup-6"},
               "submitTwice":true,"duplicateData":{"mode":"fail-always","n":99}}
            ]}""";
    private static final String[] IDS = {"ok-1", "once-2", "always-3", "prio-4", "delayed-5", "dup-6"};

    private final String name = TestRedis.uniqueQueue("interop");
    private final RedisTaskQueue queue = RedisTaskQueue.builder().client(TestRedis.client()).queue(name).build();

    @TempDir
    Path dir;

    @AfterEach
    void cleanUp() {
        queue.close();
        TestRedis.deleteQueue("bull", name);
    }

    @Test
    void nodeProducerFeedsJavaWorkerAndBullMqReadsTheOutcome() throws Exception {
        Path spec = Files.writeString(dir.resolve("spec.json"), SPEC, StandardCharsets.UTF_8);
        Node.script("produce.mjs", TestRedis.url(), name, spec.toString());

        BullMqInterop.consume(queue, 6, Duration.ofSeconds(30));

        assertOutcome(inspectWithBullMq());
    }

    @Test
    void javaProducerFeedsNodeWorkerAndBothSidesAgree() throws Exception {
        BullMqInterop.produce(queue, Json.parse(SPEC.getBytes(StandardCharsets.UTF_8)));
        assertThat(queue.getJob("dup-6").orElseThrow().dataJson()).isEqualTo("{\"mode\":\"ok\",\"n\":6}");

        Node.script("consume.mjs", TestRedis.url(), name, "6");

        assertOutcome(inspectWithBullMq());
        assertThat(queue.getJob("once-2").orElseThrow().state()).isEqualTo(JobState.COMPLETED);
        assertThat(queue.getJob("once-2").orElseThrow().attemptsMade()).isEqualTo(2);
        assertThat(queue.getJob("always-3").orElseThrow().failedReason()).isEqualTo("boom-3");
    }

    @Test
    void nodeReadsJavaJobsWhileTheyWait() throws Exception {
        BullMqInterop.produce(queue, Json.parse(SPEC.getBytes(StandardCharsets.UTF_8)));

        Map<String, JsonNode> jobs = inspectWithBullMq();

        assertThat(jobs.get("ok-1").path("state").asText()).isEqualTo("waiting");
        assertThat(jobs.get("prio-4").path("state").asText()).isEqualTo("prioritized");
        assertThat(jobs.get("prio-4").path("priority").asInt()).isEqualTo(5);
        assertThat(jobs.get("delayed-5").path("state").asText()).isEqualTo("delayed");
        assertThat(jobs.get("ok-1").path("data").path("n").asInt()).isEqualTo(1);
        JsonNode counts = jobs.get("counts");
        assertThat(counts.path("waiting").asInt()).isEqualTo(4);
        assertThat(counts.path("prioritized").asInt()).isEqualTo(1);
        assertThat(counts.path("delayed").asInt()).isEqualTo(1);
    }

    private Map<String, JsonNode> inspectWithBullMq() {
        return Node.inspect(TestRedis.url(), name, IDS);
    }

    private static void assertOutcome(Map<String, JsonNode> jobs) {
        assertThat(jobs.get("ok-1").path("state").asText()).isEqualTo("completed");
        assertThat(jobs.get("ok-1").path("attemptsMade").asInt()).isEqualTo(1);
        assertThat(jobs.get("ok-1").path("returnvalue").path("echo").asInt()).isEqualTo(1);
        assertThat(jobs.get("once-2").path("state").asText()).isEqualTo("completed");
        assertThat(jobs.get("once-2").path("attemptsMade").asInt()).isEqualTo(2);
        assertThat(jobs.get("once-2").path("returnvalue").path("echo").asInt()).isEqualTo(2);
        assertThat(jobs.get("once-2").path("failedReason").asText()).isEqualTo("first-attempt-2");
        assertThat(jobs.get("always-3").path("state").asText()).isEqualTo("failed");
        assertThat(jobs.get("always-3").path("attemptsMade").asInt()).isEqualTo(2);
        assertThat(jobs.get("always-3").path("failedReason").asText()).isEqualTo("boom-3");
        assertThat(jobs.get("always-3").path("returnvalue").isNull()).isTrue();
        assertThat(jobs.get("prio-4").path("state").asText()).isEqualTo("completed");
        assertThat(jobs.get("delayed-5").path("state").asText()).isEqualTo("completed");
        assertThat(jobs.get("dup-6").path("state").asText()).isEqualTo("completed");
        assertThat(jobs.get("dup-6").path("returnvalue").path("echo").asInt()).isEqualTo(6);
        assertThat(jobs.get("counts").path("completed").asInt()).isEqualTo(5);
        assertThat(jobs.get("counts").path("failed").asInt()).isEqualTo(1);
    }
}
