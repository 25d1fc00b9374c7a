package io.github.foundryagents.core.grounding;

import io.github.foundryagents.core.EmptyResponseException;
import io.github.foundryagents.core.FoundryException;
import io.github.foundryagents.core.resilience.CallCancelledException;
import io.github.foundryagents.core.usage.UsageMeter;
import io.github.foundryagents.core.chat.TokenUsage;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An agent on the Foundry Agent Service, usually grounded with Bing: create it once with
 * {@code client.groundedAgent()...create()}, then {@link #ask(String)} as often as needed, from any thread.
 *
 * <p>Each ask runs in a conversation of its own (a classic thread or a Responses conversation): question, run,
 * wait ({@link WaitStrategy}), function tool rounds, the newest assistant message with its citations. The
 * conversation is deleted in every outcome; a failed delete is logged and never hides the ask's own result or
 * error. A deadline or the caller's interruption cancels the run first.
 *
 * <pre>{@code
 * GroundedAgent agent = client.groundedAgent().name("news").instructions("Cite your sources.")
 *         .bing(BingGrounding.connection(connectionId).count(20)).temperature(0.2).create();
 * GroundedAnswer answer = agent.ask("Who won the 2025 NCAA basketball championship?");
 * answer.citations().forEach(c -> System.out.println(c.title() + " " + c.url()));
 * agent.delete();
 * }</pre>
 *
 * Thread-safe.
 */
public final class GroundedAgent {

    private static final Logger LOG = LoggerFactory.getLogger(GroundedAgent.class);

    private final AgentServiceTransport transport;
    private final AgentRef agent;
    private final AgentSpec spec;
    private final RunWaiter waiter;
    private final ToolRounds tools;
    private final AskRetry retry;
    private final Optional<UsageMeter> usage;

    GroundedAgent(AgentServiceTransport transport, AgentRef agent, AgentSpec spec, WaitStrategy strategy,
            ToolRounds tools, AskRetry retry, UsageMeter usage) {
        this.transport = transport;
        this.agent = agent;
        this.spec = spec;
        this.waiter = new RunWaiter(transport, strategy, spec.name() + '@' + spec.deployment(), Ticker.SYSTEM);
        this.tools = tools;
        this.retry = retry;
        this.usage = Optional.ofNullable(usage);
    }

    /** @return the agent's id ({@code asst_...} on the classic service, its name on the Responses API) */
    public String id() {
        return agent.id();
    }

    /** @return the agent's name */
    public String name() {
        return spec.name();
    }

    /** @return the model deployment it runs on */
    public String deployment() {
        return spec.deployment();
    }

    /**
     * Asks with {@link AskOptions#defaults()}.
     *
     * @param question the user's question
     * @return the answer with citations
     * @throws AgentRunException when the run ended without an answer (failed, expired, cancelled, incomplete,
     *     timed out)
     * @throws FoundryException when the service refused a request or could not be reached
     */
    public GroundedAnswer ask(String question) {
        return ask(question, AskOptions.defaults());
    }

    /**
     * @param question the user's question
     * @param options deadline and status listeners
     * @return the answer with citations
     * @throws AgentRunException when the run ended without an answer
     * @throws CallCancelledException when the calling thread was interrupted: the run was cancelled and the
     *     conversation deleted (on a thread of their own), and the interrupt flag is set again
     * @throws FoundryException when the service refused a request or could not be reached
     */
    public GroundedAnswer ask(String question, AskOptions options) {
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(options, "options");
        if (question.isBlank()) {
            throw new IllegalArgumentException("question must not be blank");
        }
        String userId = options.userId().orElse(null);
        usage.ifPresent(meter -> meter.checkMonthlyLimit(userId));
        long started = System.nanoTime();
        long deadline = started + options.timeout().toNanos();
        try {
            GroundedAnswer answer = retry.call(() -> attempt(question, options, deadline));
            usage.ifPresent(meter -> meter.recordSuccess(UsageMeter.INVOKE_AGENT, userId, spec.deployment(), null,
                    answer.usage(), Duration.ofNanos(System.nanoTime() - started)));
            return answer;
        } catch (RuntimeException e) {
            usage.ifPresent(meter -> meter.recordFailure(UsageMeter.INVOKE_AGENT, spec.deployment(), e,
                    Duration.ofNanos(System.nanoTime() - started)));
            throw e;
        }
    }

    /** Deletes the agent from the service. Asking afterwards fails. */
    public void delete() {
        transport.deleteAgent(agent);
    }

    @Override
    public String toString() {
        return "GroundedAgent{id=" + agent.id() + ", name=" + spec.name() + ", deployment=" + spec.deployment()
                + ", bing=" + spec.bingTool().map(b -> b.connectionId().name()).orElse("none") + '}';
    }

    private GroundedAnswer attempt(String question, AskOptions options, long deadline) {
        String conversation = transport.createConversation(agent, question);
        StatusNotifier notifier = new StatusNotifier(options.listeners());
        RunProgress progress = new RunProgress();
        FoundryException failure = null;
        boolean cancelRun = false;
        try {
            RunSnapshot run = runToEnd(conversation, deadline, notifier, progress);
            return answer(conversation, run, progress);
        } catch (DeadlineReached e) {
            cancelRun = true;
            failure = new AgentRunTimeoutException(options.timeout(), notifier.lastStatus(),
                    notifier.last() == null ? null : notifier.last().id(), conversation);
            throw failure;
        } catch (RuntimeException e) {
            if (Thread.currentThread().isInterrupted()) {
                cancelRun = true;
                failure = cancelled(conversation, notifier.last(), e);
                throw failure;
            }
            cancelRun = !(e instanceof AgentRunException);
            failure = e instanceof FoundryException f ? f : null;
            throw e;
        } finally {
            RunSnapshot toCancel = cancelRun ? notifier.last() : null;
            FoundryException reported = failure;
            AskCleanup.run(() -> {
                cancelQuietly(conversation, toCancel);
                deleteQuietly(conversation, reported);
            }, conversation);
        }
    }

    private static CallCancelledException cancelled(String conversation, RunSnapshot run, RuntimeException e) {
        return new CallCancelledException("The grounded ask was cancelled (its thread was interrupted)"
                + (run == null ? "" : " while run " + run.id() + " was " + run.status().wireName())
                + "; the run is cancelled and conversation " + conversation + " deleted", e);
    }

    private RunSnapshot runToEnd(String conversation, long deadline, StatusNotifier notifier, RunProgress progress) {
        progress.started = System.nanoTime();
        RunSnapshot run = progress.saw(waiter.follow(transport.startRun(agent, conversation, waiter.streams()),
                conversation, deadline, notifier));
        for (int rounds = 0; run.status() == RunStatus.REQUIRES_ACTION; rounds++) {
            if (!tools.configured()) {
                cancelQuietly(conversation, run);
                throw new AgentRunException("Run " + run.id() + " asks for function tools "
                        + run.toolCalls().stream().map(c -> c.name()).toList() + " but the agent has none: give the"
                        + " builder a FunctionToolExecutor with functionTools(...)", "requires_action", false,
                        run.id(), conversation, RunStatus.REQUIRES_ACTION);
            }
            if (rounds >= tools.maxRounds()) {
                cancelQuietly(conversation, run);
                throw new AgentRunException("Run " + run.id() + " still asks for tools after " + rounds + " rounds;"
                        + " stopped at maxToolRounds(" + tools.maxRounds() + ") to end a loop", "max_tool_rounds",
                        false, run.id(), conversation, RunStatus.REQUIRES_ACTION);
            }
            RunEventStream next = transport.submitToolOutputs(agent, conversation, run, tools.run(run.toolCalls()),
                    waiter.streams());
            run = progress.saw(waiter.follow(next, conversation, deadline, notifier));
        }
        progress.finished = System.nanoTime();
        return run;
    }

    private GroundedAnswer answer(String conversation, RunSnapshot run, RunProgress progress) {
        switch (run.status()) {
            case COMPLETED -> {
                Duration took = Duration.ofNanos(progress.finished - progress.started);
                RunAnswer answer = run.answer() != null ? run.answer() : transport.readAnswer(conversation, run);
                if (answer.content().isEmpty() && answer.citations().isEmpty()) {
                    throw new EmptyResponseException("Agent run " + run.id() + " completed without an assistant"
                            + " message; check the agent's instructions and model deployment", null);
                }
                return new GroundedAnswer(answer.content(), answer.citations(), answer.searchQueries(),
                        progress.usage(), agent.id(), conversation, run.id(), took);
            }
            case FAILED -> throw new AgentRunFailedException(run.errorCode(), run.errorMessage(), run.id(),
                    conversation);
            case EXPIRED -> throw new AgentRunExpiredException(run.id(), conversation);
            case CANCELLED -> throw new AgentRunCancelledException(run.id(), conversation);
            case INCOMPLETE -> throw new AgentRunIncompleteException(run.incompleteReason(), run.id(), conversation);
            default -> throw new AgentRunException("Agent run " + run.id() + " ended in a status this library does"
                    + " not know; treated as a failure so the ask does not wait forever. Upgrade foundry-agents if"
                    + " the service added a status", "unknown_status", false, run.id(), conversation, run.status());
        }
    }

    private void cancelQuietly(String conversation, RunSnapshot run) {
        if (run == null || run.status().isTerminal()) {
            return;
        }
        try {
            transport.cancelRun(conversation, run.id());
        } catch (RuntimeException e) {
            LOG.warn("Could not cancel run {} in {}: {}", run.id(), conversation, e.getMessage());
        }
    }

    private void deleteQuietly(String conversation, FoundryException failure) {
        try {
            transport.deleteConversation(conversation);
        } catch (RuntimeException e) {
            LOG.warn("Could not delete conversation {} after the ask; it stays in the project until deleted: {}",
                    conversation, e.getMessage());
            if (failure != null) {
                failure.addSuppressed(e);
            }
        }
    }

    /** What one ask has seen of its run(s): usage per run id (a response per tool round), timing. */
    private static final class RunProgress {
        private final Map<String, TokenUsage> usageByRun = new LinkedHashMap<>();
        private long started;
        private long finished;

        RunSnapshot saw(RunSnapshot run) {
            if (run.usage() != null) {
                usageByRun.put(run.id(), run.usage());
            }
            return run;
        }

        TokenUsage usage() {
            return usageByRun.values().stream().reduce(TokenUsage.ZERO, TokenUsage::plus);
        }
    }
}
