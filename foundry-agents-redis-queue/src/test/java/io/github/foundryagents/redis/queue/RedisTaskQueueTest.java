package io.github.foundryagents.redis.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.foundryagents.core.http.Json;
import io.github.foundryagents.core.tasks.Backoff;
import io.github.foundryagents.core.tasks.Job;
import io.github.foundryagents.core.tasks.JobHandler;
import io.github.foundryagents.core.tasks.JobOptions;
import io.github.foundryagents.core.tasks.JobPayloadTooLargeException;
import io.github.foundryagents.core.tasks.JobSnapshot;
import io.github.foundryagents.core.tasks.JobState;
import io.github.foundryagents.core.tasks.KeepJobs;
import io.github.foundryagents.core.tasks.NewJob;
import io.github.foundryagents.core.tasks.RateLimit;
import io.github.foundryagents.core.tasks.Worker;
import io.github.foundryagents.core.tasks.WorkerListener;
import io.github.foundryagents.core.tasks.WorkerOptions;
import io.github.foundryagents.redis.support.TestRedis;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RedisTaskQueueTest {

    private final String name = TestRedis.uniqueQueue("rq");
    private final RedisTaskQueue queue = RedisTaskQueue.builder().client(TestRedis.client()).queue(name)
            .maxPayloadBytes(4096).build();
    private final RedisCommands<String, String> redis = TestRedis.client().connect().sync();
    private final List<Worker> workers = new ArrayList<>();

    @AfterEach
    void cleanUp() {
        workers.forEach(w -> w.close(Duration.ofSeconds(5)));
        queue.close();
        TestRedis.deleteQueue("bull", name);
        redis.getStatefulConnection().close();
    }

    private static WorkerOptions.Builder fast() {
        return WorkerOptions.builder().noLimiter().drainDelay(Duration.ofMillis(200));
    }

    private Worker start(JobHandler handler, WorkerOptions options) {
        Worker w = queue.createWorker(handler, options);
        workers.add(w);
        return w;
    }

    private static NewJob job(int n, JobOptions options) {
        return NewJob.of("n", Json.object().put("n", n), options);
    }

    private JobSnapshot awaitState(String id, JobState state) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline) {
            JobSnapshot s = queue.getJob(id).orElse(null);
            if (s != null && s.state() == state) {
                return s;
            }
            Thread.sleep(20);
        }
        assertThat(queue.getJob(id).map(JobSnapshot::state)).contains(state);
        return null;
    }

    private String key(String suffix) {
        return "bull:" + name + ":" + suffix;
    }

    @Test
    void storesJobsInBullMqsLayoutWithTheMarkerSet() {
        String id = queue.add(job(1, JobOptions.builder().jobId("job-a").build()));

        Map<String, String> hash = redis.hgetall(key(id));
        assertThat(hash).containsEntry("name", "n").containsEntry("data", "{\"n\":1}")
                .containsEntry("delay", "0").containsEntry("priority", "0").containsKey("timestamp");
        com.fasterxml.jackson.databind.JsonNode o = Json.parse(hash.get("opts").getBytes());
        {
            assertThat(o.path("attempts").asInt()).isEqualTo(3);
            assertThat(o.path("backoff").path("type").asText()).isEqualTo("exponential");
            assertThat(o.path("backoff").path("delay").asLong()).isEqualTo(5000);
            assertThat(o.path("removeOnComplete").asInt()).isEqualTo(1000);
            assertThat(o.path("removeOnFail").asInt()).isEqualTo(5000);
            assertThat(o.path("jobId").asText()).isEqualTo("job-a");
        }
        assertThat(redis.lrange(key("wait"), 0, -1)).containsExactly("job-a");
        assertThat(redis.zscore(key("marker"), "0")).isEqualTo(0.0);
        assertThat(redis.get(key("id"))).isEqualTo("1");
        assertThat(redis.hget(key("meta"), "opts.maxLenEvents")).isEqualTo("10000");
        assertThat(redis.xrange(key("events"), io.lettuce.core.Range.create("-", "+")))
                .extracting(m -> m.getBody().get("event")).containsExactly("added", "waiting");
    }

    @Test
    void addingAnExistingJobIdKeepsTheFirstJobAndEmitsDuplicated() {
        queue.add(job(1, JobOptions.builder().jobId("same").build()));
        String again = queue.add(job(2, JobOptions.builder().jobId("same").build()));

        assertThat(again).isEqualTo("same");
        assertThat(redis.hget(key("same"), "data")).isEqualTo("{\"n\":1}");
        assertThat(redis.llen(key("wait"))).isEqualTo(1);
        assertThat(redis.get(key("id"))).isEqualTo("2");
        assertThat(redis.xrange(key("events"), io.lettuce.core.Range.create("-", "+")))
                .extracting(m -> m.getBody().get("event")).contains("duplicated");
    }

    @Test
    void prioritizedScoresFollowBullMqAndRunLowerFirst() throws Exception {
        queue.add(job(1, JobOptions.builder().priority(10).build()));
        queue.add(job(2, JobOptions.builder().priority(1).build()));
        queue.add(job(3, JobOptions.builder().priority(10).build()));
        queue.add(job(4, JobOptions.builder().priority(1).build()));
        queue.add(job(5, JobOptions.defaults()));
        assertThat(redis.zscore(key("prioritized"), "1")).isEqualTo(10 * 4294967296.0 + 1);
        assertThat(redis.zscore(key("prioritized"), "2")).isEqualTo(4294967296.0 + 2);
        List<Integer> order = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch done = new CountDownLatch(5);

        start(j -> {
            order.add(j.data().get("n").asInt());
            done.countDown();
            return null;
        }, fast().concurrency(1).build());

        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(order).containsExactly(5, 2, 4, 1, 3);
    }

    @Test
    void delayedJobsGetBullMqScoresAndRunInDueOrder() throws Exception {
        long before = System.currentTimeMillis();
        String late = queue.add(job(1, JobOptions.builder().delay(Duration.ofMillis(600)).build()));
        String early = queue.add(job(2, JobOptions.builder().delay(Duration.ofMillis(300)).build()));
        double score = redis.zscore(key("delayed"), early);
        long due = (long) Math.floor(score / 4096);
        assertThat(due).isBetween(before + 300, System.currentTimeMillis() + 300);
        assertThat(score % 4096).isZero();
        assertThat(redis.zscore(key("marker"), "1")).isEqualTo((double) due);
        List<String> order = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch done = new CountDownLatch(2);

        start(j -> {
            order.add(j.id());
            done.countDown();
            return null;
        }, fast().concurrency(1).drainDelay(Duration.ofSeconds(5)).build());

        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(order).containsExactly(early, late);
        assertThat(System.currentTimeMillis() - before).isGreaterThanOrEqualTo(600);
    }

    @Test
    void retriesThroughDelayedThenFailsWithBullMqFields() throws Exception {
        String id = queue.add(job(1, JobOptions.builder().attempts(3)
                .backoff(Backoff.exponential(Duration.ofMillis(50))).build()));

        start(j -> {
            throw new IllegalStateException("boom-" + j.attemptsMade());
        }, fast().build());

        JobSnapshot failed = awaitState(id, JobState.FAILED);
        assertThat(failed.attemptsMade()).isEqualTo(3);
        assertThat(failed.attemptsStarted()).isEqualTo(3);
        assertThat(failed.failedReason()).isEqualTo("boom-2");
        assertThat(Json.parse(redis.hget(key(id), "stacktrace").getBytes())).hasSize(3);
        assertThat(redis.zscore(key("failed"), id)).isNotNull();
        assertThat(redis.exists(key(id + ":lock"))).isZero();
        assertThat(redis.xrange(key("events"), io.lettuce.core.Range.create("-", "+")))
                .extracting(m -> m.getBody().get("event"))
                .containsSubsequence("active", "delayed", "waiting", "active", "delayed", "waiting", "active",
                        "failed", "retries-exhausted");
    }

    @Test
    void completesWithJsonReturnValueAndTrimsRetention() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(queue.add(job(i, JobOptions.builder().removeOnComplete(KeepJobs.last(2)).build())));
        }
        start(j -> Map.of("echo", j.data().get("n").asInt()), fast().concurrency(1).build());

        JobSnapshot last = awaitState(ids.get(4), JobState.COMPLETED);
        assertThat(last.returnValueJson()).isEqualTo("{\"echo\":4}");
        assertThat(redis.zrange(key("completed"), 0, -1)).containsExactlyInAnyOrder(ids.get(3), ids.get(4));
        assertThat(redis.exists(key(ids.get(0)))).isZero();
        assertThat(redis.xrange(key("events"), io.lettuce.core.Range.create("-", "+")))
                .extracting(m -> m.getBody().get("event")).contains("completed", "drained");
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
        assertThat(redis.zrange(key("failed"), 0, -1)).containsExactlyInAnyOrder(ids.get(3), ids.get(4));
        assertThat(ids.subList(0, 3)).allSatisfy(id -> assertThat(redis.exists(key(id))).isZero());
        assertThat(queue.getJob(ids.get(3)).orElseThrow().failedReason()).isEqualTo("fails-3");
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
        assertThat(Json.parse(redis.hget(key(oldCompleted), "opts").getBytes()).path("removeOnComplete")
                .path("age").asInt()).isEqualTo(1);

        Thread.sleep(1_200); // both are now older than a second
        assertThat(redis.exists(key(oldCompleted))).isOne(); // trimming happens when a job finishes
        String newCompleted = queue.add(job(2, byAge));
        String newFailed = queue.add(job(3, byAge));
        awaitState(newCompleted, JobState.COMPLETED);
        awaitState(newFailed, JobState.FAILED);

        assertThat(redis.zrange(key("completed"), 0, -1)).containsExactly(newCompleted);
        assertThat(redis.zrange(key("failed"), 0, -1)).containsExactly(newFailed);
        assertThat(redis.exists(key(oldCompleted), key(oldFailed))).isZero();
    }

    @Test
    void neverRunsMoreThanTheConcurrencyAtOnceAndReachesIt() throws Exception {
        int concurrency = 4;
        for (int i = 0; i < 16; i++) {
            queue.add(job(i, JobOptions.defaults()));
        }
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(16);

        start(j -> {
            most.accumulateAndGet(running.incrementAndGet(), Math::max);
            Thread.sleep(80);
            running.decrementAndGet();
            done.countDown();
            return null;
        }, fast().concurrency(concurrency).build());

        assertThat(done.await(15, TimeUnit.SECONDS)).isTrue();
        assertThat(most.get()).isEqualTo(concurrency);
    }

    @Test
    void locksAreRenewedSoAJobLongerThanTwiceTheLockDurationIsNeverStalled() throws Exception {
        Duration lock = Duration.ofMillis(300);
        String id = queue.add(job(1, JobOptions.defaults()));
        List<String> stalled = Collections.synchronizedList(new ArrayList<>());
        List<Throwable> errors = Collections.synchronizedList(new ArrayList<>());
        WorkerListener watch = new WorkerListener() {
            @Override
            public void onStalled(String jobId) {
                stalled.add(jobId);
            }

            @Override
            public void onError(Throwable error) {
                errors.add(error);
            }
        };
        CountDownLatch started = new CountDownLatch(1);
        WorkerOptions options = fast().lockDuration(lock).stalledInterval(Duration.ofMillis(100)).listener(watch)
                .build();
        start(j -> {
            started.countDown();
            Thread.sleep(3 * lock.toMillis() + 300);
            return "slow";
        }, options);
        start(j -> "idle", options); // a second worker whose stalled checker sees the running job too
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

        Thread.sleep(2 * lock.toMillis() + 100); // without renewal the lock would be gone by now
        assertThat(redis.pttl(key(id + ":lock"))).isPositive().isLessThanOrEqualTo(lock.toMillis());
        JobSnapshot done = awaitState(id, JobState.COMPLETED);

        assertThat(done.returnValueJson()).isEqualTo("\"slow\"");
        assertThat(done.attemptsStarted()).isEqualTo(1);
        assertThat(done.attemptsMade()).isEqualTo(1);
        assertThat(redis.hget(key(id), "stc")).isNull();
        assertThat(stalled).isEmpty();
        assertThat(errors).isEmpty();
    }

    @Test
    void handlersThatThrowHostileErrorsOrReturnUnserialisableValuesStillFailCleanly() throws Exception {
        String hostile = queue.add(job(1, JobOptions.builder().attempts(1).build()));
        String unserialisable = queue.add(job(2, JobOptions.builder().attempts(3).build()));
        AtomicInteger runs = new AtomicInteger();

        start(j -> {
            runs.incrementAndGet();
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

        JobSnapshot h = awaitState(hostile, JobState.FAILED);
        JobSnapshot u = awaitState(unserialisable, JobState.FAILED);
        assertThat(h.failedReason()).contains(HostileException.class.getName()).contains("could not be read");
        com.fasterxml.jackson.databind.JsonNode trace = Json.parse(redis.hget(key(hostile), "stacktrace").getBytes());
        assertThat(trace).hasSize(1);
        assertThat(trace.get(0).asText()).startsWith(HostileException.class.getName())
                .doesNotContain("Caused by"); // its cause is itself; the cycle is cut
        assertThat(u.failedReason()).contains("cannot be written as JSON");
        assertThat(u.attemptsMade()).isEqualTo(1); // not retried: it would fail the same way again
        assertThat(runs.get()).isEqualTo(2);
        assertThat(redis.exists(key(hostile + ":lock"), key(unserialisable + ":lock"))).isZero();
    }

    @Test
    void theGlobalRateLimiterCapsStartsAcrossWorkers() throws Exception {
        for (int i = 0; i < 6; i++) {
            queue.add(job(i, JobOptions.defaults()));
        }
        queue.setGlobalRateLimit(new RateLimit(3, Duration.ofSeconds(1)));
        AtomicInteger started = new AtomicInteger();
        start(j -> started.incrementAndGet(), fast().build());
        start(j -> started.incrementAndGet(), fast().build());

        Thread.sleep(500);
        assertThat(started.get()).isEqualTo(3);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (started.get() < 6 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(started.get()).isEqualTo(6);
    }

    @Test
    void aJobWhoseWorkerDiedIsMovedBackAndRunAgain() throws Exception {
        String id = queue.add(job(1, JobOptions.defaults()));
        WorkerOptions dead = fast().lockDuration(Duration.ofMillis(300)).build();
        RedisWorkerBackend crashed = new RedisWorkerBackend(TestRedis.client(), redis, new QueueKeys("bull", name),
                dead);
        assertThat(crashed.moveToActive("dead-worker:1").job()).isNotNull();
        crashed.close();
        List<String> stalled = Collections.synchronizedList(new ArrayList<>());
        Thread.sleep(400); // the dead worker's lock expires

        start(j -> "recovered", fast().stalledInterval(Duration.ofMillis(200)).listener(new WorkerListener() {
            @Override
            public void onStalled(String jobId) {
                stalled.add(jobId);
            }
        }).build());

        JobSnapshot done = awaitState(id, JobState.COMPLETED);
        assertThat(done.returnValueJson()).isEqualTo("\"recovered\"");
        assertThat(done.attemptsStarted()).isEqualTo(2);
        assertThat(redis.hget(key(id), "stc")).isEqualTo("1");
        assertThat(stalled).containsExactly(id);
    }

    @Test
    void aJobOverTheStallLimitFailsWithBullMqsMessage() throws Exception {
        String id = queue.add(job(1, JobOptions.defaults()));
        redis.hset(key(id), "defa", "job stalled more than allowable limit");
        AtomicInteger ran = new AtomicInteger();

        start(j -> ran.incrementAndGet(), fast().build());

        JobSnapshot failed = awaitState(id, JobState.FAILED);
        assertThat(failed.failedReason()).isEqualTo("job stalled more than allowable limit");
        assertThat(ran.get()).isZero();
        assertThat(redis.hexists(key(id), "defa")).isFalse();
    }

    @Test
    void malformedJobDataFailsCleanlyWithoutRunningTheHandler() throws Exception {
        String id = queue.add(job(1, JobOptions.builder().attempts(5).build()));
        redis.hset(key(id), "data", "{broken");
        AtomicInteger ran = new AtomicInteger();

        start(j -> ran.incrementAndGet(), fast().build());

        JobSnapshot failed = awaitState(id, JobState.FAILED);
        assertThat(failed.failedReason()).contains("not valid JSON");
        assertThat(failed.attemptsMade()).isEqualTo(1);
        assertThat(ran.get()).isZero();
    }

    @Test
    void progressIsStoredAndPublished() throws Exception {
        String id = queue.add(job(1, JobOptions.defaults()));
        start(j -> {
            j.updateProgress(Map.of("percent", 50));
            return null;
        }, fast().build());

        JobSnapshot done = awaitState(id, JobState.COMPLETED);
        assertThat(done.progressJson()).isEqualTo("{\"percent\":50}");
        assertThat(redis.xrange(key("events"), io.lettuce.core.Range.create("-", "+")))
                .anySatisfy(m -> assertThat(m.getBody()).containsEntry("event", "progress")
                        .containsEntry("data", "{\"percent\":50}"));
    }

    @Test
    void pauseResumeAndGracefulClose() throws Exception {
        AtomicInteger ran = new AtomicInteger();
        Worker worker = queue.createWorker(j -> {
            Thread.sleep(200);
            return ran.incrementAndGet();
        }, fast().concurrency(1).build());
        worker.pause();
        Thread.sleep(300);
        String first = queue.add(job(1, JobOptions.defaults()));
        Thread.sleep(300);
        assertThat(ran.get()).isZero();

        worker.resume();
        awaitState(first, JobState.ACTIVE);
        String second = queue.add(job(2, JobOptions.defaults()));
        assertThat(worker.close(Duration.ofSeconds(5))).isTrue();

        assertThat(queue.getJob(first).orElseThrow().state()).isEqualTo(JobState.COMPLETED);
        assertThat(queue.getJob(second).orElseThrow().state()).isEqualTo(JobState.WAITING);
    }

    @Test
    void bulkAddKeepsOrderAndRefusesOversizedPayloadsUpFront() {
        List<NewJob> jobs = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            jobs.add(job(i, JobOptions.defaults()));
        }
        assertThat(queue.addBulk(jobs)).hasSize(100).first().isEqualTo("1");
        assertThat(redis.lindex(key("wait"), -1)).isEqualTo("1");

        NewJob big = NewJob.of("big", Json.object().put("text", "x".repeat(5000)));
        assertThatThrownBy(() -> queue.addBulk(List.of(job(1, JobOptions.defaults()), big)))
                .isInstanceOf(JobPayloadTooLargeException.class).hasMessageContaining("4096 bytes");
        assertThat(redis.llen(key("wait"))).isEqualTo(100);
    }

    @Test
    void bulkAddSpanningSeveralScriptCallsWritesEveryJobAsASingleAddWould() {
        List<NewJob> jobs = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            JobOptions options = i == 10 || i == 150 ? JobOptions.builder().jobId("twice").build()
                    : i == 20 ? JobOptions.builder().priority(3).build()
                    : i == 30 ? JobOptions.builder().delay(Duration.ofMinutes(5)).build() : JobOptions.defaults();
            jobs.add(job(i, options));
        }

        List<String> ids = queue.addBulk(jobs);

        assertThat(ids).hasSize(250);
        assertThat(new java.util.HashSet<>(ids)).hasSize(249);
        assertThat(ids.get(10)).isEqualTo("twice");
        assertThat(ids.get(150)).isEqualTo("twice");
        assertThat(redis.hget(key("twice"), "data")).isEqualTo("{\"n\":10}");
        assertThat(redis.get(key("id"))).isEqualTo("250");
        assertThat(ids.get(249)).isEqualTo("250");
        assertThat(redis.zscore(key("prioritized"), ids.get(20))).isNotNull();
        assertThat(redis.zscore(key("delayed"), ids.get(30))).isNotNull();
        List<String> waiting = new ArrayList<>(redis.lrange(key("wait"), 0, -1));
        Collections.reverse(waiting);
        assertThat(waiting).hasSize(247).first().isEqualTo(ids.get(0));
        assertThat(waiting).last().isEqualTo(ids.get(249));
        List<String> events = redis.xrange(key("events"), io.lettuce.core.Range.create("-", "+")).stream()
                .map(m -> m.getBody().get("event")).toList();
        assertThat(events.stream().filter("added"::equals)).hasSize(249);
        assertThat(events.stream().filter("waiting"::equals)).hasSize(248);
        assertThat(events).containsOnlyOnce("duplicated", "delayed");
    }

    @Test
    void clusterModeRequiresAHashTag() {
        assertThatThrownBy(() -> RedisTaskQueue.builder().client(TestRedis.client()).queue("plain").cluster(true)
                .build()).hasMessageContaining("hash tag");
        try (RedisTaskQueue tagged = RedisTaskQueue.builder().client(TestRedis.client()).queue("{tagged}")
                .cluster(true).build()) {
            assertThat(tagged.name()).isEqualTo("{tagged}");
        }
    }

    /** An exception whose message cannot be read and whose cause is itself. */
    static final class HostileException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        @Override
        public String getMessage() {
            throw new UnsupportedOperationException("no message for you");
        }

        @Override
        public synchronized Throwable getCause() {
            return this;
        }
    }
}
