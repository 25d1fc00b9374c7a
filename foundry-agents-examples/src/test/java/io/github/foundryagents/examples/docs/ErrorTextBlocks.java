package io.github.foundryagents.examples.docs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The {@code ```text} blocks of a Markdown page, each the exact text of one message the library prints. A block
 * may stand for variable parts with a placeholder from {@link #PLACEHOLDERS} and nothing else; everything else must
 * match the message character for character, and the block must be the whole message.
 */
final class ErrorTextBlocks {

    /** The only placeholders a block may use, and what each matches. */
    static final Map<String, String> PLACEHOLDERS = Map.of(
            "<request-id>", "[0-9A-Fa-f-]{8,64}",
            "<seconds>", "\\d+",
            "<ms>", "\\d+",
            "<duration>", "\\d+(?:ms|s)");

    private static final Pattern BLOCK = Pattern.compile("```text\\n(.*?)\\n```", Pattern.DOTALL);
    private static final Pattern PLACEHOLDER = Pattern.compile(PLACEHOLDERS.keySet().stream().map(Pattern::quote)
            .collect(Collectors.joining("|")));

    private final List<Pattern> blocks = new ArrayList<>();

    ErrorTextBlocks(String markdown) {
        Matcher m = BLOCK.matcher(markdown);
        while (m.find()) {
            blocks.add(toPattern(m.group(1).strip()));
        }
    }

    /**
     * @param message a message the library produced
     * @return whether one block of the page is exactly this message, placeholders aside
     */
    boolean documents(String message) {
        return blocks.stream().anyMatch(b -> b.matcher(message.strip()).matches());
    }

    private static Pattern toPattern(String block) {
        StringBuilder regex = new StringBuilder();
        Matcher m = PLACEHOLDER.matcher(block);
        int last = 0;
        while (m.find()) {
            regex.append(Pattern.quote(block.substring(last, m.start()))).append(PLACEHOLDERS.get(m.group()));
            last = m.end();
        }
        regex.append(Pattern.quote(block.substring(last)));
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }
}
