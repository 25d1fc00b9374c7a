package io.github.foundryagents.core.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The worker engine against a scripted backend: what it reports while a job's outcome is being stored. */
class QueueWorkerTest {

    private static final Duration LOCK = Duration.ofMillis(100);

    private static ActiveJob job(String id) {
        return new ActiveJob(id, "n", "{}", JobOptions.defaults(), 0, 1, Instant.now(), "token-" + id, null);
    }

    /** A backend that hands out one job, then waits idle like a queue with nothing to do. */
    private static WorkerBackend backend(String jobId) {
        WorkerBackend backend = mock(WorkerBackend.class);
        when(backend.moveToActive(anyString())).thenReturn(Claim.of(job(jobId)), Claim.NONE);
        doAnswer(inv -> {
            Thread.sleep(inv.<Duration>getArgument(0).toMillis());
            return null;
        }).when(backend).awaitWork(any());
        return backend;
    }

    @Test
    void aRenewalThatRacesTheFinishOfAJobIsNotReportedAsALostLock() throws Exception {
        WorkerBackend backend = backend("slow-finish");
        // The finish reached Redis first and released the lock; the renewal sent behind it finds none.
        CountDownLatch renewed = new CountDownLatch(1);
        when(backend.extendLocks(anyMap(), any())).thenAnswer(inv -> {
            renewed.countDown();
            return List.of("slow-finish");
        });
        CountDownLatch renewedDuringFinish = new CountDownLatch(1);
        when(backend.complete(any(), any(), anyBoolean(), anyString())).thenAnswer(inv -> {
            if (renewed.await(5, TimeUnit.SECONDS)) {
                renewedDuringFinish.countDown();
            }
            return Claim.NONE;
        });
        List<Throwable> errors = new CopyOnWriteArrayList<>();
        QueueWorker worker = QueueWorker.start(backend, j -> "done", WorkerOptions.builder().concurrency(1)
                .noLimiter().lockDuration(LOCK).drainDelay(Duration.ofMillis(50)).listener(new WorkerListener() {
                    @Override
                    public void onError(Throwable error) {
                        errors.add(error);
                    }
                }).build(), "queue-worker-test");
        try {
            assertThat(renewedDuringFinish.await(5, TimeUnit.SECONDS)).isTrue();
        } finally {
            assertThat(worker.close(Duration.ofSeconds(5))).isTrue();
        }

        verify(backend, atLeastOnce()).extendLocks(anyMap(), any());
        assertThat(errors).isEmpty();
    }

    @Test
    void aLockLostWhileTheHandlerRunsIsReported() throws Exception {
        WorkerBackend backend = backend("stolen");
        when(backend.extendLocks(anyMap(), any())).thenReturn(List.of("stolen"));
        when(backend.complete(any(), any(), anyBoolean(), anyString())).thenReturn(Claim.NONE);
        List<Throwable> errors = new CopyOnWriteArrayList<>();
        CountDownLatch reported = new CountDownLatch(1);
        QueueWorker worker = QueueWorker.start(backend, j -> {
            assertThat(reported.await(5, TimeUnit.SECONDS)).isTrue();
            return "done";
        }, WorkerOptions.builder().concurrency(1).noLimiter().lockDuration(LOCK).drainDelay(Duration.ofMillis(50))
                .listener(new WorkerListener() {
                    @Override
                    public void onError(Throwable error) {
                        errors.add(error);
                        reported.countDown();
                    }
                }).build(), "queue-worker-test");
        try {
            assertThat(reported.await(5, TimeUnit.SECONDS)).isTrue();
        } finally {
            assertThat(worker.close(Duration.ofSeconds(5))).isTrue();
        }

        assertThat(errors.get(0)).isInstanceOf(JobLockLostException.class).hasMessageContaining("stolen");
    }
}
