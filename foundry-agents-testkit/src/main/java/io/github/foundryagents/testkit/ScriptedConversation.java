package io.github.foundryagents.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * A multi-turn tool conversation for the fake model: each step answers the request that carries the results of
 * the step before. The step is chosen by the request's content (the number of assistant messages it holds), not by
 * arrival order, so retries get the same answer and concurrent runs of the same script do not interfere; a request
 * that lacks a result for one of the previous step's calls gets Azure's 400, like any request to the fake.
 *
 * <pre>{@code
 * fake.chat().respondWith(ScriptedConversation.create()
 *         .thenToolCalls(ScriptedToolCall.of("search_database", "{\"query\":\"late orders\"}"),
 *                        ScriptedToolCall.of("fetch_external_data", "{\"endpoint\":\"/carriers\"}"))
 *         .then(turn -> Reply.text("Found: " + turn.toolResult("search_database"))));
 * }</pre>
 *
 * <p>Tool calls without an id get {@code call_<step>_<n>} (both from 1). A request beyond the last step gets a
 * 400 {@code fake_script_exhausted} saying so. Immutable and thread-safe; the {@code then...} methods return
 * copies.
 */
public final class ScriptedConversation implements Function<RecordedRequest, Reply> {

    private final List<Function<ConversationTurn, Reply>> steps;

    private ScriptedConversation(List<Function<ConversationTurn, Reply>> steps) {
        this.steps = List.copyOf(steps);
    }

    /** @return a conversation without steps */
    public static ScriptedConversation create() {
        return new ScriptedConversation(List.of());
    }

    /**
     * @param calls the calls the model asks for in this step, several to have them run in parallel
     * @return a copy with that step added
     */
    public ScriptedConversation thenToolCalls(ScriptedToolCall... calls) {
        int step = steps.size() + 1;
        List<ScriptedToolCall> withIds = new ArrayList<>();
        for (int i = 0; i < calls.length; i++) {
            ScriptedToolCall c = calls[i];
            withIds.add(c.id() != null ? c : new ScriptedToolCall("call_" + step + "_" + (i + 1), c.name(),
                    c.arguments()));
        }
        Reply reply = Reply.toolCalls(withIds.toArray(ScriptedToolCall[]::new));
        return then(turn -> reply);
    }

    /**
     * @param content the model's final text for this step
     * @return a copy with that step added
     */
    public ScriptedConversation thenText(String content) {
        Reply reply = Reply.text(content);
        return then(turn -> reply);
    }

    /**
     * @param step computes this step's reply from the request, e.g. a text quoting a tool result
     * @return a copy with that step added
     */
    public ScriptedConversation then(Function<ConversationTurn, Reply> step) {
        List<Function<ConversationTurn, Reply>> more = new ArrayList<>(steps);
        more.add(Objects.requireNonNull(step, "step"));
        return new ScriptedConversation(more);
    }

    /** @return the number of steps */
    public int steps() {
        return steps.size();
    }

    @Override
    public Reply apply(RecordedRequest request) {
        int answered = request.assistantTurns();
        if (answered >= steps.size()) {
            return Reply.error(400, "fake_script_exhausted", "FakeFoundry: the scripted conversation has "
                    + steps.size() + " steps and the request already holds " + answered + " assistant messages;"
                    + " script more steps");
        }
        return steps.get(answered).apply(new ConversationTurn(answered + 1, request));
    }
}
