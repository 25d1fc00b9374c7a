package io.github.foundryagents.core.agent;

import io.github.foundryagents.core.FoundryException;
import io.github.foundryagents.core.chat.ChatMessage;
import io.github.foundryagents.core.chat.TokenUsage;
import java.util.List;

/**
 * An agent run stopped without a final answer. Carries what the run did so far, for logs and for resuming: the
 * transcript, the turns made and the tokens spent. Failures of a chat call itself (Azure errors) are thrown as
 * they are, not wrapped.
 */
public class AgentException extends FoundryException {

    private static final long serialVersionUID = 1L;

    private final transient List<ChatMessage> transcript;
    /** The turns (chat calls) made. */
    private final int iterations;
    private final transient TokenUsage usage;

    /**
     * @param message what happened and what to do
     * @param cause the underlying failure, may be {@code null}
     * @param state the run so far
     */
    AgentException(String message, Throwable cause, RunState state) {
        super(message, cause);
        this.transcript = state.transcript();
        this.iterations = state.iterations();
        this.usage = state.usage();
    }

    /** @return every message of the run until it stopped */
    public List<ChatMessage> transcript() {
        return transcript;
    }

    /** @return the turns (chat calls) made */
    public int iterations() {
        return iterations;
    }

    /** @return the tokens spent by those turns */
    public TokenUsage usage() {
        return usage;
    }

    /**
     * What a run has done so far.
     *
     * @param transcript the messages
     * @param iterations the turns made
     * @param usage the tokens spent
     */
    record RunState(List<ChatMessage> transcript, int iterations, TokenUsage usage) {

        RunState {
            transcript = List.copyOf(transcript);
        }
    }
}
