package io.github.foundryagents.core.grounding.classic;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.foundryagents.core.FoundryException;
import io.github.foundryagents.core.grounding.RunEventStream;
import io.github.foundryagents.core.grounding.RunSnapshot;
import io.github.foundryagents.core.http.AzureHttp;
import io.github.foundryagents.core.http.Json;
import io.github.foundryagents.core.http.ServerSentEvent;
import io.github.foundryagents.core.http.ServerSentEvents;
import io.github.foundryagents.core.http.StreamedResult;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A classic run's server-sent events ({@code thread.run.*}, {@code thread.run.step.*}, {@code thread.message.*},
 * {@code error}, {@code done}) turned into snapshots: one per {@code thread.run.*} event, carrying the assistant
 * message from {@code thread.message.completed} and the Bing queries from completed tool-call steps. Not
 * thread-safe, except {@link #close()}.
 */
final class ClassicRunStream implements RunEventStream {

    private final StreamedResult response;
    private final ServerSentEvents events;
    private final List<String> searchQueries = new ArrayList<>();
    private JsonNode message;

    ClassicRunStream(StreamedResult response) {
        this.response = response;
        this.events = new ServerSentEvents(response.body());
    }

    @Override
    public RunSnapshot next() {
        while (true) {
            ServerSentEvent event;
            try {
                event = events.next();
            } catch (UncheckedIOException | IllegalStateException e) {
                throw AzureHttp.brokenStream(e, "The run's event stream");
            }
            if (event == null || event.event().equals("done")) {
                return null;
            }
            String name = event.event();
            if (name.equals("error")) {
                throw new FoundryException("The Agent Service reported an error in the run's event stream: "
                        + event.data());
            }
            if (name.equals("thread.message.completed")) {
                message = Json.parse(event.data().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            } else if (name.equals("thread.run.step.completed")) {
                searchQueries.addAll(ClassicWire.searchQueries(Json.parse(bytes(event))));
            } else if (name.startsWith("thread.run.") && !name.startsWith("thread.run.step.")) {
                RunSnapshot run = ClassicWire.run(Json.parse(bytes(event)));
                return message == null ? run : run.withAnswer(ClassicWire.answer(message, searchQueries));
            }
        }
    }

    @Override
    public void close() {
        response.close();
    }

    private static byte[] bytes(ServerSentEvent event) {
        return event.data().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
