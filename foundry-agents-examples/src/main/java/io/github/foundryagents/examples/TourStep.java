package io.github.foundryagents.examples;

/**
 * One step of the quickstart tour: shows one capability against the embedded fake or real Azure.
 */
interface TourStep {

    /** @return the name used with {@code --only} */
    String name();

    /** @return one line saying what the step shows */
    String description();

    /**
     * @param tour the shared client, environment and output
     */
    void run(Tour tour);
}
