package io.github.foundryagents.core.grounding;

import java.time.Duration;
import java.util.List;

/**
 * An Agent Service whose runs end a given time after they start, on a {@link ManualTicker}; answers status polls
 * only (a run is followed from its first snapshot) and counts them. Each poll takes {@link #POLL_LATENCY}.
 */
final class SimulatedRuns implements AgentServiceTransport {

    static final Duration POLL_LATENCY = Duration.ofMillis(20);

    private final ManualTicker clock;
    private long endsAt;
    private int run;
    private int polls;

    SimulatedRuns(ManualTicker clock) {
        this.clock = clock;
    }

    /**
     * @param duration how long the next run takes
     * @return the run's first snapshot, as a run created without streaming returns it
     */
    RunEventStream start(Duration duration) {
        endsAt = clock.nanoTime() + duration.toNanos();
        polls = 0;
        return RunEventStream.of(RunSnapshot.of("run_" + ++run, RunStatus.QUEUED));
    }

    /** @return when the current run ended (or will end), on the clock */
    long endsAt() {
        return endsAt;
    }

    /** @return status polls made for the current run */
    int polls() {
        return polls;
    }

    @Override
    public RunSnapshot getRun(String conversationId, String runId) {
        polls++;
        clock.advance(POLL_LATENCY.dividedBy(2));
        RunStatus status = clock.nanoTime() >= endsAt ? RunStatus.COMPLETED : RunStatus.IN_PROGRESS;
        clock.advance(POLL_LATENCY.dividedBy(2));
        return RunSnapshot.of(runId, status);
    }

    @Override
    public AgentRef createAgent(AgentSpec spec) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void deleteAgent(AgentRef agent) {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean connectionExists(BingConnectionId connection) {
        throw new UnsupportedOperationException();
    }

    @Override
    public String createConversation(AgentRef agent, String question) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void deleteConversation(String conversationId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public RunEventStream startRun(AgentRef agent, String conversationId, boolean stream) {
        throw new UnsupportedOperationException();
    }

    @Override
    public RunEventStream submitToolOutputs(AgentRef agent, String conversationId, RunSnapshot run,
            List<ToolOutput> outputs, boolean stream) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void cancelRun(String conversationId, String runId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public RunAnswer readAnswer(String conversationId, RunSnapshot run) {
        throw new UnsupportedOperationException();
    }
}
