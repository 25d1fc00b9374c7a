package io.github.foundryagents.core.grounding;

/**
 * Told each time a run's status changes, e.g. to show progress. Called on the asking thread; keep it quick.
 * An exception thrown here is logged and ignored.
 */
@FunctionalInterface
public interface RunListener {

    /**
     * @param runId the run (classic) or response (Responses API) id
     * @param status its new status
     */
    void onStatus(String runId, RunStatus status);
}
