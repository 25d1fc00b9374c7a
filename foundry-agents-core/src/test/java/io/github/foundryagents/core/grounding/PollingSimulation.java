package io.github.foundryagents.core.grounding;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Runs {@link RunWaiter} over {@link SimulatedRuns} on a {@link ManualTicker}: real polling code, simulated time,
 * so schedules are checked in microseconds and always the same way.
 */
final class PollingSimulation {

    static final String AGENT = "news@gpt-4o";

    private final ManualTicker clock = new ManualTicker();
    private final SimulatedRuns service = new SimulatedRuns(clock);
    private final RunWaiter waiter;

    /**
     * @param strategy how to wait; an adaptive strategy's budget is copied onto the simulated clock (copies share
     *     what they learn, so the strategy passed in sees it)
     */
    PollingSimulation(WaitStrategy strategy) {
        WaitStrategy onClock = strategy instanceof WaitStrategy.AdaptivePolling a
                ? a.withBudget(new PollBudget(a.budget().perMinute(), a.budget().burst(), clock)) : strategy;
        this.waiter = new RunWaiter(service, onClock, AGENT, clock);
    }

    /** What following one run cost and how late it was seen. */
    record Followed(Duration duration, int polls, Duration detection) {
        double detectionShare() {
            return (double) detection.toNanos() / duration.toNanos();
        }
    }

    /** The mean polls and the median detection share of a batch of runs. */
    record Batch(double meanPolls, double medianDetectionShare, List<Followed> runs) {
    }

    Followed follow(Duration duration) {
        RunEventStream first = service.start(duration);
        waiter.follow(first, "thread_1", clock.nanoTime() + Duration.ofMinutes(10).toNanos(),
                new StatusNotifier(List.of()));
        return new Followed(duration, service.polls(), Duration.ofNanos(clock.nanoTime() - service.endsAt()));
    }

    /**
     * @param duration how long the run takes
     * @return how it went when its events are streamed: queued at once, completed after {@code duration}
     */
    Followed stream(Duration duration) {
        RunEventStream polled = service.start(duration);
        RunEventStream events = new RunEventStream() {
            private boolean started;

            @Override
            public RunSnapshot next() {
                if (!started) {
                    started = true;
                    return polled.next();
                }
                clock.sleepNanos(service.endsAt() - clock.nanoTime());
                return RunSnapshot.of("run_streamed", RunStatus.COMPLETED);
            }

            @Override
            public void close() {
                // nothing held open
            }
        };
        waiter.follow(events, "thread_1", clock.nanoTime() + Duration.ofMinutes(10).toNanos(),
                new StatusNotifier(List.of()));
        return new Followed(duration, service.polls(), Duration.ofNanos(clock.nanoTime() - service.endsAt()));
    }

    Batch follow(List<Duration> durations) {
        List<Followed> runs = durations.stream().map(this::follow).toList();
        List<Double> shares = new ArrayList<>(runs.stream().map(Followed::detectionShare).toList());
        Collections.sort(shares);
        double median = (shares.get((shares.size() - 1) / 2) + shares.get(shares.size() / 2)) / 2;
        return new Batch(runs.stream().mapToInt(Followed::polls).average().orElseThrow(), median, runs);
    }

    /**
     * @param runs how many
     * @param from shortest duration in seconds
     * @param to longest
     * @param random source of the jitter
     * @return durations spread evenly over [from, to], each jittered within its slot, shuffled
     */
    static List<Duration> spread(int runs, double from, double to, Random random) {
        List<Duration> durations = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            double seconds = from + (to - from) * (i + random.nextDouble()) / runs;
            durations.add(Duration.ofNanos((long) (seconds * 1e9)));
        }
        Collections.shuffle(durations, random);
        return durations;
    }
}
