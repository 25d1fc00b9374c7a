package io.github.foundryagents.redis.support;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.foundryagents.core.http.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the Node side of the interop checks (foundry-agents-redis-queue/interop): installs the pinned bullmq from
 * package-lock.json with {@code npm ci} on first use, then runs scripts and returns their standard output.
 */
public final class Node {

    private static final Path DIR = Path.of("interop").toAbsolutePath();
    private static boolean installed;

    private Node() {
    }

    /** @return the interop directory, with bullmq installed */
    public static synchronized Path interopDir() {
        if (!installed) {
            if (!Files.isDirectory(DIR.resolve("node_modules/bullmq"))) {
                Processes.run(DIR, 300, "npm", "ci", "--no-audit", "--no-fund");
            }
            installed = true;
        }
        return DIR;
    }

    /**
     * @param script a script in the interop directory
     * @param args its arguments
     * @return its standard output, lines
     */
    public static List<String> script(String script, String... args) {
        List<String> cmd = new ArrayList<>(List.of("node", script));
        cmd.addAll(List.of(args));
        return Processes.run(interopDir(), 120, cmd.toArray(String[]::new));
    }

    /**
     * Reads jobs through BullMQ's public API ({@code Queue.getJob}, {@code job.getState()}, {@code getJobCounts}).
     *
     * @param redisUrl the Redis
     * @param queue the queue name (prefix {@code bull})
     * @param ids the jobs to read
     * @return each job's JSON by id ({@code state "missing"} when BullMQ finds none), and the counts under
     *     {@code "counts"}
     */
    public static Map<String, JsonNode> inspect(String redisUrl, String queue, String... ids) {
        List<String> args = new ArrayList<>(List.of(redisUrl, queue, "bull"));
        args.addAll(List.of(ids));
        Map<String, JsonNode> byId = new HashMap<>();
        for (String line : script("inspect.mjs", args.toArray(String[]::new))) {
            JsonNode node = Json.parse(line.getBytes(StandardCharsets.UTF_8));
            if (node.has("counts")) {
                byId.put("counts", node.get("counts"));
            } else {
                byId.put(node.path("id").asText(), node);
            }
        }
        return byId;
    }
}
