package io.github.foundryagents.core.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.foundryagents.core.http.Json;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class InMemoryTaskQueueTest {

    private final InMemoryTaskQueue queue = new InMemoryTaskQueue("test", 1024);
    private final List<Worker> workers = new ArrayList<>();

    @AfterEach
    void closeWorkers() {
        workers.forEach(w -> w.close(Duration.ofSeconds(5)));
    }

    private static WorkerOptions.Builder fast() {
        return WorkerOptions.builder().noLimiter().drainDelay(Duration.ofMillis(50));
    }

    private Worker start(JobHandler handler, WorkerOptions options) {
        Worker w = queue.createWorker(handler, options);
        workers.add(w);
        return w;
    }

    private static NewJob job(int n, JobOptions options) {
        return NewJob.of("n", Json.object().put("n", n), options);
    }

    private void awaitState(String id, JobState state) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (queue.getJob(id).map(JobSnapshot::state).orElse(JobState.UNKNOWN) == state) {
                return;
            }
            Thread.sleep(10);
        }
        assertThat(queue.getJob(id).map(JobSnapshot::state)).contains(state);
    }

    @Test
    void addingAnExistingJobIdKeepsTheFirstJob() {
        String first = queue.add(job(1, JobOptions.builder().jobId("same").build()));
        String second = queue.add(job(2, JobOptions.builder().jobId("same").build()));

        assertThat(first).isEqualTo("same").isEqualTo(second);
        assertThat(queue.getJob("same").orElseThrow().dataJson()).isEqualTo("{\"n\":1}");
    }

    @Test
    void runsLowerPrioritiesFirstThenFifoWithinAPriority() throws Exception {
        queue.add(job(1, JobOptions.builder().priority(10).build()));
        queue.add(job(2, JobOptions.builder().priority(1).build()));
        queue.add(job(3, JobOptions.builder().priority(10).build()));
        queue.add(job(4, JobOptions.builder().priority(1).build()));
        List<Integer> order = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch done = new CountDownLatch(4);

        start(j -> {
            order.add(j.data().get("n").asInt());
            done.countDown();
            return null;
        }, fast().concurrency(1).build());

        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(order).containsExactly(2, 4, 1, 3);
    }

    @Test
    void delayedJobsRunInDueOrderAfterTheirDelay() throws Exception {
        long start = System.nanoTime();
        queue.add(job(1, JobOptions.builder().delay(Duration.ofMillis(300)).build()));
        queue.add(job(2, JobOptions.builder().delay(Duration.ofMillis(150)).build()));
        List<Integer> order = Collections.synchronizedList(new ArrayList<>());
        Map<Integer, Long> startedAfterMs = new ConcurrentHashMap<>();
        CountDownLatch done = new CountDownLatch(2);

        start(j -> {
            int n = j.data().get("n").asInt();
            order.add(n);
            startedAfterMs.put(n, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
            done.countDown();
            return null;
        }, fast().concurrency(1).build());

        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(order).containsExactly(2, 1);
        assertThat(startedAfterMs.get(2)).isGreaterThanOrEqualTo(150);
        assertThat(startedAfterMs.get(1)).isGreaterThanOrEqualTo(300);
    }

    @Test
    void retriesWithBackoffUntilAttemptsAreUsedThenFails() throws Exception {
        String id = queue.add(job(1, JobOptions.builder().attempts(3)
                .backoff(Backoff.exponential(Duration.ofMillis(20))).build()));
        List<Boolean> retries = Collections.synchronizedList(new ArrayList<>());

        start(j -> {
            throw new IllegalStateException("boom-" + j.attemptsMade());
        }, fast().listener(new WorkerListener() {
            @Override
            public void onFailed(Job job, Throwable error, boolean willRetry) {
                retries.add(willRetry);
            }
        }).build());

        awaitState(id, JobState.FAILED);
        JobSnapshot failed = queue.getJob(id).orElseThrow();
        assertThat(failed.attemptsMade()).isEqualTo(3);
        assertThat(failed.failedReason()).isEqualTo("boom-2");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (retries.size() < 3 && System.nanoTime() < deadline) {
            Thread.sleep(10); // the worker tells listeners after it has stored the failure
        }
        assertThat(retries).containsExactly(true, true, false);
    }

    @Test
    void succeedsOnALaterAttemptAndKeepsTheReturnValue() throws Exception {
        String id = queue.add(job(7, JobOptions.builder().backoff(null).build()));

        start(j -> {
            if (j.attemptsMade() == 0) {
                throw new IllegalStateException("first try fails");
            }
            return Map.of("echo", j.data().get("n").asInt());
        }, fast().build());

        awaitState(id, JobState.COMPLETED);
        JobSnapshot done = queue.getJob(id).orElseThrow();
        assertThat(done.returnValueJson()).isEqualTo("{\"echo\":7}");
        assertThat(done.attemptsMade()).isEqualTo(2);
        assertThat(done.failedReason()).isEqualTo("first try fails");
    }

    @Test
    void unrecoverableErrorsFailAtOnceWhateverAttemptsRemain() throws Exception {
        String id = queue.add(job(1, JobOptions.builder().attempts(5).build()));

        start(j -> {
            throw new UnrecoverableJobException("bad input");
        }, fast().build());

        awaitState(id, JobState.FAILED);
        assertThat(queue.getJob(id).orElseThrow().attemptsMade()).isEqualTo(1);
    }

    @Test
    void handlersThatThrowHostileErrorsOrReturnUnserialisableValuesStillFailCleanly() throws Exception {
        String hostile = queue.add(job(1, JobOptions.builder().attempts(1).build()));
        String unserialisable = queue.add(job(2, JobOptions.builder().attempts(1).build()));

        start(j -> {
            if (j.data().get("n").asInt() == 1) {
                throw new HostileException();
            }
            return new Object() {
                @SuppressWarnings("unused")
                public Object getSelf() {
                    return this;
                }
            };
        }, fast().build());

        awaitState(hostile, JobState.FAILED);
        awaitState(unserialisable, JobState.FAILED);
        assertThat(queue.getJob(hostile).orElseThrow().failedReason())
                .contains(HostileException.class.getName()).contains("could not be read");
        assertThat(queue.getJob(unserialisable).orElseThrow().failedReason()).contains("cannot be written as JSON");
    }

    @Test
    void trimsFinishedJobsToTheNewestCount() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(queue.add(job(i, JobOptions.builder().removeOnComplete(KeepJobs.last(2)).build())));
        }
        start(j -> null, fast().concurrency(1).build());

        awaitState(ids.get(4), JobState.COMPLETED);
        assertThat(queue.getJob(ids.get(0))).isEmpty();
        assertThat(queue.getJob(ids.get(2))).isEmpty();
        assertThat(queue.getJob(ids.get(3))).isPresent();
    }

    @Test
    void trimsFailedJobsToTheNewestCount() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(queue.add(job(i, JobOptions.builder().attempts(1).removeOnFail(KeepJobs.last(2)).build())));
        }
        start(j -> {
            throw new IllegalStateException("fails-" + j.data().get("n").asInt());
        }, fast().concurrency(1).build());

        awaitState(ids.get(4), JobState.FAILED);
        assertThat(ids.subList(0, 3)).allSatisfy(id -> assertThat(queue.getJob(id)).isEmpty());
        assertThat(queue.getJob(ids.get(3)).orElseThrow().failedReason()).isEqualTo("fails-3");
        assertThat(queue.getJob(ids.get(4)).orElseThrow().state()).isEqualTo(JobState.FAILED);
    }

    @Test
    void removesFinishedJobsOlderThanTheirMaxAge() throws Exception {
        JobOptions byAge = JobOptions.builder().attempts(1).removeOnComplete(KeepJobs.maxAge(Duration.ofSeconds(1)))
                .removeOnFail(KeepJobs.maxAge(Duration.ofSeconds(1))).build();
        start(j -> {
            if (j.data().get("n").asInt() % 2 == 1) {
                throw new IllegalStateException("odd");
            }
            return "even";
        }, fast().concurrency(1).build());
        String oldCompleted = queue.add(job(0, byAge));
        String oldFailed = queue.add(job(1, byAge));
        awaitState(oldCompleted, JobState.COMPLETED);
        awaitState(oldFailed, JobState.FAILED);

        Thread.sleep(1_200); // both are now older than a second
        assertThat(queue.getJob(oldCompleted)).isPresent(); // trimming happens when a job finishes
        String newCompleted = queue.add(job(2, byAge));
        String newFailed = queue.add(job(3, byAge));
        awaitState(newCompleted, JobState.COMPLETED);
        awaitState(newFailed, JobState.FAILED);

        assertThat(queue.getJob(oldCompleted)).isEmpty();
        assertThat(queue.getJob(oldFailed)).isEmpty();
        assertThat(queue.getJob(newCompleted)).isPresent();
        assertThat(queue.getJob(newFailed)).isPresent();
    }

    @Test
    void neverRunsMoreThanTheConcurrencyAtOnceAndReachesIt() throws Exception {
        int concurrency = 3;
        for (int i = 0; i < 12; i++) {
            queue.add(job(i, JobOptions.defaults()));
        }
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(12);

        start(j -> {
            most.accumulateAndGet(running.incrementAndGet(), Math::max);
            Thread.sleep(60);
            running.decrementAndGet();
            done.countDown();
            return null;
        }, fast().concurrency(concurrency).build());

        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(most.get()).isEqualTo(concurrency);
    }

    @Test
    void removeOnCompleteNoneDeletesJobsAsTheyFinish() throws Exception {
        String id = queue.add(job(1, JobOptions.builder().removeOnComplete(KeepJobs.none()).build()));
        CountDownLatch done = new CountDownLatch(1);
        start(j -> "ok", fast().listener(new WorkerListener() {
            @Override
            public void onCompleted(Job job, String returnValueJson) {
                done.countDown();
            }
        }).build());

        assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(queue.getJob(id)).isEmpty();
    }

    @Test
    void theRateLimiterCapsJobStartsPerWindow() throws Exception {
        for (int i = 0; i < 6; i++) {
            queue.add(job(i, JobOptions.defaults()));
        }
        AtomicInteger started = new AtomicInteger();

        start(j -> started.incrementAndGet(), fast().limiter(new RateLimit(3, Duration.ofMillis(700))).build());

        Thread.sleep(350);
        assertThat(started.get()).isEqualTo(3);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (started.get() < 6 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(started.get()).isEqualTo(6);
    }

    @Test
    void pausedWorkersTakeNoJobsUntilResumed() throws Exception {
        AtomicInteger ran = new AtomicInteger();
        Worker worker = start(j -> ran.incrementAndGet(), fast().build());
        worker.pause();
        Thread.sleep(100);
        String id = queue.add(job(1, JobOptions.defaults()));
        Thread.sleep(200);
        assertThat(ran.get()).isZero();
        assertThat(worker.isPaused()).isTrue();

        worker.resume();
        awaitState(id, JobState.COMPLETED);
        assertThat(ran.get()).isEqualTo(1);
    }

    @Test
    void gracefulCloseWaitsForActiveJobsAndTakesNoMore() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        String slow = queue.add(job(1, JobOptions.defaults()));
        Worker worker = queue.createWorker(j -> {
            started.countDown();
            Thread.sleep(300);
            return "done";
        }, fast().concurrency(1).build());
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        String later = queue.add(job(2, JobOptions.defaults()));

        assertThat(worker.close(Duration.ofSeconds(5))).isTrue();

        assertThat(queue.getJob(slow).orElseThrow().state()).isEqualTo(JobState.COMPLETED);
        assertThat(queue.getJob(later).orElseThrow().state()).isEqualTo(JobState.WAITING);
    }

    @Test
    void closeReportsJobsStillRunningAfterTheTimeout() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        queue.add(job(1, JobOptions.defaults()));
        Worker worker = queue.createWorker(j -> {
            started.countDown();
            Thread.sleep(2_000);
            return null;
        }, fast().concurrency(1).build());
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();

        assertThat(worker.close(Duration.ofMillis(100))).isFalse();
    }

    @Test
    void progressIsStoredAndReportedToListeners() throws Exception {
        String id = queue.add(job(1, JobOptions.defaults()));
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        start(j -> {
            j.updateProgress(50);
            j.updateProgress(Map.of("step", "done"));
            return null;
        }, fast().listener(new WorkerListener() {
            @Override
            public void onProgress(Job job, String progressJson) {
                seen.add(progressJson);
            }
        }).build());

        awaitState(id, JobState.COMPLETED);
        assertThat(seen).containsExactly("50", "{\"step\":\"done\"}");
        assertThat(queue.getJob(id).orElseThrow().progressJson()).isEqualTo("{\"step\":\"done\"}");
    }

    @Test
    void refusesOversizedPayloadsWithTheLimitInTheMessage() {
        String big = "x".repeat(2_000);
        assertThatThrownBy(() -> queue.add(NewJob.of("big", Json.object().put("text", big))))
                .isInstanceOf(JobPayloadTooLargeException.class)
                .hasMessageContaining("over the queue's limit of 1024 bytes");
        assertThatThrownBy(() -> queue.addBulk(List.of(job(1, JobOptions.defaults()),
                NewJob.of("big", Json.object().put("text", big)))))
                .isInstanceOf(JobPayloadTooLargeException.class);
        assertThat(queue.getJob("1")).isEmpty();
    }

    @Test
    void refusesMalformedJobDataAndReservedIds() {
        assertThatThrownBy(() -> new NewJob("bad", "{not json", JobOptions.defaults()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("invalid JSON");
        assertThatThrownBy(() -> JobOptions.builder().jobId("42"))
                .hasMessageContaining("integer");
        assertThatThrownBy(() -> JobOptions.builder().jobId("0:x")).hasMessageContaining("reserved");
        assertThatThrownBy(() -> JobOptions.builder().priority(2_097_152)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void defaultsFollowTheGuidance() {
        JobOptions o = JobOptions.defaults();
        assertThat(o.attempts()).isEqualTo(3);
        assertThat(o.backoff()).contains(Backoff.exponential(Duration.ofSeconds(5)));
        assertThat(o.removeOnComplete()).isEqualTo(KeepJobs.last(1000));
        assertThat(o.removeOnFail()).isEqualTo(KeepJobs.last(5000));
        WorkerOptions w = WorkerOptions.defaults();
        assertThat(w.concurrency()).isEqualTo(5);
        assertThat(w.limiter()).contains(new RateLimit(10, Duration.ofMinutes(1)));
        assertThat(Backoff.exponential(Duration.ofSeconds(5)).delayAfter(3)).isEqualTo(Duration.ofSeconds(20));
        assertThat(Backoff.fixed(Duration.ofSeconds(5)).delayAfter(3)).isEqualTo(Duration.ofSeconds(5));
    }

    /** An exception whose message cannot even be read. */
    static final class HostileException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        @Override
        public String getMessage() {
            throw new UnsupportedOperationException("no message for you");
        }
    }
}
