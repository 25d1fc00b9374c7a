package io.github.foundryagents.redis.queue;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.foundryagents.core.http.Json;
import io.github.foundryagents.core.tasks.JobState;
import io.github.foundryagents.redis.support.Node;
import io.github.foundryagents.redis.support.Processes;
import io.github.foundryagents.redis.support.TestRedis;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The interop command line as other teams run it: {@code bash foundry-agents-redis-queue/interop.sh produce|consume}
 * from the repository root against the real Redis, with a spec that exercises verbatim {@code dataJson},
 * {@code submitTwice}/{@code duplicateData} and the ok, fail-once and fail-always modes. Results are read through
 * our queue's API and through BullMQ's.
 */
class InteropScriptTest {

    /** Spaces, a \u00e9 escape and a raw non-ASCII character: any re-encoding of dataJson would show. */
    private static final String VERBATIM = "{ \"mode\" : \"ok\",\"n\":1,  \"note\":\"caf\\u00e9 \u2013 spaced\" }";
    private static final String[] IDS = {"verbatim-1", "once-2", "always-3", "twice-4"};

    private final String name = TestRedis.uniqueQueue("interop-cli");
    private final RedisTaskQueue queue = RedisTaskQueue.builder().client(TestRedis.client()).queue(name).build();

    @TempDir
    Path dir;

    @AfterEach
    void cleanUp() {
        queue.close();
        TestRedis.deleteQueue("bull", name);
    }

    private static String spec() {
        var jobs = Json.mapper().createArrayNode();
        jobs.addObject().put("name", "verbatim").put("dataJson", VERBATIM).putObject("opts").put("jobId", IDS[0]);
        var once = jobs.addObject().put("name", "once");
        once.putObject("data").put("mode", "fail-once").put("n", 2);
        once.putObject("opts").put("jobId", IDS[1]).put("attempts", 2).putObject("backoff").put("type", "fixed")
                .put("delay", 50);
        var always = jobs.addObject().put("name", "always");
        always.putObject("data").put("mode", "fail-always").put("n", 3);
        always.putObject("opts").put("jobId", IDS[2]).put("attempts", 2).putObject("backoff").put("type", "fixed")
                .put("delay", 50);
        var twice = jobs.addObject().put("name", "twice").put("submitTwice", true);
        twice.putObject("data").put("mode", "ok").put("n", 4);
        twice.putObject("opts").put("jobId", IDS[3]);
        twice.putObject("duplicateData").put("mode", "fail-always").put("n", 99);
        jobs.addObject().put("name", "numbered").putObject("data").put("mode", "ok").put("n", 5);
        return Json.object().set("jobs", jobs).toString();
    }

    /** Runs {@code bash foundry-agents-redis-queue/interop.sh ARGS} from the repository root. */
    private static List<String> interopSh(String... args) {
        List<String> command = new ArrayList<>(List.of("bash", "foundry-agents-redis-queue/interop.sh"));
        command.addAll(List.of(args));
        return Processes.run(Path.of("..").toAbsolutePath().normalize(), 180, command.toArray(String[]::new));
    }

    private static List<JsonNode> json(List<String> lines) {
        return lines.stream().map(l -> Json.parse(l.getBytes(StandardCharsets.UTF_8))).toList();
    }

    @Test
    void produceThenConsumeThroughTheScriptAsOtherTeamsRunIt() throws Exception {
        Path spec = Files.writeString(dir.resolve("spec.json"), spec(), StandardCharsets.UTF_8);

        List<JsonNode> produced = json(interopSh("produce", "--redis", TestRedis.url(), "--queue", name, "--spec",
                spec.toString()));

        assertThat(produced).extracting(n -> n.path("id").asText()).startsWith(IDS).hasSize(5);
        String numbered = produced.get(4).path("id").asText();
        assertThat(numbered).matches("[0-9]+");
        assertThat(queue.getJob(IDS[0]).orElseThrow().dataJson()).as("dataJson is stored verbatim")
                .isEqualTo(VERBATIM);
        assertThat(queue.getJob(IDS[3]).orElseThrow().dataJson()).as("the second submission is ignored")
                .isEqualTo("{\"mode\":\"ok\",\"n\":4}");
        assertThat(queue.counts()).isEqualTo(new QueueCounts(5, 0, 0, 0, 0, 0));

        List<JsonNode> consumed = json(interopSh("consume", "--redis", TestRedis.url(), "--queue", name,
                "--expect", spec.toString(), "--timeout", "60"));

        Map<String, JsonNode> finished = new HashMap<>();
        consumed.forEach(n -> finished.put(n.path("id").asText(), n));
        assertThat(finished).containsOnlyKeys(IDS[0], IDS[1], IDS[2], IDS[3], numbered);
        assertThat(finished.get(IDS[0]).path("dataJson").asText()).isEqualTo(VERBATIM);
        assertThat(queue.getJob(IDS[2]).orElseThrow().state()).isEqualTo(JobState.FAILED);

        List<String> all = new ArrayList<>(List.of(IDS));
        all.add(numbered);
        Map<String, JsonNode> bullmq = Node.inspect(TestRedis.url(), name, all.toArray(String[]::new));
        JsonNode verbatim = bullmq.get(IDS[0]);
        assertThat(verbatim.path("state").asText()).isEqualTo("completed");
        assertThat(verbatim.path("data").path("note").asText()).isEqualTo("caf\u00e9 \u2013 spaced");
        assertThat(verbatim.path("returnvalue").path("echo").asInt()).isEqualTo(1);
        JsonNode once = bullmq.get(IDS[1]);
        assertThat(once.path("state").asText()).isEqualTo("completed");
        assertThat(once.path("attemptsMade").asInt()).isEqualTo(2);
        assertThat(once.path("failedReason").asText()).isEqualTo("first-attempt-2");
        assertThat(once.path("returnvalue").path("echo").asInt()).isEqualTo(2);
        JsonNode always = bullmq.get(IDS[2]);
        assertThat(always.path("state").asText()).isEqualTo("failed");
        assertThat(always.path("attemptsMade").asInt()).isEqualTo(2);
        assertThat(always.path("failedReason").asText()).isEqualTo("boom-3");
        assertThat(bullmq.get(IDS[3]).path("returnvalue").path("echo").asInt()).as("ran with the first data")
                .isEqualTo(4);
        assertThat(bullmq.get(numbered).path("returnvalue").path("echo").asInt()).isEqualTo(5);
        assertThat(bullmq.get("counts").path("completed").asInt()).isEqualTo(4);
        assertThat(bullmq.get("counts").path("failed").asInt()).isEqualTo(1);
    }
}
