package io.github.foundryagents.redis.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.foundryagents.core.tasks.AgentTaskService;
import io.github.foundryagents.core.tasks.Backoff;
import io.github.foundryagents.core.tasks.JobOptions;
import io.github.foundryagents.core.tasks.KeepJobs;
import io.github.foundryagents.core.tasks.TaskRecord;
import io.github.foundryagents.core.tasks.Tier;
import io.github.foundryagents.redis.queue.QueueCounts;
import io.github.foundryagents.redis.queue.RedisTaskQueue;
import io.github.foundryagents.redis.store.RedisTaskStore;
import io.github.foundryagents.redis.support.TestRedis;
import io.lettuce.core.api.sync.RedisCommands;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * kill -9 of worker processes in the middle of jobs: 1,000 tasks, 3 kills, nothing lost, every task record
 * reaches completed or failed exactly once.
 */
class WorkerCrashTest {

    private final String name = TestRedis.uniqueQueue("crash");
    private final String prefix = TestRedis.uniqueQueue("crashstore");
    private final String counterKey = prefix + ":terminal-count";
    private final List<Process> workers = new ArrayList<>();

    @AfterEach
    void cleanUp() {
        workers.forEach(Process::destroyForcibly);
        TestRedis.deleteQueue("bull", name);
        TestRedis.deleteQueue(prefix, "task");
        TestRedis.deleteQueue(prefix, "owner");
        TestRedis.client().connect().sync().del(counterKey);
    }

    private Process startWorker(Path log) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                TaskWorkerProcess.class.getName(), TestRedis.url(), name, prefix, counterKey)
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        workers.add(p);
        return p;
    }

    /** Waits until the worker logging to {@code log} has started jobs, so killing it leaves jobs in flight. */
    private static void awaitJobsStarted(Path log) throws Exception {
        long waitUntil = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < waitUntil) {
            if (java.nio.file.Files.exists(log) && java.nio.file.Files.readAllLines(log).stream()
                    .filter(l -> l.startsWith("started ")).count() >= 3) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the worker logging to " + log + " started no job within 60 s");
    }

    /** Jobs a worker logged as started but not finished: in flight when it died. */
    private static java.util.Set<String> inFlight(Path log) throws Exception {
        java.util.Set<String> open = new java.util.HashSet<>();
        for (String line : java.nio.file.Files.readAllLines(log)) {
            if (line.startsWith("started ")) {
                open.add(line.substring("started ".length()));
            } else if (line.startsWith("finished ")) {
                open.remove(line.substring("finished ".length()));
            }
        }
        return open;
    }

    @Test
    void killedWorkersLoseNoTaskAndEveryTaskFinishesExactlyOnce() throws Exception {
        int tasks = 1_000;
        List<String> ids = new ArrayList<>();
        try (RedisTaskQueue queue = RedisTaskQueue.builder().client(TestRedis.client()).queue(name).build();
                RedisTaskStore store = new RedisTaskStore(TestRedis.client(), prefix, Duration.ofHours(1))) {
            AgentTaskService service = AgentTaskService.builder().queue(queue).store(store)
                    .runner(task -> {
                        throw new AssertionError("the producer runs no tasks");
                    })
                    .jobOptions(JobOptions.builder().backoff(Backoff.fixed(Duration.ofMillis(100)))
                            .removeOnComplete(KeepJobs.all()).removeOnFail(KeepJobs.all()).build())
                    .build();
            for (int i = 0; i < tasks; i++) {
                ids.add(service.submit("user-" + (i % 7), i % 2 == 0 ? Tier.PREMIUM : Tier.STANDARD,
                        "prompt " + i, null, null));
            }
            File logDir = java.nio.file.Files.createTempDirectory("crash").toFile();
            Path victimLog = logDir.toPath().resolve("a.log");
            Process victim = startWorker(victimLog);
            // A kill counts only when the worker died with jobs it had started but not finished; a kill that
            // happened to land between jobs is repeated with a fresh worker. The second worker joins after the
            // kills: started earlier, on a fast machine it could finish every job before the third kill, leaving the
            // next victim nothing to start.
            int kills = 0;
            int tries = 0;
            for (; kills < 3; tries++) {
                assertThat(tries).as("kills attempted to land 3 mid-job").isLessThan(12);
                awaitJobsStarted(victimLog);
                victim.destroyForcibly().waitFor();
                if (!inFlight(victimLog).isEmpty()) {
                    kills++;
                }
                victimLog = logDir.toPath().resolve("r" + tries + ".log");
                victim = startWorker(victimLog);
            }
            startWorker(logDir.toPath().resolve("b.log"));

            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            QueueCounts counts = queue.counts();
            while ((counts.pending() > 0 || counts.finished() < tasks) && System.nanoTime() < deadline) {
                Thread.sleep(200);
                counts = queue.counts();
            }
            assertThat(counts.pending()).isZero();
            assertThat(counts.finished()).isEqualTo(tasks);

            RedisCommands<String, String> redis = TestRedis.client().connect().sync();
            Map<String, String> terminalCounts = redis.hgetall(counterKey);
            long stalledRecoveries = 0;
            long countLostToKill = 0;
            for (String id : ids) {
                TaskRecord record = store.get(id).orElseThrow();
                // At least once: every record ends terminal.
                assertThat(record.status().isTerminal()).as(id + " " + record).isTrue();
                // At most once: no record was moved to a terminal state twice. A worker killed between applying
                // the transition and bumping the test's counter leaves no count, never a second one.
                String applied = terminalCounts.get(id);
                assertThat(applied).as("terminal transitions of " + id).isIn("1", null);
                countLostToKill += applied == null ? 1 : 0;
                stalledRecoveries += queue.getJob(id).orElseThrow().attemptsStarted() > 1 ? 1 : 0;
            }
            assertThat(countLostToKill).as("counts lost to a kill between transition and count (kills x concurrency)")
                    .isLessThanOrEqualTo(tries * 5L);
            assertThat(stalledRecoveries).as("jobs restarted after a kill").isPositive();
            redis.getStatefulConnection().close();
        }
    }
}
