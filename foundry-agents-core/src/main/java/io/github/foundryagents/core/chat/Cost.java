package io.github.foundryagents.core.chat;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What a call cost at list price: its input (prompt) and output (completion) tokens priced separately, as Azure
 * bills them.
 *
 * @param input the prompt tokens' cost
 * @param output the completion tokens' cost
 * @param currency ISO 4217 code of both amounts, e.g. {@code USD}
 */
public record Cost(BigDecimal input, BigDecimal output, String currency) {

    /**
     * Validates the components.
     *
     * @param input the prompt tokens' cost
     * @param output the completion tokens' cost
     * @param currency ISO 4217 code of both amounts, e.g. {@code USD}
     */
    public Cost {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(currency, "currency");
        if (input.signum() < 0 || output.signum() < 0) {
            throw new IllegalArgumentException("a cost cannot be negative, got " + input + " + " + output);
        }
    }

    /** @return input plus output */
    public BigDecimal total() {
        return input.add(output);
    }

    @Override
    public String toString() {
        return total().stripTrailingZeros().toPlainString() + ' ' + currency;
    }
}
