package io.github.foundryagents.core.grounding;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Models known not to support Grounding with Bing Search. The service accepts such an agent and answers without
 * searching, so the builder warns instead. Stateless.
 */
final class GroundingModels {

    /** The only model version the guidance names as incompatible. */
    static final String UNSUPPORTED_MINI_VERSION = "2024-07-18";

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private GroundingModels() {
    }

    /**
     * @param deployment the deployment name (often the model name, sometimes with the version)
     * @param modelVersion the model version when known, else {@code null}
     * @return a warning when the deployment probably runs a model that ignores Bing grounding
     */
    static Optional<String> warning(String deployment, String modelVersion) {
        String name = deployment.toLowerCase(Locale.ROOT);
        if (!name.contains("gpt-4o-mini") && !name.contains("gpt4o-mini")) {
            return Optional.empty();
        }
        String version = modelVersion != null ? modelVersion : dateIn(name);
        if (version != null && !version.equals(UNSUPPORTED_MINI_VERSION)) {
            return Optional.empty();
        }
        return Optional.of("Deployment '" + deployment + "' "
                + (version != null ? "runs" : "may run") + " gpt-4o-mini version " + UNSUPPORTED_MINI_VERSION
                + ", which does not support Grounding with Bing Search: the agent would answer without searching."
                + " Use gpt-4o (MODEL_DEPLOYMENT_NAME) or a newer gpt-4o-mini version"
                + (version == null ? ", or declare the version with modelVersion(...) to silence this warning" : ""));
    }

    private static String dateIn(String name) {
        var m = DATE.matcher(name);
        return m.find() ? m.group() : null;
    }
}
