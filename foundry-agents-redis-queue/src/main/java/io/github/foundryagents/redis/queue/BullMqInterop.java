package io.github.foundryagents.redis.queue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.foundryagents.core.http.Json;
import io.github.foundryagents.core.tasks.JobHandler;
import io.github.foundryagents.core.tasks.JobOptions;
import io.github.foundryagents.core.tasks.JobSnapshot;
import io.github.foundryagents.core.tasks.NewJob;
import io.github.foundryagents.core.tasks.Worker;
import io.github.foundryagents.core.tasks.WorkerOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Java side of BullMQ interop checks, run by {@code foundry-agents-redis-queue/interop.sh}:
 * <ul>
 *   <li>{@code produce --redis URL --queue NAME --spec FILE} adds the spec's jobs in order (BullMQ option names;
 *       {@code dataJson} is stored verbatim; {@code submitTwice} re-adds with the same jobId and
 *       {@code duplicateData});</li>
 *   <li>{@code consume --redis URL --queue NAME --expect FILE} runs a worker until every job of the spec has
 *       finished: {@code data.mode} {@code ok} returns {@code {"echo": n}}, {@code fail-once} throws on the first
 *       attempt only, {@code fail-always} throws {@code boom-<n>}.</li>
 * </ul>
 * Optional: {@code --prefix P} (default {@code bull}), {@code --timeout SECONDS} (default 60). Prints one JSON
 * line per job.
 */
public final class BullMqInterop {

    private BullMqInterop() {
    }

    /**
     * @param args the command and its flags
     * @throws Exception on failure (non-zero exit)
     */
    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            usage("missing command");
        }
        Map<String, String> flags = flags(args);
        String file = args[0].equals("produce") ? flags.get("spec") : flags.get("expect");
        if (flags.get("redis") == null || flags.get("queue") == null || file == null) {
            usage("missing flag");
        }
        JsonNode spec = readSpec(Path.of(file));
        try (RedisTaskQueue queue = RedisTaskQueue.builder().url(flags.get("redis")).queue(flags.get("queue"))
                .prefix(flags.getOrDefault("prefix", RedisTaskQueue.DEFAULT_PREFIX)).build()) {
            switch (args[0]) {
                case "produce" -> produce(queue, spec).forEach(id -> System.out.println(
                        Json.object().put("id", id)));
                case "consume" -> {
                    List<JobSnapshot> done = consume(queue, spec.path("jobs").size(),
                            Duration.ofSeconds(Long.parseLong(flags.getOrDefault("timeout", "60"))));
                    for (JobSnapshot s : done) {
                        System.out.println(Json.mapper().writeValueAsString(s));
                    }
                }
                default -> usage("unknown command " + args[0]);
            }
        }
    }

    /** Adds the spec's jobs; returns their ids in order. */
    static List<String> produce(RedisTaskQueue queue, JsonNode spec) throws JsonProcessingException {
        List<String> ids = new ArrayList<>();
        for (JsonNode job : spec.path("jobs")) {
            String name = job.path("name").asText("job");
            JobOptions options = options(job.path("opts"));
            String data = job.has("dataJson") ? job.get("dataJson").asText() : job.path("data").toString();
            if (!job.has("dataJson") && !job.has("data")) {
                data = "{}";
            }
            ids.add(queue.add(new NewJob(name, data, options)));
            if (job.path("submitTwice").asBoolean(false)) {
                JsonNode dup = job.has("duplicateData") ? job.get("duplicateData") : job.path("data");
                queue.add(new NewJob(name, dup.isMissingNode() ? "{}" : dup.toString(), options));
            }
        }
        return ids;
    }

    /** BullMQ option names to our options, with BullMQ's defaults for what the spec leaves out. */
    static JobOptions options(JsonNode opts) throws JsonProcessingException {
        JobOptions base = BullJobCodec.decodeOptions(opts.isObject() ? opts.toString() : "{}",
                opts.path("priority").asInt(0));
        JobOptions.Builder b = base.toBuilder().delay(Duration.ofMillis(opts.path("delay").asLong(0)));
        if (opts.hasNonNull("jobId")) {
            b.jobId(opts.get("jobId").asText());
        }
        return b.build();
    }

    /** The interop handler: ok → {"echo": n}, fail-once → throws on the first attempt, fail-always → boom-n. */
    static JobHandler handler() {
        return job -> {
            JsonNode data = job.data();
            int n = data.path("n").asInt(0);
            switch (data.path("mode").asText("ok")) {
                case "fail-once" -> {
                    if (job.attemptsMade() == 0) {
                        throw new IllegalStateException("first-attempt-" + n);
                    }
                }
                case "fail-always" -> throw new IllegalStateException("boom-" + n);
                default -> {
                    // ok
                }
            }
            return Json.object().put("echo", n);
        };
    }

    /** Runs a worker until {@code expected} jobs have finished; returns the finished jobs. */
    static List<JobSnapshot> consume(RedisTaskQueue queue, int expected, Duration timeout)
            throws InterruptedException {
        Worker worker = queue.createWorker(handler(), WorkerOptions.builder().noLimiter()
                .drainDelay(Duration.ofMillis(500)).build());
        try {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (true) {
                QueueCounts counts = queue.counts();
                if (counts.finished() >= expected && counts.pending() == 0) {
                    break;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("timed out waiting for " + expected + " jobs: " + counts);
                }
                Thread.sleep(100);
            }
        } finally {
            worker.close(Duration.ofSeconds(10));
        }
        return queue.finishedJobs();
    }

    private static JsonNode readSpec(Path file) {
        try {
            return Json.parse(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static Map<String, String> flags(String[] args) {
        Map<String, String> flags = new HashMap<>();
        for (int i = 1; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                usage("expected a --flag, got " + args[i]);
            }
            flags.put(args[i].substring(2), args[i + 1]);
        }
        return flags;
    }

    private static void usage(String problem) {
        throw new IllegalArgumentException(problem + "\nusage: interop.sh produce --redis URL --queue NAME --spec FILE"
                + "\n       interop.sh consume --redis URL --queue NAME --expect FILE"
                + "\n       [--prefix bull] [--timeout 60]");
    }
}
