package io.github.foundryagents.core.http;

import com.azure.core.http.HttpResponse;
import java.io.InputStream;

/**
 * A successful response whose body is read as it arrives, such as a server-sent event stream. Closing it (from
 * any thread) releases the connection and makes a blocked read fail, which is how a deadline stops a stream.
 */
public final class StreamedResult implements AutoCloseable {

    private final HttpResponse response;
    private final InputStream body;

    StreamedResult(HttpResponse response, InputStream body) {
        this.response = response;
        this.body = body;
    }

    /** @return the HTTP status */
    public int status() {
        return response.getStatusCode();
    }

    /**
     * @param name a header name, any case
     * @return the header's value, or {@code null}
     */
    public String header(String name) {
        return response.getHeaderValue(com.azure.core.http.HttpHeaderName.fromString(name));
    }

    /** @return the body as it arrives */
    public InputStream body() {
        return body;
    }

    /** Releases the connection; safe to call more than once and from another thread. */
    @Override
    public void close() {
        try {
            body.close();
        } catch (java.io.IOException | RuntimeException e) {
            // closing is best effort: the connection is released by the response below either way
        }
        response.close();
    }
}
