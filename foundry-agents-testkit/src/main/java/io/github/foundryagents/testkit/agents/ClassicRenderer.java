package io.github.foundryagents.testkit.agents;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.foundryagents.core.http.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Renders a fake run's changes as the classic service's stream events and, when it completes, writes the
 * assistant message and the run steps into the thread. One per run.
 */
final class ClassicRenderer implements FakeRun.Renderer {

    private final ClassicThread thread;
    private final ObjectNode agent;
    private final Function<String, String> ids;

    ClassicRenderer(ClassicThread thread, ObjectNode agent, Function<String, String> ids) {
        this.thread = thread;
        this.agent = agent;
        this.ids = ids;
    }

    @Override
    public List<SseEvent> render(FakeRun run, FakeRun.Change change) {
        List<SseEvent> events = new ArrayList<>();
        switch (change) {
            case CREATED -> {
                events.add(runEvent("thread.run.created", run, false));
                events.add(runEvent("thread.run.queued", run, false));
            }
            case STARTED, RESUMED -> events.add(runEvent("thread.run.in_progress", run, false));
            case REQUIRES_ACTION -> events.add(runEvent("thread.run.requires_action", run, true));
            case CANCELLING -> events.add(runEvent("thread.run.cancelling", run, false));
            case ENDED -> {
                if (run.status().equals("completed")) {
                    events.addAll(complete(run));
                }
                events.add(runEvent("thread.run." + run.status(), run, true));
            }
            default -> throw new IllegalStateException("unhandled change " + change);
        }
        return events;
    }

    private List<SseEvent> complete(FakeRun run) {
        List<SseEvent> events = new ArrayList<>();
        String agentId = agent.path("id").asText();
        List<ObjectNode> steps = new ArrayList<>();
        FakeAnswer answer = run.answer();
        if (answer.grounded()) {
            ObjectNode bing = ClassicJson.step(ids.apply("step"), run, agentId,
                    ClassicJson.bingStepDetails(ids.apply("call"), answer.searchQuery()));
            steps.add(bing);
            events.add(event("thread.run.step.created", bing));
            events.add(event("thread.run.step.completed", bing));
        }
        String messageId = ids.apply("msg");
        ObjectNode message = ClassicJson.message(messageId, thread.id(), "assistant", agentId, run.id());
        message.set("content", ClassicJson.answerContent(answer.text(run.toolOutputs()), answer.citations()));
        ObjectNode creation = ClassicJson.step(ids.apply("step"), run, agentId,
                ClassicJson.messageCreationDetails(messageId));
        steps.add(creation);
        thread.messages.add(message);
        thread.steps.put(run.id(), steps);
        events.add(event("thread.run.step.created", creation));
        events.add(event("thread.message.created", message));
        events.add(event("thread.message.in_progress", message));
        ObjectNode delta = Json.object().put("id", messageId).put("object", "thread.message.delta");
        ObjectNode part = delta.putObject("delta").putArray("content").addObject().put("index", 0).put("type", "text");
        part.set("text", message.path("content").path(0).path("text").deepCopy());
        events.add(event("thread.message.delta", delta));
        events.add(event("thread.message.completed", message));
        events.add(event("thread.run.step.completed", creation));
        return events;
    }

    private SseEvent runEvent(String name, FakeRun run, boolean ends) {
        return new SseEvent(name, ClassicJson.run(run, agent).toString(), ends);
    }

    private static SseEvent event(String name, ObjectNode data) {
        return new SseEvent(name, data.toString(), false);
    }
}
