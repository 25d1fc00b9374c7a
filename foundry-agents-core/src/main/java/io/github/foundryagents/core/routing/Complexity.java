package io.github.foundryagents.core.routing;

/**
 * How demanding a prompt is, as a {@link ComplexityClassifier} judges it; the {@link ModelRouter} maps each level
 * to a deployment.
 */
public enum Complexity {
    /** Short, everyday requests: the small model answers them well. */
    SIMPLE,
    /** Longer requests without signs of code or analysis. */
    MODERATE,
    /** Code, debugging, analysis, comparison or reasoning, or very long prompts: the large model. */
    COMPLEX
}
