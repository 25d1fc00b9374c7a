package io.github.foundryagents.testkit.agents;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A classic thread in the fake: its JSON, messages, runs and their steps. Thread-safe; never holds its own lock
 * while calling into a run, so it cannot deadlock with a run rendering into it.
 */
final class ClassicThread {

    final ObjectNode json;
    final List<ObjectNode> messages = new CopyOnWriteArrayList<>();
    final Map<String, List<ObjectNode>> steps = new ConcurrentHashMap<>();
    private final Map<String, FakeRun> runs = new LinkedHashMap<>();

    ClassicThread(ObjectNode json) {
        this.json = json;
    }

    String id() {
        return json.path("id").asText();
    }

    synchronized void addRun(FakeRun run) {
        runs.put(run.id(), run);
    }

    synchronized FakeRun run(String id) {
        return runs.get(id);
    }

    synchronized List<FakeRun> runs() {
        return new ArrayList<>(runs.values());
    }

    FakeRun activeRun() {
        return runs().stream().filter(r -> !r.isEnded()).findFirst().orElse(null);
    }

    String lastUserText() {
        for (int i = messages.size() - 1; i >= 0; i--) {
            ObjectNode m = messages.get(i);
            if ("user".equals(m.path("role").asText())) {
                return m.path("content").path(0).path("text").path("value").asText("");
            }
        }
        return "";
    }
}
