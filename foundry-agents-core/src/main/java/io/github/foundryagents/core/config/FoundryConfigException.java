package io.github.foundryagents.core.config;

import io.github.foundryagents.core.FoundryException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The configuration is invalid. Lists every problem found, each naming the setting and the fix, so one start
 * shows all mistakes at once.
 */
public class FoundryConfigException extends FoundryException {

    private static final long serialVersionUID = 1L;

    private final transient List<ConfigProblem> problems;

    /**
     * @param problems what is wrong, at least one
     */
    public FoundryConfigException(List<ConfigProblem> problems) {
        super(describe(problems));
        this.problems = List.copyOf(problems);
    }

    /** @return every problem found, in the order the settings were checked */
    public List<ConfigProblem> problems() {
        return problems;
    }

    private static String describe(List<ConfigProblem> problems) {
        if (problems.size() == 1) {
            return "Invalid foundry-agents configuration: " + problems.get(0).message();
        }
        return problems.stream()
                .map(p -> "  - " + p.message())
                .collect(Collectors.joining("\n", "Invalid foundry-agents configuration (" + problems.size()
                        + " problems):\n", ""));
    }
}
