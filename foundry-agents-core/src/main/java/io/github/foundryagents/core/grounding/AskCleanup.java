package io.github.foundryagents.core.grounding;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs an ask's clean-up (cancel the run, delete the conversation) so that it survives the caller's interruption.
 * An interrupted thread cannot make HTTP calls: azure-core abandons them at once, which would leave the run
 * running and the conversation in the project. So when the calling thread is interrupted, the clean-up runs on a
 * daemon thread of its own while the caller waits for it at most {@link #WAIT} with the interrupt flag cleared;
 * then the flag is set again, so the caller's cancellation still sees it. A clean-up that takes longer goes on
 * in the background. Without an interruption the clean-up runs on the calling thread. Thread-safe.
 */
final class AskCleanup {

    /** The longest an interrupted caller waits for its clean-up before it continues in the background. */
    static final Duration WAIT = Duration.ofSeconds(10);

    private static final Logger LOG = LoggerFactory.getLogger(AskCleanup.class);
    private static final ExecutorService THREADS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "foundry-agents-ask-cleanup");
        t.setDaemon(true);
        return t;
    });

    private AskCleanup() {
    }

    /**
     * @param cleanUp the clean-up; it logs its own failures and does not throw
     * @param conversation the conversation cleaned up, for the log
     */
    static void run(Runnable cleanUp, String conversation) {
        if (!Thread.currentThread().isInterrupted()) {
            cleanUp.run();
            return;
        }
        Future<?> done = THREADS.submit(cleanUp);
        Thread.interrupted(); // cleared while waiting, set again below
        try {
            done.get(WAIT.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            LOG.info("Interrupted again while cleaning up conversation {}; the clean-up goes on in the background",
                    conversation);
        } catch (TimeoutException e) {
            LOG.warn("Cleaning up conversation {} after a cancelled ask took longer than {}; it goes on in the"
                    + " background", conversation, WAIT);
        } catch (ExecutionException e) {
            LOG.warn("Cleaning up conversation {} after a cancelled ask failed: {}", conversation,
                    e.getCause().toString());
        } finally {
            Thread.currentThread().interrupt();
        }
    }
}
