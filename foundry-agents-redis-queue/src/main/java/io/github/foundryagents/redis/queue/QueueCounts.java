package io.github.foundryagents.redis.queue;

/**
 * How many jobs a queue holds in each state (BullMQ's {@code getJobCounts}).
 *
 * @param waiting in the wait list
 * @param prioritized in the prioritized set
 * @param delayed delayed or waiting for a retry
 * @param active being processed
 * @param completed kept after completing
 * @param failed kept after failing
 */
public record QueueCounts(long waiting, long prioritized, long delayed, long active, long completed, long failed) {

    /** @return jobs not finished yet */
    public long pending() {
        return waiting + prioritized + delayed + active;
    }

    /** @return jobs kept after finishing */
    public long finished() {
        return completed + failed;
    }
}
