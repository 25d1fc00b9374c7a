package io.github.foundryagents.testkit.agents;

import java.util.List;

/**
 * What a fake run answers, before a generation renders it: the text (tool outputs filled in), the citations when
 * the agent's Bing connection is valid, the search query and the token usage. Immutable.
 */
final class FakeAnswer {

    /** The citation a grounded answer carries when the script names none. */
    static final RunScript.ScriptedCitation DEFAULT_CITATION = new RunScript.ScriptedCitation(
            "https://learn.microsoft.com/azure/ai-foundry/agents/how-to/tools/bing-grounding",
            "Grounding with Bing Search - Azure AI Foundry");

    private final String question;
    private final RunScript script;
    private final boolean grounded;
    private final int promptTokens;

    FakeAnswer(String question, String instructions, RunScript script, boolean grounded) {
        this.question = question == null ? "" : question;
        this.script = script;
        this.grounded = grounded;
        int search = grounded ? 600 : 0; // retrieved pages enter the prompt
        this.promptTokens = script.promptTokens() != null ? script.promptTokens()
                : 40 + tokens(instructions) + tokens(this.question) + search;
    }

    /**
     * @param toolOutputs outputs submitted so far
     * @return the answer text without citation markers
     */
    String text(List<String> toolOutputs) {
        String text = script.text() != null ? script.text() : "Fake grounded answer to: " + question;
        return text.replace(RunScript.TOOL_OUTPUT, String.join(", ", toolOutputs));
    }

    /** @return whether the run used Bing */
    boolean grounded() {
        return grounded;
    }

    /** @return the citations, empty when not grounded */
    List<RunScript.ScriptedCitation> citations() {
        if (!grounded) {
            return List.of();
        }
        return script.citations().isEmpty() ? List.of(DEFAULT_CITATION) : script.citations();
    }

    /** @return the Bing query the run made, or {@code null} when not grounded */
    String searchQuery() {
        return grounded ? question : null;
    }

    int promptTokens() {
        return promptTokens;
    }

    int completionTokens(String text) {
        return script.completionTokens() != null ? script.completionTokens() : Math.max(1, tokens(text));
    }

    /** @return cached prompt tokens the script reports, or {@code null} to leave them out where optional */
    Integer cachedTokens() {
        return script.cachedTokens();
    }

    /** @return reasoning tokens the script reports, or {@code null} to leave them out where optional */
    Integer reasoningTokens() {
        return script.reasoningTokens();
    }

    private static int tokens(String text) {
        return text == null ? 0 : (text.length() + 3) / 4;
    }
}
