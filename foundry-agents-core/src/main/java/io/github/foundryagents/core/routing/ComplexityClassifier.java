package io.github.foundryagents.core.routing;

import io.github.foundryagents.core.chat.ChatRequest;

/**
 * Judges how demanding a request is, so the {@link ModelRouter} can send it to a cheap or a capable deployment.
 * Replace it with your own (a lookup by task type, a small model's verdict) through
 * {@link ModelRouter.Builder#classifier(ComplexityClassifier)}. Implementations must be thread-safe.
 */
@FunctionalInterface
public interface ComplexityClassifier {

    /**
     * @param request the call to classify; its deployment is not yet chosen
     * @return its complexity
     */
    Complexity classify(ChatRequest request);

    /** @return the default: {@link KeywordComplexityClassifier} with the guidance's keywords and word limits */
    static ComplexityClassifier defaults() {
        return KeywordComplexityClassifier.builder().build();
    }
}
