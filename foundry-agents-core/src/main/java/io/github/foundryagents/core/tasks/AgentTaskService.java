package io.github.foundryagents.core.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.foundryagents.core.FoundryException;
import io.github.foundryagents.core.http.Json;
import io.github.foundryagents.core.webhook.WebhookEvent;
import io.github.foundryagents.core.webhook.WebhookNotifier;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Long-running agent work as background tasks: {@link #submit} stores a {@code pending} record and queues a
 * job (id = task id, priority from the caller's {@link Tier}); the worker started by {@link #startWorker} marks
 * it {@code processing}, runs the {@link TaskRunner}, stores {@code completed} with the answer, tokens and
 * duration or {@code failed} with the error after the last attempt, reports usage under the owner, then posts
 * the signed webhook. Delivery is at-least-once; the store's forward-only transitions make a re-delivered job
 * harmless, and each task reaches its terminal status, its usage record and its webhook exactly once.
 *
 * <pre>{@code
 * AgentTaskService tasks = AgentTaskService.builder().queue(queue).store(store).runner(runner)
 *         .webhooks(notifier).build();
 * String id = tasks.submit("user-42", Tier.PREMIUM, "Research our competitors", context, "https://…/hook");
 * Worker worker = tasks.startWorker(WorkerOptions.defaults());
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class AgentTaskService {

    /** The queue job name of agent tasks. */
    public static final String JOB_NAME = "agent-task";
    /** The agent name used when a submission names none. */
    public static final String DEFAULT_AGENT = "default";

    private static final Logger LOG = LoggerFactory.getLogger(AgentTaskService.class);

    private final TaskQueue queue;
    private final TaskStore store;
    private final TaskRunner runner;
    private final WebhookNotifier webhooks;
    private final TaskUsageListener usage;
    private final JobOptions jobOptions;
    private final Clock clock;
    private final int maxInputBytes;

    private AgentTaskService(Builder b) {
        this.queue = Objects.requireNonNull(b.queue, "queue");
        this.store = Objects.requireNonNull(b.store, "store");
        this.runner = Objects.requireNonNull(b.runner, "runner");
        this.webhooks = b.webhooks;
        this.usage = b.usage;
        this.jobOptions = b.jobOptions;
        this.clock = b.clock;
        this.maxInputBytes = b.maxInputBytes;
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Submits a task for the {@value #DEFAULT_AGENT} agent.
     *
     * @param userId the owner
     * @param tier the owner's tier, which sets the priority
     * @param prompt the prompt
     * @param context extra context (a JSON object) or {@code null}
     * @param webhookUrl where to post the outcome, or {@code null}
     * @return the task id
     */
    public String submit(String userId, Tier tier, String prompt, JsonNode context, String webhookUrl) {
        return submit(userId, tier, DEFAULT_AGENT, prompt, context, webhookUrl);
    }

    /**
     * Submits a task.
     *
     * @param userId the owner
     * @param tier the owner's tier, which sets the priority
     * @param agent which agent runs it (see {@link TaskRunner#byAgent})
     * @param prompt the prompt
     * @param context extra context (a JSON object) or {@code null}
     * @param webhookUrl where to post the outcome, or {@code null}
     * @return the task id
     * @throws IllegalArgumentException for a blank user or prompt, a non-object context or a malformed webhook
     * @throws JobPayloadTooLargeException when prompt and context exceed {@link Builder#maxInputBytes}
     */
    public String submit(String userId, Tier tier, String agent, String prompt, JsonNode context,
            String webhookUrl) {
        require(userId, "userId");
        require(agent, "agent");
        require(prompt, "prompt");
        Objects.requireNonNull(tier, "tier");
        if (context != null && !context.isObject()) {
            throw new IllegalArgumentException("context must be a JSON object, got " + context.getNodeType());
        }
        checkWebhook(webhookUrl);
        String id = "task-" + UUID.randomUUID();
        String contextJson = context == null ? "{}" : context.toString();
        NewJob job = NewJob.of(JOB_NAME, Json.object().put("taskId", id),
                jobOptions.toBuilder().jobId(id).priority(tier.priority()).build());
        long inputBytes = (long) prompt.getBytes(StandardCharsets.UTF_8).length
                + contextJson.getBytes(StandardCharsets.UTF_8).length;
        if (inputBytes > maxInputBytes) {
            throw new JobPayloadTooLargeException(JOB_NAME, inputBytes, maxInputBytes);
        }
        store.create(TaskRecord.pending(id, userId, agent, prompt, contextJson, webhookUrl, clock.instant()));
        try {
            queue.add(job);
        } catch (RuntimeException e) {
            // The record must not wait forever for a job that does not exist.
            store.markFailed(id, "the task could not be queued: " + e.getMessage(), clock.instant());
            throw e;
        }
        return id;
    }

    /**
     * @param owner the asking user
     * @param taskId the task
     * @return the task when it exists and belongs to {@code owner}
     */
    public Optional<TaskRecord> get(String owner, String taskId) {
        return store.get(owner, taskId);
    }

    /**
     * @param owner a user
     * @param limit the most to return
     * @return the user's tasks, newest first
     */
    public List<TaskRecord> list(String owner, int limit) {
        return store.listByOwner(owner, limit);
    }

    /**
     * Starts a worker that runs this service's tasks.
     *
     * @param options concurrency, rate limit (default 10 per minute), locks, extra listeners
     * @return the running worker
     */
    public Worker startWorker(WorkerOptions options) {
        WorkerOptions.Builder withRefusals = WorkerOptions.builder().concurrency(options.concurrency())
                .lockDuration(options.lockDuration()).stalledInterval(options.stalledInterval())
                .maxStalledCount(options.maxStalledCount()).drainDelay(options.drainDelay())
                .name(options.name().orElse(null)).listener(new FinalFailures());
        options.limiter().ifPresentOrElse(withRefusals::limiter, withRefusals::noLimiter);
        options.listeners().forEach(withRefusals::listener);
        return queue.createWorker(this::process, withRefusals.build());
    }

    /** The job handler: runs one attempt of a task. */
    Object process(Job job) throws Exception {
        String taskId = taskIdOf(job);
        TaskRecord task = store.get(taskId).orElseThrow(() -> new UnrecoverableJobException("Task " + taskId
                + " has no record in the task store: it was submitted to another store or deleted"));
        if (!task.status().isTerminal()) {
            task = store.markProcessing(taskId, clock.instant()).orElse(task);
        }
        if (task.status().isTerminal()) {
            return replay(task);
        }
        TaskResult result;
        try {
            result = runner.run(task);
        } catch (Exception e) {
            if (e instanceof UnrecoverableJobException || job.attemptsMade() + 1 >= job.options().attempts()) {
                finishFailed(taskId, JobOutcomes.message(e));
            }
            throw e;
        }
        store.markCompleted(taskId, result, clock.instant()).ifPresent(done -> {
            if (usage != null) {
                usage.onTaskCompleted(done);
            }
            notifyOwner(done);
        });
        return summary(taskId, TaskStatus.COMPLETED);
    }

    /** A re-delivered job of a finished task: report the stored outcome, run nothing. */
    private Object replay(TaskRecord task) {
        if (task.status() == TaskStatus.FAILED) {
            throw new UnrecoverableJobException(task.error() == null ? "task failed" : task.error());
        }
        return summary(task.id(), task.status());
    }

    private void finishFailed(String taskId, String error) {
        store.markFailed(taskId, error, clock.instant()).ifPresent(this::notifyOwner);
    }

    private void notifyOwner(TaskRecord task) {
        if (task.webhookUrl() == null) {
            return;
        }
        WebhookEvent event = new WebhookEvent(task.id(), task.status().wireName(), task.result(), task.error(),
                task.usage());
        try {
            webhooks.send(URI.create(task.webhookUrl()), event);
        } catch (FoundryException e) {
            LOG.warn("Webhook for task {} not delivered: {}", task.id(), e.getMessage());
        }
    }

    private void checkWebhook(String webhookUrl) {
        if (webhookUrl == null) {
            return;
        }
        if (webhooks == null) {
            throw new IllegalStateException("A webhook URL was given but no WebhookNotifier is configured:"
                    + " AgentTaskService.builder().webhooks(...)");
        }
        URI uri;
        try {
            uri = new URI(webhookUrl);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("webhookUrl is not a valid URL: " + e.getMessage(), e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null) {
            throw new IllegalArgumentException("webhookUrl must be an absolute https URL");
        }
    }

    private static String taskIdOf(Job job) {
        JsonNode id = job.data().get("taskId");
        if (id == null || !id.isTextual() || id.asText().isBlank()) {
            throw new UnrecoverableJobException("Job " + job.id() + " is not an agent task: its data has no"
                    + " \"taskId\" string");
        }
        return id.asText();
    }

    private static ObjectNode summary(String taskId, TaskStatus status) {
        return Json.object().put("taskId", taskId).put("status", status.wireName());
    }

    private static void require(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
    }

    /** Fails the record of jobs the queue failed without running them (stall limit, unreadable job). */
    private final class FinalFailures implements WorkerListener {
        @Override
        public void onFailed(Job job, Throwable error, boolean willRetry) {
            if (willRetry) {
                return;
            }
            try {
                finishFailed(taskIdOf(job), JobOutcomes.message(error));
            } catch (UnrecoverableJobException notATask) {
                LOG.warn("Failed job {} is not an agent task; no record to update", job.id());
            }
        }
    }

    /**
     * Builds an {@link AgentTaskService}. Not thread-safe.
     */
    public static final class Builder {
        private TaskQueue queue;
        private TaskStore store;
        private TaskRunner runner;
        private WebhookNotifier webhooks;
        private TaskUsageListener usage;
        private JobOptions jobOptions = JobOptions.defaults();
        private Clock clock = Clock.systemUTC();
        private int maxInputBytes = TaskQueue.DEFAULT_MAX_PAYLOAD_BYTES;

        private Builder() {
        }

        /**
         * @param queue where jobs go; required
         * @return this builder
         */
        public Builder queue(TaskQueue queue) {
            this.queue = queue;
            return this;
        }

        /**
         * @param store where records live; required
         * @return this builder
         */
        public Builder store(TaskStore store) {
            this.store = store;
            return this;
        }

        /**
         * @param runner runs the agent; required
         * @return this builder
         */
        public Builder runner(TaskRunner runner) {
            this.runner = runner;
            return this;
        }

        /**
         * @param webhooks posts outcomes; required when tasks name a webhook URL
         * @return this builder
         */
        public Builder webhooks(WebhookNotifier webhooks) {
            this.webhooks = webhooks;
            return this;
        }

        /**
         * @param usage receives each completed task's usage; default none
         * @return this builder
         */
        public Builder usage(TaskUsageListener usage) {
            this.usage = usage;
            return this;
        }

        /**
         * @param jobOptions attempts, backoff and retention of task jobs (job id and priority are set per task);
         *     default {@link JobOptions#defaults()}
         * @return this builder
         */
        public Builder jobOptions(JobOptions jobOptions) {
            this.jobOptions = Objects.requireNonNull(jobOptions, "jobOptions");
            return this;
        }

        /**
         * @param clock the clock for timestamps; default UTC system clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * @param maxInputBytes the largest prompt plus context accepted, in UTF-8 bytes; default 1 MiB
         * @return this builder
         */
        public Builder maxInputBytes(int maxInputBytes) {
            if (maxInputBytes < 1) {
                throw new IllegalArgumentException("maxInputBytes must be positive, got " + maxInputBytes);
            }
            this.maxInputBytes = maxInputBytes;
            return this;
        }

        /** @return the service */
        public AgentTaskService build() {
            return new AgentTaskService(this);
        }
    }
}
