package io.github.foundryagents.core.pipeline;

import io.github.foundryagents.core.chat.ChatRequest;
import io.github.foundryagents.core.chat.ChatResponse;
import io.github.foundryagents.core.chat.ChatTransport;
import java.util.List;
import java.util.Objects;

/**
 * An ordered list of {@link ChatInterceptor}s ending in a {@link ChatTransport}. The first interceptor sees the
 * call first and the response last. Immutable and thread-safe.
 */
public final class ChatPipeline {

    private final List<ChatInterceptor> interceptors;
    private final ChatTransport transport;

    /**
     * @param interceptors outermost first
     * @param transport where the last step sends the request
     */
    public ChatPipeline(List<ChatInterceptor> interceptors, ChatTransport transport) {
        this.interceptors = List.copyOf(interceptors);
        this.transport = Objects.requireNonNull(transport, "transport");
    }

    /**
     * @param request the request
     * @return the response after every interceptor has had its say
     */
    public ChatResponse execute(ChatRequest request) {
        return proceed(0, request);
    }

    /** @return the interceptors, outermost first */
    public List<ChatInterceptor> interceptors() {
        return interceptors;
    }

    private ChatResponse proceed(int index, ChatRequest request) {
        if (index == interceptors.size()) {
            return transport.send(request);
        }
        return interceptors.get(index).intercept(request, next -> proceed(index + 1, next));
    }
}
