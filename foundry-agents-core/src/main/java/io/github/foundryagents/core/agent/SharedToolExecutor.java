package io.github.foundryagents.core.agent;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The default executor for tool calls, shared by every agent in the process: at most {@value #MAX_THREADS}
 * daemon threads named {@code foundry-agents-tool-N}, created on first use and ended after {@link #IDLE} without
 * work. So it needs no shutdown and holds no thread while no agent runs tools; calls beyond the limit wait their
 * turn (the per-tool timeout starts when a call starts running).
 */
final class SharedToolExecutor {

    /** The most tool calls that run at once across all agents using the default executor. */
    static final int MAX_THREADS = 32;
    /** How long an idle thread is kept. */
    static final Duration IDLE = Duration.ofSeconds(60);

    private SharedToolExecutor() {
    }

    /** @return the shared executor, created on first use */
    static ExecutorService get() {
        return Holder.POOL;
    }

    private static final class Holder {
        static final ExecutorService POOL = create();

        private static ExecutorService create() {
            AtomicInteger threads = new AtomicInteger();
            ThreadPoolExecutor pool = new ThreadPoolExecutor(MAX_THREADS, MAX_THREADS, IDLE.toSeconds(),
                    TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
                        Thread t = new Thread(r, "foundry-agents-tool-" + threads.incrementAndGet());
                        t.setDaemon(true);
                        return t;
                    });
            pool.allowCoreThreadTimeOut(true);
            return pool;
        }
    }
}
