package io.github.foundryagents.core.pipeline;

import io.github.foundryagents.core.chat.ChatRequest;
import io.github.foundryagents.core.chat.ChatResponse;

/**
 * One step of the chat pipeline, in the style of OkHttp interceptors: it may inspect or change the request,
 * call {@link Chain#proceed} zero or more times (a cache hit calls it not at all, a retry several times), and
 * inspect or change the response.
 *
 * <p>Each built-in feature (quota, routing, cache, retry, pacing, metering) is one interceptor; users add their
 * own for logging or redaction. Implementations must be thread-safe: one instance serves all calls.
 */
@FunctionalInterface
public interface ChatInterceptor {

    /**
     * @param request the request as the previous step passes it
     * @param chain the rest of the pipeline
     * @return the response to pass back up
     */
    ChatResponse intercept(ChatRequest request, Chain chain);

    /**
     * The rest of the pipeline after an interceptor. Immutable; {@link #proceed} may be called repeatedly.
     */
    @FunctionalInterface
    interface Chain {

        /**
         * @param request the request to send on
         * @return the response from the rest of the pipeline
         */
        ChatResponse proceed(ChatRequest request);
    }
}
