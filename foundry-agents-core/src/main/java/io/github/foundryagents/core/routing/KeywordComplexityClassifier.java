package io.github.foundryagents.core.routing;

import io.github.foundryagents.core.chat.ChatMessage;
import io.github.foundryagents.core.chat.ChatRequest;
import io.github.foundryagents.core.chat.ChatRole;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The production guidance's classifier, made precise: the latest user message is {@link Complexity#COMPLEX} when
 * it mentions one of the keywords as a whole word (any case) or is longer than {@value #DEFAULT_COMPLEX_WORDS}
 * words, {@link Complexity#MODERATE} when longer than {@value #DEFAULT_MODERATE_WORDS} words, else
 * {@link Complexity#SIMPLE}.
 *
 * <p>The guidance tests substrings, so "encode", "functionality" or "reasonable" make a prompt complex; this class
 * matches whole words only, as a regular expression's {@code \b} would: a keyword must be a whole run of letters,
 * digits and underscores ("code-review" mentions "code", "encode" does not). Words counted for length are runs of
 * non-whitespace. One pass over the text, no regular expression, and no copy of an ASCII word to compare it.
 * Immutable and thread-safe.
 */
public final class KeywordComplexityClassifier implements ComplexityClassifier {

    /** The guidance's keywords: code requests, then analysis requests. */
    public static final List<String> DEFAULT_KEYWORDS =
            List.of("code", "function", "implement", "debug", "analyze", "compare", "evaluate", "reason");
    /** More words than this make a prompt complex: {@value}. */
    public static final int DEFAULT_COMPLEX_WORDS = 500;
    /** More words than this make a prompt moderate: {@value}. */
    public static final int DEFAULT_MODERATE_WORDS = 100;

    private final List<String> keywords;
    private final Set<String> keywordSet;
    /** The keywords by length, for comparing ASCII words in place. */
    private final String[][] keywordsByLength;
    private final int shortestKeyword;
    private final int longestKeyword;
    private final int complexWords;
    private final int moderateWords;

    private KeywordComplexityClassifier(Builder b) {
        this.keywords = List.copyOf(b.keywords);
        this.keywordSet = Set.copyOf(keywords);
        this.shortestKeyword = keywords.stream().mapToInt(String::length).min().orElse(0);
        this.longestKeyword = keywords.stream().mapToInt(String::length).max().orElse(0);
        this.keywordsByLength = new String[longestKeyword + 1][];
        for (int n = 0; n <= longestKeyword; n++) {
            int length = n;
            keywordsByLength[n] = keywordSet.stream().filter(k -> k.length() == length).toArray(String[]::new);
        }
        this.complexWords = b.complexWords;
        this.moderateWords = b.moderateWords;
    }

    /** @return a builder starting from the guidance's keywords and limits */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public Complexity classify(ChatRequest request) {
        return classify(latestUserText(request));
    }

    /**
     * @param prompt a prompt's text
     * @return its complexity
     */
    public Complexity classify(String prompt) {
        int words = 0;
        boolean inWord = false;
        int tokenStart = -1;
        for (int i = 0; i <= prompt.length(); i++) {
            char c = i < prompt.length() ? prompt.charAt(i) : ' ';
            boolean space = Character.isWhitespace(c);
            if (!space && !inWord) {
                words++;
            }
            inWord = !space;
            boolean tokenChar = Character.isLetterOrDigit(c) || c == '_';
            if (tokenChar && tokenStart < 0) {
                tokenStart = i;
            } else if (!tokenChar && tokenStart >= 0) {
                if (isKeyword(prompt, tokenStart, i)) {
                    return Complexity.COMPLEX;
                }
                tokenStart = -1;
            }
        }
        if (words > complexWords) {
            return Complexity.COMPLEX;
        }
        return words > moderateWords ? Complexity.MODERATE : Complexity.SIMPLE;
    }

    /** @return the keywords that make a prompt complex */
    public List<String> keywords() {
        return keywords;
    }

    @Override
    public String toString() {
        return "KeywordComplexityClassifier{keywords=" + keywords + ", complexWords>" + complexWords
                + ", moderateWords>" + moderateWords + '}';
    }

    private static String latestUserText(ChatRequest request) {
        List<ChatMessage> messages = request.messages();
        for (int i = messages.size() - 1; i >= 0; i--) {
            ChatMessage m = messages.get(i);
            if (m.role() == ChatRole.USER) {
                return m.content();
            }
        }
        return "";
    }

    private boolean isKeyword(String text, int from, int to) {
        int length = to - from;
        if (length < shortestKeyword || length > longestKeyword) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (text.charAt(i) >= 0x80) { // lower-casing may change the length or match a non-ASCII keyword
                return keywordSet.contains(text.substring(from, to).toLowerCase(Locale.ROOT));
            }
        }
        for (String keyword : keywordsByLength[length]) {
            if (equalsAsciiIgnoringCase(keyword, text, from)) {
                return true;
            }
        }
        return false;
    }

    /** @return whether {@code text} from {@code from} holds {@code keyword} (lower case) in any ASCII case */
    private static boolean equalsAsciiIgnoringCase(String keyword, String text, int from) {
        for (int i = 0; i < keyword.length(); i++) {
            char c = text.charAt(from + i);
            if (c >= 'A' && c <= 'Z') {
                c = (char) (c + ('a' - 'A'));
            }
            if (c != keyword.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Builds a {@link KeywordComplexityClassifier}. Not thread-safe.
     */
    public static final class Builder {
        private final List<String> keywords = new ArrayList<>(DEFAULT_KEYWORDS);
        private int complexWords = DEFAULT_COMPLEX_WORDS;
        private int moderateWords = DEFAULT_MODERATE_WORDS;

        private Builder() {
        }

        /**
         * @param keywords whole words that make a prompt complex, replacing the defaults
         * @return this builder
         */
        public Builder keywords(List<String> keywords) {
            List<String> cleaned = new ArrayList<>();
            for (String k : keywords) {
                if (k == null || k.isBlank()
                        || !k.strip().chars().allMatch(ch -> Character.isLetterOrDigit(ch) || ch == '_')) {
                    throw new IllegalArgumentException("a keyword must be one word of letters, digits or '_', got '"
                            + k + "'");
                }
                cleaned.add(k.strip().toLowerCase(Locale.ROOT));
            }
            if (cleaned.isEmpty()) {
                throw new IllegalArgumentException("at least one keyword is needed; to route by length only,"
                        + " use a word that never occurs");
            }
            this.keywords.clear();
            this.keywords.addAll(cleaned);
            return this;
        }

        /**
         * @param moderateWords more words than this make a prompt moderate; default {@value #DEFAULT_MODERATE_WORDS}
         * @param complexWords more words than this make it complex; default {@value #DEFAULT_COMPLEX_WORDS}
         * @return this builder
         */
        public Builder wordLimits(int moderateWords, int complexWords) {
            if (moderateWords < 0 || complexWords < moderateWords) {
                throw new IllegalArgumentException("need 0 <= moderateWords <= complexWords, got " + moderateWords
                        + " and " + complexWords);
            }
            this.moderateWords = moderateWords;
            this.complexWords = complexWords;
            return this;
        }

        /** @return the classifier */
        public KeywordComplexityClassifier build() {
            return new KeywordComplexityClassifier(this);
        }
    }
}
