package io.github.foundryagents.core.grounding;

import java.util.List;

/**
 * The wire to a Foundry Agent Service generation. {@link GroundedAgent} holds all the behaviour (waiting,
 * deadlines, tool rounds, clean-up, errors); a transport only translates these calls into one service's HTTP
 * requests, one attempt each. Two implementations ship: the classic threads/runs API
 * ({@code grounding.classic}) and agents on the Responses API ({@code grounding.responses}).
 *
 * <p>Terms are the classic service's: a <em>conversation</em> is a thread or a Responses conversation, a
 * <em>run</em> is a run or a response. Implementations must be thread-safe and throw
 * {@link io.github.foundryagents.core.FoundryException}s.
 */
public interface AgentServiceTransport {

    /**
     * @param spec the agent to create
     * @return the created agent
     */
    AgentRef createAgent(AgentSpec spec);

    /**
     * @param agent the agent to delete
     */
    void deleteAgent(AgentRef agent);

    /**
     * @param connection a Bing connection id
     * @return whether the project has a connection of that name
     */
    boolean connectionExists(BingConnectionId connection);

    /**
     * Creates a conversation holding the user's question.
     *
     * @param agent the agent that will answer
     * @param question the user's message
     * @return the thread or conversation id
     */
    String createConversation(AgentRef agent, String question);

    /**
     * @param conversationId the thread or conversation to delete
     */
    void deleteConversation(String conversationId);

    /**
     * Starts the agent on the conversation.
     *
     * @param agent the agent
     * @param conversationId the conversation
     * @param stream whether to stream events; otherwise the returned stream yields the run as created
     * @return the run's snapshots
     */
    RunEventStream startRun(AgentRef agent, String conversationId, boolean stream);

    /**
     * @param conversationId the conversation
     * @param runId the run
     * @return the run now
     */
    RunSnapshot getRun(String conversationId, String runId);

    /**
     * Sends function tool outputs to a run that {@link RunStatus#REQUIRES_ACTION requires action}.
     *
     * @param agent the agent
     * @param conversationId the conversation
     * @param run the run waiting for outputs
     * @param outputs one output per requested call
     * @param stream whether to stream the continuation
     * @return the continuation's snapshots; its run id may differ from {@code run}'s (a new response)
     */
    RunEventStream submitToolOutputs(AgentRef agent, String conversationId, RunSnapshot run, List<ToolOutput> outputs,
            boolean stream);

    /**
     * Asks the service to cancel a run. Returns once the request is accepted, not when the run has stopped.
     *
     * @param conversationId the conversation
     * @param runId the run
     */
    void cancelRun(String conversationId, String runId);

    /**
     * @param conversationId the conversation
     * @param run a completed run whose {@link RunSnapshot#answer()} is {@code null}
     * @return the newest assistant message the run wrote
     */
    RunAnswer readAnswer(String conversationId, RunSnapshot run);
}
