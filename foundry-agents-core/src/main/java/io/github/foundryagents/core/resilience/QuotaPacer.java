package io.github.foundryagents.core.resilience;

import io.github.foundryagents.core.chat.RateLimitHeaders;
import io.github.foundryagents.core.chat.TokenUsage;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Client-side TPM/RPM pacing: before a call it reserves the call's estimated tokens (prompt estimate plus
 * {@code max_tokens}, as Azure counts them) and one request against the deployment's budgets, waiting while they
 * are spent; afterwards the {@link Permit} corrects the reservation with the reported usage and teaches the pacer
 * the budgets from Azure's {@code x-ratelimit-remaining-*} headers and 429 hints.
 *
 * <p>Waiting is fair and priority-aware: calls are served by priority (lower first), then in arrival order, and
 * a call that does not fit holds back the ones behind it rather than being overtaken. A wait never outlasts the
 * call's {@link Deadline}. One pacer serves every thread of a client; build one per client (the
 * {@code AgentClient} does). Thread-safe.
 */
public final class QuotaPacer {

    private static final Logger LOG = LoggerFactory.getLogger(QuotaPacer.class);

    private final PacingOptions options;
    private final TimeSource time;
    private final ConcurrentMap<String, Lane> lanes = new ConcurrentHashMap<>();

    /**
     * @param options budgets and windows
     */
    public QuotaPacer(PacingOptions options) {
        this(options, TimeSource.system());
    }

    /**
     * @param options budgets and windows
     * @param time the clock and waiting; tests pass one that does not really wait
     */
    public QuotaPacer(PacingOptions options, TimeSource time) {
        this.options = Objects.requireNonNull(options, "options");
        this.time = Objects.requireNonNull(time, "time");
    }

    /**
     * Waits for room in the deployment's budgets and reserves it.
     *
     * @param demand what the call needs
     * @param deadline when the call must be finished, or {@code null} to wait as long as it takes
     * @return the reservation; report the call's outcome on it
     * @throws DeadlineExceededException when room will not come before the deadline
     * @throws CallCancelledException when the thread is interrupted while waiting
     */
    public Permit acquire(Demand demand, Deadline deadline) {
        Lane lane = lanes.computeIfAbsent(demand.deployment(), d -> new Lane(new DeploymentBudget(d, options)));
        lane.lock.lock();
        try {
            long start = time.nanoTime();
            long now = start;
            DeploymentBudget.Ticket ticket = lane.budget.enqueue(demand.promptTokens(), demand.maxTokens(),
                    demand.priority());
            while (true) {
                if (lane.budget.admitReady(now) > 0) {
                    lane.changed.signalAll();
                }
                if (ticket.granted()) {
                    logWait(demand, start, now);
                    return new Permit(lane, ticket);
                }
                long wait = lane.budget.nanosUntilHeadFits(now);
                if (deadline != null) {
                    if (deadline.isPassedAt(now) || lane.budget.blockedPast(now + deadline.remainingNanos())) {
                        lane.budget.cancel(ticket);
                        lane.changed.signalAll();
                        throw tooLate(demand, lane.budget, deadline, now - start);
                    }
                    wait = Math.min(wait, deadline.remainingNanos());
                }
                awaitChange(lane, ticket, demand, Math.max(1, wait));
                now = time.nanoTime();
            }
        } finally {
            lane.lock.unlock();
        }
    }

    /**
     * @param deployment a deployment name
     * @return what the pacer currently knows about the deployment's budgets, if it has seen a call to it
     */
    public Optional<BudgetSnapshot> snapshot(String deployment) {
        Lane lane = lanes.get(deployment);
        if (lane == null) {
            return Optional.empty();
        }
        lane.lock.lock();
        try {
            long now = time.nanoTime();
            DeploymentBudget b = lane.budget;
            return Optional.of(new BudgetSnapshot(deployment, b.mode().name(), b.tokenLimit(),
                    b.requestLimit(), b.tokensUsed(now), b.requestsUsed(now), b.queued()));
        } finally {
            lane.lock.unlock();
        }
    }

    /** @return the options this pacer follows */
    public PacingOptions options() {
        return options;
    }

    private void awaitChange(Lane lane, DeploymentBudget.Ticket ticket, Demand demand, long nanos) {
        try {
            time.await(lane.changed, nanos);
        } catch (InterruptedException e) {
            lane.budget.cancel(ticket);
            lane.changed.signalAll();
            Thread.currentThread().interrupt();
            throw new CallCancelledException("The call to deployment '" + demand.deployment() + "' was cancelled"
                    + " (thread interrupted) while waiting for its quota", e);
        }
    }

    private DeadlineExceededException tooLate(Demand demand, DeploymentBudget budget, Deadline deadline,
            long waitedNanos) {
        return new DeadlineExceededException("The call to deployment '" + demand.deployment() + "' waited "
                + Duration.ofNanos(waitedNanos).toMillis() + " ms for its quota (" + describe(budget) + ", "
                + budget.queued() + " call(s) queued) and would not get it before its " + deadline.timeout().toMillis()
                + " ms deadline. Send fewer calls, raise the deployment's TPM, or allow a longer timeout", null, 0,
                deadline.timeout());
    }

    private String describe(DeploymentBudget b) {
        return "budget " + limit(b.tokenLimit()) + " tokens per " + options.window().toMillis() + " ms and "
                + limit(b.requestLimit()) + " requests per " + options.requestWindow().toMillis() + " ms";
    }

    private static String limit(OptionalLong limit) {
        return limit.isPresent() ? Long.toString(limit.getAsLong()) : "unknown";
    }

    private void logWait(Demand demand, long start, long now) {
        if (now != start && LOG.isDebugEnabled()) {
            LOG.debug("Paced call to deployment '{}' waited {} ms for quota", demand.deployment(),
                    Duration.ofNanos(now - start).toMillis());
        }
    }

    /**
     * What a call needs from its deployment's budgets.
     *
     * @param deployment the deployment name
     * @param promptTokens estimated prompt tokens ({@link TokenEstimate#promptTokens})
     * @param maxTokens the request's {@code max_tokens}, or {@code null}
     * @param priority lower is served first
     */
    public record Demand(String deployment, long promptTokens, Integer maxTokens, int priority) {

        /**
         * Validates the components.
         *
         * @param deployment the deployment name
         * @param promptTokens estimated prompt tokens ({@link TokenEstimate#promptTokens})
         * @param maxTokens the request's {@code max_tokens}, or {@code null}
         * @param priority lower is served first
         */
        public Demand {
            Objects.requireNonNull(deployment, "deployment");
            if (promptTokens < 1) {
                throw new IllegalArgumentException("promptTokens must be positive, got " + promptTokens);
            }
        }
    }

    /**
     * What the pacer knows about one deployment at one moment.
     *
     * @param deployment the deployment name
     * @param mode {@code PROBING} (budget not yet known), {@code PACING} or {@code OPEN} (server sends no budget)
     * @param tokenLimit tokens per window, when known
     * @param requestLimit requests per request window, when known
     * @param tokensUsed tokens this client has charged in the current window
     * @param requestsUsed requests this client has charged in the current request window
     * @param queued calls waiting for room
     */
    public record BudgetSnapshot(String deployment, String mode, OptionalLong tokenLimit, OptionalLong requestLimit,
            long tokensUsed, long requestsUsed, int queued) {
    }

    /**
     * One call's reservation. Call {@link #sending()} just before sending, then report exactly one outcome; later
     * reports are ignored. Thread-safe.
     */
    public final class Permit {
        private final Lane lane;
        private final DeploymentBudget.Ticket ticket;
        private boolean settled;

        private Permit(Lane lane, DeploymentBudget.Ticket ticket) {
            this.lane = lane;
            this.ticket = ticket;
        }

        /** @return the tokens reserved for the call */
        public long reservedTokens() {
            return ticket.estimate();
        }

        /** Call right before sending: the reservation counts from now, however long the thread took to wake. */
        public void sending() {
            lane.lock.lock();
            try {
                if (!settled) {
                    lane.budget.sent(ticket, time.nanoTime());
                }
            } finally {
                lane.lock.unlock();
            }
        }

        /**
         * The call succeeded: corrects the reservation and learns from the answer's rate-limit headers.
         *
         * @param usage the reported usage
         * @param headers the answer's rate-limit headers
         */
        public void succeeded(TokenUsage usage, RateLimitHeaders headers) {
            settle(now -> lane.budget.succeeded(ticket, usage.promptTokens(), usage.completionTokens(), headers, now));
        }

        /**
         * Azure answered 429: releases the reservation and holds every call to the deployment for the hint.
         *
         * @param hint the wait Azure asked for, or {@code null}
         */
        public void rateLimited(Duration hint) {
            settle(now -> lane.budget.rateLimited(ticket, hint == null ? -1 : hint.toNanos(), now));
        }

        /** The call failed otherwise; the reservation stays counted, as Azure may have counted it. */
        public void failed() {
            settle(now -> lane.budget.failed(ticket, now));
        }

        private void settle(LongConsumer outcome) {
            lane.lock.lock();
            try {
                if (settled) {
                    return;
                }
                settled = true;
                outcome.accept(time.nanoTime());
                lane.changed.signalAll();
            } finally {
                lane.lock.unlock();
            }
        }
    }

    /** One deployment's budget with the lock and condition its waiters share. */
    private static final class Lane {
        private final DeploymentBudget budget;
        private final ReentrantLock lock = new ReentrantLock();
        private final Condition changed = lock.newCondition();

        private Lane(DeploymentBudget budget) {
            this.budget = budget;
        }
    }
}
