package io.github.foundryagents.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ServerSentEventsTest {

    @Test
    void readsNamedEventsMultiLineDataCommentsAndCrlf() {
        String wire = ": keep-alive\r\nevent: thread.run.created\r\ndata: {\"id\":\"run_1\"}\r\n\r\n"
                + "data: line one\ndata: line two\nid: 7\n\n"
                + "event: done\ndata: [DONE]\n\n";
        ServerSentEvents events = new ServerSentEvents(new ByteArrayInputStream(wire.getBytes(StandardCharsets.UTF_8)));

        assertThat(events.next()).isEqualTo(new ServerSentEvent("thread.run.created", "{\"id\":\"run_1\"}", null));
        assertThat(events.next()).isEqualTo(new ServerSentEvent("message", "line one\nline two", "7"));
        assertThat(events.next()).isEqualTo(new ServerSentEvent("done", "[DONE]", null));
        assertThat(events.next()).isNull();
    }

    @Test
    void deliversALastEventWithoutTrailingBlankLine() {
        ServerSentEvents events = new ServerSentEvents(new ByteArrayInputStream(
                "event: response.completed\ndata: {}".getBytes(StandardCharsets.UTF_8)));

        assertThat(events.next()).isEqualTo(new ServerSentEvent("response.completed", "{}", null));
        assertThat(events.next()).isNull();
    }
}
