package io.github.foundryagents.core.chat;

/**
 * The end of the chat pipeline: sends one request to a model and returns its answer. One attempt, no retries,
 * no pacing: interceptors add those.
 *
 * <p>Implementations must be thread-safe. {@link AzureChatTransport} speaks Azure OpenAI's REST protocol; tests
 * and other providers can plug in their own.
 */
@FunctionalInterface
public interface ChatTransport {

    /**
     * @param request the request; {@link ChatRequest#deployment()} holds the resolved deployment name
     * @return the answer, with {@link ChatResponse#route()} naming the deployment
     * @throws io.github.foundryagents.core.FoundryException when Azure refuses or cannot be reached
     */
    ChatResponse send(ChatRequest request);
}
