package io.github.foundryagents.redis.queue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.foundryagents.core.http.Json;
import io.github.foundryagents.core.tasks.ActiveJob;
import io.github.foundryagents.core.tasks.Backoff;
import io.github.foundryagents.core.tasks.JobOptions;
import io.github.foundryagents.core.tasks.JobSnapshot;
import io.github.foundryagents.core.tasks.JobState;
import io.github.foundryagents.core.tasks.KeepJobs;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Translates between our job types and BullMQ's job hash: the {@code opts} JSON with BullMQ's option names
 * (written by us, or by Node producers), and the hash fields {@code name, data, opts, timestamp, delay, priority,
 * atm, ats, returnvalue, failedReason, progress, processedOn, finishedOn, defa}. Stateless.
 */
final class BullJobCodec {

    private BullJobCodec() {
    }

    /** @return the {@code opts} JSON a Node worker understands */
    static String encodeOptions(JobOptions o, String jobId) {
        ObjectNode opts = Json.object();
        opts.put("attempts", o.attempts());
        o.backoff().ifPresent(b -> opts.putObject("backoff").put("type", b.type().wireName())
                .put("delay", b.delay().toMillis()));
        if (o.delay().toMillis() > 0) {
            opts.put("delay", o.delay().toMillis());
        }
        if (o.priority() > 0) {
            opts.put("priority", o.priority());
        }
        if (o.lifo()) {
            opts.put("lifo", true);
        }
        if (jobId != null) {
            opts.put("jobId", jobId);
        }
        opts.set("removeOnComplete", encodeKeep(o.removeOnComplete()));
        opts.set("removeOnFail", encodeKeep(o.removeOnFail()));
        return opts.toString();
    }

    private static JsonNode encodeKeep(KeepJobs keep) {
        if (keep.maxAge() == null) {
            if (keep.count() == 0) {
                return Json.mapper().getNodeFactory().booleanNode(true);
            }
            if (keep.count() == KeepJobs.ALL) {
                return Json.mapper().getNodeFactory().booleanNode(false);
            }
            return Json.mapper().getNodeFactory().numberNode(keep.count());
        }
        ObjectNode o = Json.object().put("age", keep.maxAge().toSeconds());
        if (keep.count() >= 0) {
            o.put("count", keep.count());
        }
        return o;
    }

    /** Flat HGETALL reply → map. */
    static Map<String, String> hash(List<?> flat) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i + 1 < flat.size(); i += 2) {
            m.put(String.valueOf(flat.get(i)), String.valueOf(flat.get(i + 1)));
        }
        return m;
    }

    /** The job as a worker receives it; unreadable jobs carry a refusal so the worker fails them cleanly. */
    static ActiveJob activeJob(String id, Map<String, String> h, String token) {
        String refusal = h.get("defa");
        String data = h.getOrDefault("data", "{}");
        JobOptions options = JobOptions.builder().attempts(1).backoff(null).removeOnComplete(KeepJobs.all())
                .removeOnFail(KeepJobs.all()).build();
        try {
            Json.mapper().readTree(data);
        } catch (JsonProcessingException e) {
            refusal = "job data is not valid JSON (" + e.getOriginalMessage() + "); the producer must store JSON"
                    + " text in the 'data' field";
            data = "{}";
        }
        try {
            options = decodeOptions(h.getOrDefault("opts", "{}"), intOf(h.get("priority")));
        } catch (IllegalArgumentException | JsonProcessingException e) {
            refusal = refusal != null ? refusal : "job options cannot be used: " + e.getMessage();
        }
        if (h.get("rjk") != null && refusal == null) {
            refusal = "job scheduler (repeat) jobs are not supported by the Java worker; process them with a Node"
                    + " BullMQ worker";
        }
        int attemptsMade = intOf(h.getOrDefault("atm", h.get("attemptsMade")));
        return new ActiveJob(id, h.getOrDefault("name", ""), data, options, attemptsMade, intOf(h.get("ats")),
                instantOf(h.get("timestamp")), token, refusal);
    }

    static JobOptions decodeOptions(String json, int priority) throws JsonProcessingException {
        JsonNode opts = Json.mapper().readTree(json);
        JobOptions.Builder b = JobOptions.builder().priority(priority).attempts(Math.max(1,
                opts.path("attempts").asInt(0))).backoff(decodeBackoff(opts.get("backoff")))
                .removeOnComplete(decodeKeep(opts.get("removeOnComplete")))
                .removeOnFail(decodeKeep(opts.get("removeOnFail")))
                .lifo(opts.path("lifo").asBoolean(false));
        return b.build();
    }

    private static Backoff decodeBackoff(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isNumber()) {
            return Backoff.fixed(Duration.ofMillis(node.asLong()));
        }
        String type = node.path("type").asText("");
        Duration delay = Duration.ofMillis(node.path("delay").asLong(0));
        return switch (type.toLowerCase(Locale.ROOT)) {
            case "fixed" -> Backoff.fixed(delay);
            case "exponential" -> Backoff.exponential(delay);
            default -> throw new IllegalArgumentException("unknown backoff strategy '" + type + "'; the Java worker"
                    + " knows 'fixed' and 'exponential'");
        };
    }

    /** BullMQ: true → remove, false/absent → keep all, n → keep n, {age, count} → both. */
    private static KeepJobs decodeKeep(JsonNode node) {
        if (node == null || node.isNull() || (node.isBoolean() && !node.asBoolean())) {
            return KeepJobs.all();
        }
        if (node.isBoolean()) {
            return KeepJobs.none();
        }
        if (node.isNumber()) {
            return KeepJobs.last(Math.max(0, node.asInt()));
        }
        int count = node.has("count") ? Math.max(0, node.path("count").asInt()) : KeepJobs.ALL;
        return node.has("age") ? new KeepJobs(count, Duration.ofSeconds(Math.max(1, node.path("age").asLong())))
                : new KeepJobs(count, null);
    }

    static JobSnapshot snapshot(String id, String state, Map<String, String> h) {
        return new JobSnapshot(id, h.getOrDefault("name", ""), h.getOrDefault("data", "{}"), stateOf(state),
                intOf(h.get("priority")), intOf(h.getOrDefault("atm", h.get("attemptsMade"))), intOf(h.get("ats")),
                h.get("returnvalue"), h.get("failedReason"), h.get("progress"), instantOf(h.get("timestamp")),
                nullableInstant(h.get("processedOn")), nullableInstant(h.get("finishedOn")));
    }

    private static JobState stateOf(String state) {
        return switch (state) {
            case "waiting" -> JobState.WAITING;
            case "prioritized" -> JobState.PRIORITIZED;
            case "delayed" -> JobState.DELAYED;
            case "active" -> JobState.ACTIVE;
            case "completed" -> JobState.COMPLETED;
            case "failed" -> JobState.FAILED;
            default -> JobState.UNKNOWN;
        };
    }

    static int intOf(String s) {
        if (s == null || s.isEmpty()) {
            return 0;
        }
        try {
            return (int) Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static Instant instantOf(String ms) {
        Instant i = nullableInstant(ms);
        return i == null ? Instant.EPOCH : i;
    }

    private static Instant nullableInstant(String ms) {
        if (ms == null || ms.isEmpty()) {
            return null;
        }
        try {
            return Instant.ofEpochMilli((long) Double.parseDouble(ms));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
