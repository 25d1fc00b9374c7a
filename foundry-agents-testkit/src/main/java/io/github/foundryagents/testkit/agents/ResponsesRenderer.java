package io.github.foundryagents.testkit.agents;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.foundryagents.core.http.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Renders a fake run as the Responses API's stream ({@code response.*} events numbered by
 * {@code sequence_number}) and, when it ends, writes its output items into the response and the conversation.
 * One per response.
 */
final class ResponsesRenderer implements FakeRun.Renderer {

    private final FakeResponse response;
    private final Function<String, String> ids;
    private List<SseEvent> batch;
    private int next;

    ResponsesRenderer(FakeResponse response, Function<String, String> ids) {
        this.response = response;
        this.ids = ids;
    }

    @Override
    public List<SseEvent> render(FakeRun run, FakeRun.Change change) {
        batch = new ArrayList<>();
        next = run.eventCount();
        switch (change) {
            case CREATED -> {
                add("response.created", withResponse(), false);
                add("response.queued", withResponse(), false);
            }
            case STARTED, RESUMED -> add("response.in_progress", withResponse(), false);
            case REQUIRES_ACTION -> {
                ObjectNode call = ResponsesJson.functionCall(ids.apply("fc"), run.toolCallId(), run.script());
                item(call, 0);
                response.conversation.awaitOutput(run.script().afterOneToolRound(), run.toolCallId());
                add("response.completed", withResponse(), true);
            }
            case CANCELLING -> { }
            case ENDED -> ended(run);
            default -> throw new IllegalStateException("unhandled change " + change);
        }
        return batch;
    }

    private void ended(FakeRun run) {
        String status = response.status();
        switch (status) {
            case "completed" -> {
                complete(run);
                add("response.completed", withResponse(), true);
            }
            case "failed" -> add("response.failed", withResponse(), true);
            case "incomplete" -> add("response.incomplete", withResponse(), true);
            case "cancelled" -> batch.add(new SseEvent(null, "", true)); // the stream just ends
            default -> add("response." + status, withResponse(), true);
        }
    }

    private void complete(FakeRun run) {
        FakeAnswer answer = run.answer();
        int index = 0;
        if (answer.grounded()) {
            item(ResponsesJson.bingCall(ids.apply("bgc"), ids.apply("call"), answer.searchQuery()), index++);
        }
        String text = answer.text(run.toolOutputs());
        ObjectNode message = ResponsesJson.message(ids.apply("msg"), text, answer.citations());
        String itemId = message.path("id").asText();
        response.output.add(message);
        response.conversation.items.add(message);
        ObjectNode empty = message.deepCopy();
        empty.putArray("content");
        add("response.output_item.added", Json.object().put("output_index", index).set("item", empty), false);
        ObjectNode part = (ObjectNode) message.path("content").get(0);
        ObjectNode emptyPart = Json.object().put("type", "output_text").put("text", "");
        emptyPart.putArray("annotations");
        add("response.content_part.added", at(itemId, index).set("part", emptyPart), false);
        add("response.output_text.delta", at(itemId, index).put("delta", text), false);
        for (int i = 0; i < part.path("annotations").size(); i++) {
            add("response.output_text.annotation.added", at(itemId, index).put("annotation_index", i)
                    .set("annotation", part.path("annotations").get(i)), false);
        }
        add("response.output_text.done", at(itemId, index).put("text", text), false);
        add("response.content_part.done", at(itemId, index).set("part", part), false);
        add("response.output_item.done", Json.object().put("output_index", index).set("item", message), false);
    }

    private void item(ObjectNode item, int index) {
        response.output.add(item);
        response.conversation.items.add(item);
        add("response.output_item.added", Json.object().put("output_index", index).set("item", item), false);
        add("response.output_item.done", Json.object().put("output_index", index).set("item", item), false);
    }

    private static ObjectNode at(String itemId, int index) {
        return Json.object().put("item_id", itemId).put("output_index", index).put("content_index", 0);
    }

    private ObjectNode withResponse() {
        ObjectNode data = Json.object();
        data.set("response", response.json());
        return data;
    }

    private void add(String type, ObjectNode data, boolean ends) {
        ObjectNode event = Json.object().put("type", type);
        event.setAll(data);
        event.put("sequence_number", next++);
        batch.add(new SseEvent(type, event.toString(), ends));
    }
}
