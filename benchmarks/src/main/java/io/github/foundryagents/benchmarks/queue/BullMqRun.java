package io.github.foundryagents.benchmarks.queue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.foundryagents.core.http.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * BullMQ's side of one benchmark case: runs {@code benchmarks/queue-bullmq/bench.mjs} with the pinned bullmq
 * (installed by {@code npm ci} from its package-lock.json) and reads the jobs per second it prints.
 */
final class BullMqRun {

    private static final long TIMEOUT_MINUTES = 10;

    private final Path dir;
    private final String redisUrl;

    BullMqRun(Path dir, String redisUrl) {
        this.dir = dir;
        this.redisUrl = redisUrl;
    }

    /** @return the pinned bullmq version actually installed */
    String installedVersion() throws IOException {
        Path pkg = dir.resolve("node_modules/bullmq/package.json");
        if (!Files.exists(pkg)) {
            throw new IllegalStateException("bullmq is not installed in " + dir + ": run npm ci there (queue.sh"
                    + " does it)");
        }
        return Json.parse(Files.readAllBytes(pkg)).path("version").asText();
    }

    /** @return jobs per second of the case on {@code queue}, after a warm-up round */
    double run(String benchCase, String queue, int jobs, int warmup) throws IOException, InterruptedException {
        Path out = Files.createTempFile("bullmq-bench", ".json");
        Path err = Files.createTempFile("bullmq-bench", ".err");
        try {
            Process p = new ProcessBuilder(List.of("node", "bench.mjs", redisUrl, queue, benchCase,
                    Integer.toString(jobs), Integer.toString(warmup))).directory(dir.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IllegalStateException("bench.mjs " + benchCase + " did not finish in " + TIMEOUT_MINUTES
                        + " minutes");
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException("bench.mjs " + benchCase + " exited " + p.exitValue() + ": "
                        + Files.readString(err));
            }
            List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
            JsonNode result = Json.parse(lines.get(lines.size() - 1).getBytes(StandardCharsets.UTF_8));
            return result.path("jobs_per_s").asDouble();
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
