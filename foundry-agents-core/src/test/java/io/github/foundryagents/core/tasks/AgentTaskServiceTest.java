package io.github.foundryagents.core.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.spy;

import java.util.List;
import org.junit.jupiter.api.Test;

class AgentTaskServiceTest {

    @Test
    void aTaskThatCannotBeQueuedIsMarkedFailedInsteadOfStayingPending() {
        TaskQueue queue = spy(new InMemoryTaskQueue("unreachable"));
        doThrow(new IllegalStateException("queue is down")).when(queue).add(any(NewJob.class));
        InMemoryTaskStore store = new InMemoryTaskStore();
        AgentTaskService tasks = AgentTaskService.builder().queue(queue).store(store)
                .runner(task -> {
                    throw new AssertionError("nothing runs");
                })
                .build();

        assertThatThrownBy(() -> tasks.submit("alice", Tier.STANDARD, "hello", null, null))
                .hasMessage("queue is down");

        List<TaskRecord> records = tasks.list("alice", 10);
        assertThat(records).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(TaskStatus.FAILED);
            assertThat(r.error()).isEqualTo("the task could not be queued: queue is down");
        });
    }
}
