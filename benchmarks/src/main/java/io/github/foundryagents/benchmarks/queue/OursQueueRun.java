package io.github.foundryagents.benchmarks.queue;

import io.github.foundryagents.core.http.Json;
import io.github.foundryagents.core.tasks.Job;
import io.github.foundryagents.core.tasks.JobOptions;
import io.github.foundryagents.core.tasks.NewJob;
import io.github.foundryagents.core.tasks.Worker;
import io.github.foundryagents.core.tasks.WorkerListener;
import io.github.foundryagents.core.tasks.WorkerOptions;
import io.github.foundryagents.redis.queue.RedisTaskQueue;
import io.lettuce.core.RedisClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Our side of one benchmark case, the way {@code queue-bullmq/bench.mjs} runs BullMQ's: bulk add of no-op jobs,
 * or a worker at a given concurrency running jobs added beforehand (not timed), with the same job options.
 */
final class OursQueueRun {

    /** The options the BullMQ side uses too: the production defaults (3 attempts, exponential 5 s, keep 1000/5000). */
    static final JobOptions OPTIONS = JobOptions.defaults();
    private static final Duration MAX_CASE_TIME = Duration.ofMinutes(5);

    private final RedisClient client;

    OursQueueRun(RedisClient client) {
        this.client = client;
    }

    /** @return jobs per second of the case on {@code queue}, after a warm-up round on {@code queue-warmup} */
    double run(String benchCase, String queue, int jobs, int warmup) throws InterruptedException {
        measure(benchCase, queue + "-warmup", warmup);
        return measure(benchCase, queue, jobs);
    }

    private double measure(String benchCase, String queue, int jobs) throws InterruptedException {
        try (RedisTaskQueue q = RedisTaskQueue.builder().client(client).queue(queue).build()) {
            if (benchCase.equals("add-bulk")) {
                List<NewJob> batch = jobs(jobs);
                long start = System.nanoTime();
                q.addBulk(batch);
                return perSecond(jobs, System.nanoTime() - start);
            }
            q.addBulk(jobs(jobs));
            return process(q, jobs, concurrency(benchCase));
        } finally {
            BenchRedis.deleteQueue(client, queue);
        }
    }

    private static double process(RedisTaskQueue q, int jobs, int concurrency) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(jobs);
        AtomicLong lastCompleted = new AtomicLong();
        WorkerOptions options = WorkerOptions.builder().concurrency(concurrency).noLimiter()
                .listener(new WorkerListener() {
                    @Override
                    public void onCompleted(Job job, String returnValueJson) {
                        lastCompleted.accumulateAndGet(System.nanoTime(), Math::max);
                        done.countDown();
                    }

                    @Override
                    public void onFailed(Job job, Throwable error, boolean willRetry) {
                        System.err.println("job " + job.id() + " failed: " + error);
                    }
                }).build();
        long start = System.nanoTime();
        Worker worker = q.createWorker(job -> null, options);
        try {
            if (!done.await(MAX_CASE_TIME.toSeconds(), TimeUnit.SECONDS)) {
                throw new IllegalStateException("our worker finished " + (jobs - done.getCount()) + " of " + jobs
                        + " jobs in " + MAX_CASE_TIME);
            }
            return perSecond(jobs, lastCompleted.get() - start);
        } finally {
            worker.close(Duration.ofSeconds(30));
        }
    }

    static int concurrency(String benchCase) {
        if (!benchCase.matches("c[1-9][0-9]*")) {
            throw new IllegalArgumentException("unknown case " + benchCase + "; expected add-bulk or cN");
        }
        return Integer.parseInt(benchCase.substring(1));
    }

    private static List<NewJob> jobs(int n) {
        List<NewJob> jobs = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            jobs.add(NewJob.of("noop", Json.object().put("n", i), OPTIONS));
        }
        return jobs;
    }

    private static double perSecond(int jobs, long nanos) {
        return jobs / (nanos / 1e9);
    }
}
