package io.github.foundryagents.core.http;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Reads a {@code text/event-stream} body event by event, following the WHATWG rules the Agent Service and the
 * Responses API use: fields {@code event}, {@code data} (several lines joined), {@code id}; comment lines starting
 * with {@code :} ignored; an event ends at a blank line. Not thread-safe; one reader per stream.
 */
public final class ServerSentEvents {

    private final BufferedReader reader;

    /**
     * @param body the response body; closed by the caller
     */
    public ServerSentEvents(InputStream body) {
        this.reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
    }

    /**
     * @return the next event, or {@code null} when the stream ended
     * @throws UncheckedIOException when reading fails, e.g. the connection was closed
     */
    public ServerSentEvent next() {
        String event = null;
        StringBuilder data = null;
        String id = null;
        try {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isEmpty()) {
                    if (data != null || event != null) {
                        return new ServerSentEvent(event == null ? "message" : event,
                                data == null ? "" : data.toString(), id);
                    }
                    continue;
                }
                if (line.startsWith(":")) {
                    continue;
                }
                int colon = line.indexOf(':');
                String field = colon < 0 ? line : line.substring(0, colon);
                String value = colon < 0 ? "" : line.substring(colon + 1);
                value = value.startsWith(" ") ? value.substring(1) : value;
                switch (field) {
                    case "event" -> event = value;
                    case "data" -> data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
                    case "id" -> id = value;
                    default -> { } // retry and unknown fields carry nothing we use
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the event stream broke: " + e.getMessage(), e);
        }
        return data != null || event != null
                ? new ServerSentEvent(event == null ? "message" : event, data == null ? "" : data.toString(), id)
                : null;
    }
}
