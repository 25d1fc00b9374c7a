package io.github.foundryagents.core.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.foundryagents.core.chat.ChatMessage;
import io.github.foundryagents.core.chat.ChatRequest;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class KeywordComplexityClassifierTest {

    private final KeywordComplexityClassifier classifier = KeywordComplexityClassifier.builder().build();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "What is the capital of France?                 | SIMPLE",
        "Write CODE for a binary search                  | COMPLEX",
        "Implement a retry loop                          | COMPLEX",
        "please debug this                               | COMPLEX",
        "Which FUNCTION should I call?                   | COMPLEX",
        "Analyze the quarterly numbers                   | COMPLEX",
        "compare these two plans                         | COMPLEX",
        "Evaluate the proposal                           | COMPLEX",
        "Give me one reason to stay                      | COMPLEX",
        "code-review checklist, please                   | COMPLEX",
        "Encode this string in base64                    | SIMPLE",
        "Explain the functionality of a toaster          | SIMPLE",
        "That price seems reasonable                     | SIMPLE",
        "Reasoning models are slow                       | SIMPLE",
        "Is the debugger open?                           | SIMPLE",
        "Ship it (then debug_mode off)                   | SIMPLE",
        "Fix the bug in this function.                   | COMPLEX",
        "Dépanner: debug, s'il vous plaît                | COMPLEX",
    })
    void keywordsCountOnlyAsWholeWordsInAnyCase(String prompt, Complexity expected) {
        assertThat(classifier.classify(prompt)).isEqualTo(expected);
    }

    @Test
    void lengthDecidesWithoutKeywords() {
        assertThat(classifier.classify(words(100))).isEqualTo(Complexity.SIMPLE);
        assertThat(classifier.classify(words(101))).isEqualTo(Complexity.MODERATE);
        assertThat(classifier.classify(words(500))).isEqualTo(Complexity.MODERATE);
        assertThat(classifier.classify(words(501))).isEqualTo(Complexity.COMPLEX);
    }

    @Test
    void wordsAreRunsOfNonWhitespaceSoLeadingAndRepeatedSpacesDoNotCount() {
        assertThat(classifier.classify("  \n" + words(101).replace(" ", " \t  ") + "   ")).isEqualTo(Complexity.MODERATE);
        assertThat(classifier.classify("   ")).isEqualTo(Complexity.SIMPLE);
    }

    @Test
    void classifiesTheLatestUserMessageNotTheSystemPromptOrEarlierTurns() {
        ChatRequest request = ChatRequest.builder()
                .system("You analyze code and debug functions.")
                .user("Please implement it.")
                .message(ChatMessage.assistant("Done."))
                .user("Thanks, what time is it?")
                .build();

        assertThat(classifier.classify(request)).isEqualTo(Complexity.SIMPLE);
        assertThat(classifier.classify(ChatRequest.builder().messages(List.of(ChatMessage.system("x"))).build()))
                .isEqualTo(Complexity.SIMPLE);
    }

    @Test
    void keywordsAndLimitsAreReplaceable() {
        KeywordComplexityClassifier custom = KeywordComplexityClassifier.builder()
                .keywords(List.of("SQL", "regex")).wordLimits(2, 4).build();

        assertThat(custom.classify("write sql")).isEqualTo(Complexity.COMPLEX);
        assertThat(custom.classify("implement it")).isEqualTo(Complexity.SIMPLE);
        assertThat(custom.classify("one two three")).isEqualTo(Complexity.MODERATE);
        assertThat(custom.classify("one two three four five")).isEqualTo(Complexity.COMPLEX);
        assertThat(custom.keywords()).containsExactly("sql", "regex");
    }

    @Test
    void rejectsKeywordsThatAreNotOneWordAndInvertedLimits() {
        assertThatThrownBy(() -> KeywordComplexityClassifier.builder().keywords(List.of("two words")))
                .hasMessageContaining("one word of letters, digits or '_'");
        assertThatThrownBy(() -> KeywordComplexityClassifier.builder().keywords(List.of("c++")))
                .hasMessageContaining("'c++'");
        assertThatThrownBy(() -> KeywordComplexityClassifier.builder().wordLimits(10, 5))
                .hasMessageContaining("moderateWords <= complexWords");
    }

    private static String words(int n) {
        return "word ".repeat(n).strip();
    }

    /**
     * Random prompts of keyword pieces in mixed case, non-ASCII letters (some that change length or become ASCII
     * when lower-cased), digits, underscores and punctuation, for the default and for non-ASCII keywords: the
     * in-place comparison must classify exactly like lower-casing each word and looking it up.
     */
    @Test
    void classifiesExactlyLikeLowerCasingEachWord() {
        String[] pieces = {"code", "CoDe", "debug", "DEBUG", "implement", "reason", "Reason", "caf\u00e9",
            "CAF\u00c9", "stra\u00dfe", "STRASSE", "\u0130", "\u212a", "k", "i", "_", "1", "-", " ", " ", "\t",
            ".", "\u00e9", "x", "analyze", "compare", "evaluate", "function", "\u00df"};
        KeywordComplexityClassifier custom = KeywordComplexityClassifier.builder().keywords(List.of("caf\u00e9",
                "stra\u00dfe", "\u212aey", "k", "x1_", "i")).wordLimits(3, 6).build();
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(42);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder prompt = new StringBuilder();
            for (int p = rnd.nextInt(12); p > 0; p--) {
                prompt.append(pieces[rnd.nextInt(pieces.length)]);
            }
            String text = prompt.toString();
            assertThat(classifier.classify(text)).as("'%s'", text)
                    .isEqualTo(reference(classifier.keywords(), 100, 500, text));
            assertThat(custom.classify(text)).as("'%s' with %s", text, custom)
                    .isEqualTo(reference(custom.keywords(), 3, 6, text));
        }
    }

    /** The classification spelled out: lower-case every word (letters, digits, '_') and look it up. */
    private static Complexity reference(List<String> keywordList, int moderate, int complex, String prompt) {
        java.util.Set<String> keywords = java.util.Set.copyOf(keywordList);
        StringBuilder word = new StringBuilder();
        for (int i = 0; i <= prompt.length(); i++) {
            char ch = i < prompt.length() ? prompt.charAt(i) : ' ';
            if (Character.isLetterOrDigit(ch) || ch == '_') {
                word.append(ch);
            } else {
                if (keywords.contains(word.toString().toLowerCase(java.util.Locale.ROOT))) {
                    return Complexity.COMPLEX;
                }
                word.setLength(0);
            }
        }
        String trimmed = prompt.strip();
        long words = trimmed.isEmpty() ? 0 : trimmed.split("\\s+").length;
        return words > complex ? Complexity.COMPLEX : words > moderate ? Complexity.MODERATE : Complexity.SIMPLE;
    }
}
