package io.github.foundryagents.core.agent;

/**
 * The model was still calling tools when the agent reached {@code maxIterations}: the guard against runaway loops.
 * The tool calls of the last turn are not run, since no further turn would read their results.
 */
public class AgentLimitExceededException extends AgentException {

    private static final long serialVersionUID = 1L;

    /** The limit that was reached. */
    private final int maxIterations;

    AgentLimitExceededException(int maxIterations, String lastTools, RunState state) {
        super("The agent reached maxIterations (" + maxIterations + ") without a final answer: on turn "
                + state.iterations() + " the model still called " + lastTools + ". Raise maxIterations, or tell the"
                + " model in the instructions when it has enough to answer.", null, state);
        this.maxIterations = maxIterations;
    }

    /** @return the limit that was reached */
    public int maxIterations() {
        return maxIterations;
    }
}
