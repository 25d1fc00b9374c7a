package io.github.foundryagents.core.grounding;

import java.util.Objects;
import java.util.Optional;

/**
 * The Grounding with Bing Search tool of an agent: which connection, how many results, how fresh, which market
 * and language. Immutable; each setter returns a copy.
 *
 * <pre>{@code
 * BingGrounding bing = BingGrounding.connection(System.getenv("BING_CONNECTION_ID"))
 *         .count(20).freshness("Week").market("en-US").language("en");
 * }</pre>
 */
public final class BingGrounding {

    /** Largest {@link #count(int)} the service accepts. */
    public static final int MAX_COUNT = 50;

    private final BingConnectionId connection;
    private final Integer count;
    private final String freshness;
    private final String market;
    private final String language;

    private BingGrounding(BingConnectionId connection, Integer count, String freshness, String market,
            String language) {
        this.connection = connection;
        this.count = count;
        this.freshness = freshness;
        this.market = market;
        this.language = language;
    }

    /**
     * @param connectionId the project connection id ({@link BingConnectionId#FORMAT}); parsed now
     * @return the tool with the service's defaults (5 results, any freshness, market from the request)
     * @throws io.github.foundryagents.core.config.FoundryConfigException when the id is malformed
     */
    public static BingGrounding connection(String connectionId) {
        return new BingGrounding(BingConnectionId.parse(connectionId), null, null, null, null);
    }

    /**
     * @param count search results to retrieve, 1 to {@value #MAX_COUNT}; the service's default is 5, the guidance
     *     this library follows uses 20
     * @return a copy with that count
     * @throws IllegalArgumentException when out of range
     */
    public BingGrounding count(int count) {
        if (count < 1 || count > MAX_COUNT) {
            throw new IllegalArgumentException("Bing grounding count must be between 1 and " + MAX_COUNT
                    + " (the service's limit), got " + count);
        }
        return new BingGrounding(connection, count, freshness, market, language);
    }

    /**
     * @param freshness {@code Day}, {@code Week}, {@code Month}, a date {@code YYYY-MM-DD} or a range
     *     {@code YYYY-MM-DD..YYYY-MM-DD}
     * @return a copy with that freshness
     */
    public BingGrounding freshness(String freshness) {
        return new BingGrounding(connection, count, requireText(freshness, "freshness"), market, language);
    }

    /**
     * @param market the market, {@code <language>-<country>}, e.g. {@code en-US}
     * @return a copy with that market
     */
    public BingGrounding market(String market) {
        return new BingGrounding(connection, count, freshness, requireText(market, "market"), language);
    }

    /**
     * @param language the user-interface language ({@code set_lang}), e.g. {@code en}
     * @return a copy with that language
     */
    public BingGrounding language(String language) {
        return new BingGrounding(connection, count, freshness, market, requireText(language, "language"));
    }

    /** @return the parsed connection id */
    public BingConnectionId connectionId() {
        return connection;
    }

    /** @return the result count, when set */
    public Optional<Integer> count() {
        return Optional.ofNullable(count);
    }

    /** @return the freshness filter, when set */
    public Optional<String> freshness() {
        return Optional.ofNullable(freshness);
    }

    /** @return the market, when set */
    public Optional<String> market() {
        return Optional.ofNullable(market);
    }

    /** @return the language, when set */
    public Optional<String> language() {
        return Optional.ofNullable(language);
    }

    @Override
    public String toString() {
        return "BingGrounding{connection=" + connection.name() + ", count=" + count + ", freshness=" + freshness
                + ", market=" + market + ", language=" + language + '}';
    }

    private static String requireText(String value, String what) {
        Objects.requireNonNull(value, what);
        if (value.isBlank()) {
            throw new IllegalArgumentException("Bing grounding " + what + " must not be blank");
        }
        return value.trim();
    }
}
