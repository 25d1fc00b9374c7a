package io.github.foundryagents.core.http;

import com.azure.core.http.HttpHeaders;
import java.util.Locale;

/**
 * A fully read HTTP response: status, headers and body bytes.
 *
 * @param status the HTTP status
 * @param headers the response headers
 * @param body the body, empty when there was none
 */
public record HttpResult(int status, HttpHeaders headers, byte[] body) {

    /**
     * @param name a header name, any case
     * @return the header's value, or {@code null} when absent
     */
    public String header(String name) {
        return headers.getValue(com.azure.core.http.HttpHeaderName.fromString(name.toLowerCase(Locale.ROOT)));
    }

    /** @return Azure's request id from {@code apim-request-id}, {@code x-request-id} or {@code x-ms-request-id} */
    public String requestId() {
        for (String name : new String[] {"apim-request-id", "x-request-id", "x-ms-request-id"}) {
            String v = header(name);
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }

    /** @return whether the status is 2xx */
    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }
}
