package io.github.foundryagents.core.routing;

import io.github.foundryagents.core.chat.ChatRequest;
import io.github.foundryagents.core.config.Deployments;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * Picks a deployment for a request that names none: classifies it and maps the complexity to an alias or
 * deployment name. By default simple and moderate prompts go to {@value Deployments#GPT4_MINI} (the small, cheap
 * model) and complex ones to {@value Deployments#GPT4}. A request that names a deployment is never routed.
 *
 * <pre>{@code
 * AgentClient client = AgentClient.builder().router(ModelRouter.defaults()).build();
 * ModelRouter custom = ModelRouter.builder()
 *         .classifier(request -> request.tools().isEmpty() ? Complexity.SIMPLE : Complexity.COMPLEX)
 *         .route(Complexity.COMPLEX, "gpt-4.1")
 *         .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe when its classifier is.
 */
public final class ModelRouter {

    private final ComplexityClassifier classifier;
    private final Map<Complexity, String> targets;

    private ModelRouter(Builder b) {
        this.classifier = b.classifier;
        this.targets = Map.copyOf(b.targets);
    }

    /** @return the guidance's router: keyword classifier, simple/moderate to gpt4-mini, complex to gpt4 */
    public static ModelRouter defaults() {
        return builder().build();
    }

    /** @return a builder starting from the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * @param request a request that names no deployment
     * @return its complexity and the alias or deployment name chosen for it
     */
    public Decision route(ChatRequest request) {
        Complexity complexity = Objects.requireNonNull(classifier.classify(request),
                () -> "the complexity classifier " + classifier + " returned null");
        return new Decision(complexity, targets.get(complexity));
    }

    /**
     * @param complexity a level
     * @return the alias or deployment name it maps to
     */
    public String target(Complexity complexity) {
        return targets.get(complexity);
    }

    @Override
    public String toString() {
        return "ModelRouter{classifier=" + classifier + ", targets=" + new EnumMap<>(targets) + '}';
    }

    /**
     * A routing decision.
     *
     * @param complexity how the classifier judged the request
     * @param target the alias or deployment name it maps to
     */
    public record Decision(Complexity complexity, String target) {
    }

    /**
     * Builds a {@link ModelRouter}. Not thread-safe.
     */
    public static final class Builder {
        private ComplexityClassifier classifier = ComplexityClassifier.defaults();
        private final Map<Complexity, String> targets = new EnumMap<>(Complexity.class);

        private Builder() {
            targets.put(Complexity.SIMPLE, Deployments.GPT4_MINI);
            targets.put(Complexity.MODERATE, Deployments.GPT4_MINI);
            targets.put(Complexity.COMPLEX, Deployments.GPT4);
        }

        /**
         * @param classifier judges requests; default {@link ComplexityClassifier#defaults()}
         * @return this builder
         */
        public Builder classifier(ComplexityClassifier classifier) {
            this.classifier = Objects.requireNonNull(classifier, "classifier");
            return this;
        }

        /**
         * @param complexity a level
         * @param aliasOrDeployment the alias (e.g. {@code gpt4}) or deployment name for it
         * @return this builder
         */
        public Builder route(Complexity complexity, String aliasOrDeployment) {
            Objects.requireNonNull(complexity, "complexity");
            if (aliasOrDeployment == null || aliasOrDeployment.isBlank()) {
                throw new IllegalArgumentException("the target for " + complexity + " must be an alias or a"
                        + " deployment name");
            }
            targets.put(complexity, aliasOrDeployment);
            return this;
        }

        /** @return the router */
        public ModelRouter build() {
            return new ModelRouter(this);
        }
    }
}
