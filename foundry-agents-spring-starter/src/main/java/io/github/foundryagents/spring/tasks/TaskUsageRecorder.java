package io.github.foundryagents.spring.tasks;

import io.github.foundryagents.core.tasks.TaskRecord;
import io.github.foundryagents.core.tasks.TaskUsageListener;
import io.github.foundryagents.core.usage.UsageMeter;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * Counts a completed task's tokens against its owner when its model calls did not go through the client's
 * pipeline: grounded tasks run on the Agent Service, so their usage becomes one {@code gen_ai.*} sample with
 * operation {@value #OPERATION} and one usage record under the owner (quotas and reports see it). Tool-calling
 * tasks are not recorded again here: each of their turns already carries the owner's user id and is metered as a
 * {@code chat} call. Thread-safe.
 */
public final class TaskUsageRecorder implements TaskUsageListener {

    /** The OpenTelemetry GenAI operation name of an agent invocation. */
    public static final String OPERATION = "invoke_agent";

    private final UsageMeter meter;
    private final Set<String> unmeteredAgents;

    /**
     * @param meter the usage meter
     * @param unmeteredAgents task agents whose model calls bypass the chat pipeline, e.g. {@code grounded}
     */
    public TaskUsageRecorder(UsageMeter meter, Set<String> unmeteredAgents) {
        this.meter = Objects.requireNonNull(meter, "meter");
        this.unmeteredAgents = Set.copyOf(unmeteredAgents);
    }

    @Override
    public void onTaskCompleted(TaskRecord task) {
        if (!unmeteredAgents.contains(task.agent()) || task.deployments().isEmpty()) {
            return;
        }
        meter.recordSuccess(OPERATION, task.owner(), task.deployments().get(0), null, task.usage(),
                task.duration().orElse(Duration.ZERO));
    }
}
