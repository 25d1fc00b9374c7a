package io.github.foundryagents.spring.tasks;

import io.github.foundryagents.core.tasks.TaskRecord;
import io.github.foundryagents.core.tasks.TaskUsageListener;
import io.github.foundryagents.core.usage.UsageMeter;
import java.time.Duration;
import java.util.Objects;

/**
 * Records each completed task's tokens under its owner, once per task: a {@code gen_ai.*} sample with operation
 * {@value #OPERATION} and a usage record in the usage store, so monthly quotas and usage reports count the work
 * done for each user. The agents' own model calls carry no user id (they are metered as {@code chat} without
 * one), so a task's tokens are counted against its owner exactly here. Cost is priced by the first deployment
 * that answered (the model deployment for grounded tasks). Thread-safe.
 */
public final class TaskUsageRecorder implements TaskUsageListener {

    /** The OpenTelemetry GenAI operation name of an agent invocation. */
    public static final String OPERATION = "invoke_agent";

    private final UsageMeter meter;
    private final String groundedDeployment;

    /**
     * @param meter the client's usage meter
     * @param groundedDeployment the deployment grounded tasks run on, for tasks that report none
     */
    public TaskUsageRecorder(UsageMeter meter, String groundedDeployment) {
        this.meter = Objects.requireNonNull(meter, "meter");
        this.groundedDeployment = Objects.requireNonNull(groundedDeployment, "groundedDeployment");
    }

    @Override
    public void onTaskCompleted(TaskRecord task) {
        String deployment = task.deployments().isEmpty() ? groundedDeployment : task.deployments().get(0);
        meter.recordSuccess(OPERATION, task.owner(), deployment, null, task.usage(),
                task.duration().orElse(Duration.ZERO));
    }
}
