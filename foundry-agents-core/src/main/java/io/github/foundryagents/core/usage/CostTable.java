package io.github.foundryagents.core.usage;

import io.github.foundryagents.core.chat.Cost;
import io.github.foundryagents.core.chat.TokenUsage;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * List prices per million input and output tokens by model, so responses and usage reports carry what calls cost.
 * A model is looked up by the name Azure reports (e.g. {@code gpt-4o-2024-11-20}): the longest configured name
 * that equals it or is followed in it by {@code -} wins, so {@code gpt-4o-mini-2024-07-18} is priced as
 * {@code gpt-4o-mini}, not {@code gpt-4o}.
 *
 * <p>{@link #defaults()} holds Azure OpenAI <b>Global Standard</b> list prices in USD as of {@value #DEFAULTS_AS_OF}
 * (Data Zone and Regional deployments cost about 10% more; cached-input discounts are not applied, so costs err
 * high). Prices change: override them with {@link #toBuilder()} from your agreement or the Azure pricing page.
 * Immutable and thread-safe.
 */
public final class CostTable {

    /** When the default prices were taken: {@value}. */
    public static final String DEFAULTS_AS_OF = "2026-03";

    private static final CostTable DEFAULTS = builder()
            .price("gpt-4o", "2.50", "10.00")
            .price("gpt-4o-mini", "0.15", "0.60")
            .price("gpt-4.1", "2.00", "8.00")
            .price("gpt-4.1-mini", "0.40", "1.60")
            .price("gpt-4.1-nano", "0.10", "0.40")
            .build();

    private final Map<String, ModelPrice> prices;
    private final String currency;
    /** Lookups by the model names Azure reports: a handful per deployment, so the memo stays small. */
    private final Map<String, Optional<ModelPrice>> resolved = new ConcurrentHashMap<>();

    private CostTable(Builder b) {
        this.prices = Map.copyOf(b.prices);
        this.currency = b.currency;
    }

    /** @return Global Standard list prices in USD for gpt-4o, gpt-4o-mini and gpt-4.1(-mini, -nano) */
    public static CostTable defaults() {
        return DEFAULTS;
    }

    /** @return an empty table in USD */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this table's prices */
    public Builder toBuilder() {
        Builder b = new Builder().currency(currency);
        b.prices.putAll(prices);
        return b;
    }

    /** @return the currency of every price */
    public String currency() {
        return currency;
    }

    /**
     * @param model the model as Azure reports it, or a deployment name
     * @return its price, when the table has one
     */
    public Optional<ModelPrice> priceOf(String model) {
        return model == null ? Optional.empty() : resolved.computeIfAbsent(model, this::lookUp);
    }

    private Optional<ModelPrice> lookUp(String model) {
        String name = model.toLowerCase(Locale.ROOT);
        ModelPrice best = null;
        int bestLength = -1;
        for (Map.Entry<String, ModelPrice> e : prices.entrySet()) {
            String key = e.getKey();
            boolean matches = name.equals(key) || name.startsWith(key) && name.charAt(key.length()) == '-';
            if (matches && key.length() > bestLength) {
                best = e.getValue();
                bestLength = key.length();
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * @param model the model as Azure reports it, or a deployment name
     * @param usage the tokens a call used
     * @return what they cost, when the model is priced
     */
    public Optional<Cost> costOf(String model, TokenUsage usage) {
        return priceOf(model).map(p -> new Cost(perMillion(usage.promptTokens(), p.inputPerMillion()),
                perMillion(usage.completionTokens(), p.outputPerMillion()), currency));
    }

    @Override
    public String toString() {
        return "CostTable{" + currency + ", " + new TreeMap<>(prices) + '}';
    }

    private static BigDecimal perMillion(long tokens, BigDecimal price) {
        return BigDecimal.valueOf(tokens).multiply(price).movePointLeft(6);
    }

    /**
     * A model's list price.
     *
     * @param inputPerMillion price of one million prompt tokens
     * @param outputPerMillion price of one million completion tokens
     */
    public record ModelPrice(BigDecimal inputPerMillion, BigDecimal outputPerMillion) {

        /**
         * Validates the prices.
         *
         * @param inputPerMillion price of one million prompt tokens
         * @param outputPerMillion price of one million completion tokens
         */
        public ModelPrice {
            Objects.requireNonNull(inputPerMillion, "inputPerMillion");
            Objects.requireNonNull(outputPerMillion, "outputPerMillion");
            if (inputPerMillion.signum() < 0 || outputPerMillion.signum() < 0) {
                throw new IllegalArgumentException("prices cannot be negative");
            }
        }
    }

    /**
     * Builds a {@link CostTable}. Not thread-safe.
     */
    public static final class Builder {
        private final Map<String, ModelPrice> prices = new TreeMap<>();
        private String currency = "USD";

        private Builder() {
        }

        /**
         * @param model a model name (any case), matched as described on {@link CostTable}
         * @param inputPerMillion price of one million prompt tokens, e.g. {@code "2.50"}
         * @param outputPerMillion price of one million completion tokens, e.g. {@code "10.00"}
         * @return this builder
         */
        public Builder price(String model, String inputPerMillion, String outputPerMillion) {
            return price(model, new ModelPrice(new BigDecimal(inputPerMillion), new BigDecimal(outputPerMillion)));
        }

        /**
         * @param model a model name (any case)
         * @param price its price, replacing an earlier one
         * @return this builder
         */
        public Builder price(String model, ModelPrice price) {
            if (model == null || model.isBlank()) {
                throw new IllegalArgumentException("a price needs a model name");
            }
            prices.put(model.strip().toLowerCase(Locale.ROOT), Objects.requireNonNull(price, "price"));
            return this;
        }

        /**
         * @param currency ISO 4217 code of every price; default {@code USD}
         * @return this builder
         */
        public Builder currency(String currency) {
            if (currency == null || !currency.matches("[A-Z]{3}")) {
                throw new IllegalArgumentException("currency must be an ISO 4217 code such as USD, got " + currency);
            }
            this.currency = currency;
            return this;
        }

        /** @return the table */
        public CostTable build() {
            return new CostTable(this);
        }
    }
}
