package io.github.foundryagents.core.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Maps the aliases code uses ({@code gpt4}, {@code gpt4-mini}, or any of your own) to Azure deployment names.
 *
 * <p>Azure routes calls by <em>deployment</em> name, which is chosen when the model is deployed and need not
 * equal the model's name. Code names a stable alias; configuration says which deployment it means. A name that
 * is not an alias is taken as a deployment name as is. Immutable and thread-safe.
 */
public final class Deployments {

    /** Alias of the large model; deployment {@code gpt-4o} unless configured. */
    public static final String GPT4 = "gpt4";
    /** Alias of the small, cheap model; deployment {@code gpt-4o-mini} unless configured. The default alias. */
    public static final String GPT4_MINI = "gpt4-mini";

    private final Map<String, String> aliases;

    Deployments(Map<String, String> aliases) {
        this.aliases = Collections.unmodifiableMap(new LinkedHashMap<>(aliases));
    }

    /** @return the default aliases: {@code gpt4 -> gpt-4o}, {@code gpt4-mini -> gpt-4o-mini} */
    public static Deployments defaults() {
        Map<String, String> map = new LinkedHashMap<>();
        map.put(GPT4, "gpt-4o");
        map.put(GPT4_MINI, "gpt-4o-mini");
        return new Deployments(map);
    }

    /**
     * @param aliasOrName an alias such as {@code gpt4}, or a deployment name
     * @return the deployment name the alias stands for, or {@code aliasOrName} itself when it is not an alias
     */
    public String resolve(String aliasOrName) {
        Objects.requireNonNull(aliasOrName, "aliasOrName");
        return aliases.getOrDefault(aliasOrName, aliasOrName);
    }

    /** @return alias to deployment name, in definition order */
    public Map<String, String> aliases() {
        return aliases;
    }

    Deployments with(String alias, String deployment) {
        Map<String, String> map = new LinkedHashMap<>(aliases);
        map.put(alias, deployment);
        return new Deployments(map);
    }

    @Override
    public String toString() {
        return aliases.toString();
    }
}
