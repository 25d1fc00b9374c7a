package io.github.foundryagents.spring.properties;

import java.util.List;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code foundry.agents.router.*}: routing of requests that name no deployment by the complexity of their prompt.
 *
 * @param enabled route by complexity; off means such requests go to gpt4-mini
 * @param simple alias or deployment for simple prompts
 * @param moderate alias or deployment for moderate prompts
 * @param complex alias or deployment for complex prompts
 * @param keywords words that make a prompt complex (whole words, any case); empty keeps the default list (code,
 *     function, implement, debug, analyze, compare, evaluate, reason)
 * @param moderateWords prompts longer than this many words are at least moderate
 * @param complexWords prompts longer than this many words are complex
 */
public record RouterProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("gpt4-mini") String simple,
        @DefaultValue("gpt4-mini") String moderate,
        @DefaultValue("gpt4") String complex,
        List<String> keywords,
        @DefaultValue("100") int moderateWords,
        @DefaultValue("500") int complexWords) {

    /**
     * Copies the keywords.
     *
     * @param enabled route by complexity; off means such requests go to gpt4-mini
     * @param simple alias or deployment for simple prompts
     * @param moderate alias or deployment for moderate prompts
     * @param complex alias or deployment for complex prompts
     * @param keywords words that make a prompt complex (whole words, any case); empty keeps the default list (code,
     *         function, implement, debug, analyze, compare, evaluate, reason)
     * @param moderateWords prompts longer than this many words are at least moderate
     * @param complexWords prompts longer than this many words are complex
     */
    public RouterProperties {
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
    }
}
