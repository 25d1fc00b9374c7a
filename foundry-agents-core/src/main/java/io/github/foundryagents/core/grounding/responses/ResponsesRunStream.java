package io.github.foundryagents.core.grounding.responses;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.foundryagents.core.FoundryConnectionException;
import io.github.foundryagents.core.FoundryException;
import io.github.foundryagents.core.grounding.RunEventStream;
import io.github.foundryagents.core.grounding.RunSnapshot;
import io.github.foundryagents.core.http.AgentServiceHttp;
import io.github.foundryagents.core.http.AzureHttp;
import io.github.foundryagents.core.http.Json;
import io.github.foundryagents.core.http.ServerSentEvent;
import io.github.foundryagents.core.http.ServerSentEvents;
import io.github.foundryagents.core.http.StreamedResult;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A response's server-sent events ({@code response.*}, each with a {@code sequence_number}) as snapshots: one per
 * event carrying a {@code response} object. When the connection breaks, or the stream ends before the response
 * did, it resumes once from the last sequence number ({@code GET /responses/{id}?stream=true&starting_after=N});
 * after that a broken stream ends and the waiter polls. Not thread-safe, except {@link #close()}.
 */
final class ResponsesRunStream implements RunEventStream {

    private static final Logger LOG = LoggerFactory.getLogger(ResponsesRunStream.class);

    private final Function<String, StreamedResult> resume;
    private volatile StreamedResult response;
    private ServerSentEvents events;
    private volatile boolean closed;
    private String responseId;
    private long lastSequence = -1;
    private boolean resumed;
    private boolean ended;

    /**
     * @param first the open stream
     * @param resume opens the stream again after a sequence number: {@code (id + "|" + N)} → stream
     */
    ResponsesRunStream(StreamedResult first, Function<String, StreamedResult> resume) {
        this.response = first;
        this.events = new ServerSentEvents(first.body());
        this.resume = resume;
    }

    @Override
    public RunSnapshot next() {
        while (true) {
            ServerSentEvent event;
            try {
                event = events.next();
            } catch (UncheckedIOException | IllegalStateException e) {
                if (closed || resumed || responseId == null) {
                    throw AzureHttp.brokenStream(e, "The response's event stream");
                }
                reopen(e);
                continue;
            }
            if (event == null) {
                if (ended || closed || resumed || responseId == null) {
                    return null;
                }
                reopen(new IllegalStateException("the stream ended before the response did"));
                continue;
            }
            JsonNode data = Json.parse(event.data().getBytes(StandardCharsets.UTF_8));
            lastSequence = data.path("sequence_number").asLong(lastSequence);
            if (event.event().equals("error") || "error".equals(Json.text(data, "type"))) {
                throw new FoundryException("The Agent Service reported an error in the response's event stream: "
                        + Json.text(data, "code") + " " + Json.text(data, "message"));
            }
            if (data.path("response").isObject()) {
                RunSnapshot snapshot = ResponsesWire.snapshot(data.get("response"));
                responseId = snapshot.id();
                ended = snapshot.status().isTerminal()
                        || snapshot.status() == io.github.foundryagents.core.grounding.RunStatus.REQUIRES_ACTION;
                return snapshot;
            }
        }
    }

    private void reopen(RuntimeException cause) {
        resumed = true;
        LOG.info("The event stream of response {} broke ({}); resuming after event {}", responseId,
                cause.getMessage(), lastSequence);
        response.close();
        try {
            response = resume.apply(responseId + "|" + lastSequence);
        } catch (FoundryConnectionException e) {
            throw AzureHttp.brokenStream(e, "Resuming the response's event stream");
        }
        events = new ServerSentEvents(response.body());
    }

    @Override
    public void close() {
        closed = true;
        response.close();
    }

    static String resumeQuery(long after) {
        return "starting_after=" + after;
    }

    static String path(String responseId) {
        return "/openai/v1/responses/" + AgentServiceHttp.segment(responseId);
    }
}
