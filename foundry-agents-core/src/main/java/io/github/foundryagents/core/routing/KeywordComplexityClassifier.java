package io.github.foundryagents.core.routing;

import io.github.foundryagents.core.chat.ChatMessage;
import io.github.foundryagents.core.chat.ChatRequest;
import io.github.foundryagents.core.chat.ChatRole;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The production guidance's classifier, made precise: the latest user message is {@link Complexity#COMPLEX} when
 * it mentions one of the keywords as a whole word (any case) or is longer than {@value #DEFAULT_COMPLEX_WORDS}
 * words, {@link Complexity#MODERATE} when longer than {@value #DEFAULT_MODERATE_WORDS} words, else
 * {@link Complexity#SIMPLE}.
 *
 * <p>The guidance tests substrings, so "encode", "functionality" or "reasonable" make a prompt complex; this class
 * matches whole words only. Words are runs of non-whitespace. Immutable and thread-safe.
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
    private final Pattern keywordPattern;
    private final int complexWords;
    private final int moderateWords;

    private KeywordComplexityClassifier(Builder b) {
        this.keywords = List.copyOf(b.keywords);
        this.keywordPattern = Pattern.compile(keywords.stream().map(Pattern::quote)
                .collect(Collectors.joining("|", "\\b(?:", ")\\b")), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
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
        int words = countWords(prompt);
        if (words > complexWords || keywordPattern.matcher(prompt).find()) {
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

    private static int countWords(String text) {
        int words = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            boolean space = Character.isWhitespace(text.charAt(i));
            if (!space && !inWord) {
                words++;
            }
            inWord = !space;
        }
        return words;
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
                if (k == null || k.isBlank() || k.strip().chars().anyMatch(Character::isWhitespace)) {
                    throw new IllegalArgumentException("a keyword must be one non-blank word, got '" + k + "'");
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
