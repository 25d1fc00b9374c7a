package io.github.foundryagents.core.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.foundryagents.core.chat.Cost;
import io.github.foundryagents.core.chat.TokenUsage;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class CostTableTest {

    private final CostTable table = CostTable.defaults();

    @Test
    void pricesInputAndOutputTokensSeparatelyPerMillion() {
        Cost cost = table.costOf("gpt-4o", new TokenUsage(1_000_000, 500_000, 1_500_000)).orElseThrow();

        assertThat(cost.input()).isEqualByComparingTo("2.50");
        assertThat(cost.output()).isEqualByComparingTo("5.00");
        assertThat(cost.total()).isEqualByComparingTo("7.50");
        assertThat(cost.currency()).isEqualTo("USD");
        assertThat(table.costOf("gpt-4o-mini", new TokenUsage(12, 3, 15)).orElseThrow().total())
                .isEqualByComparingTo(new BigDecimal("0.0000036"));
    }

    @Test
    void azureModelNamesWithVersionsMatchTheLongestConfiguredName() {
        assertThat(table.priceOf("gpt-4o-mini-2024-07-18")).isEqualTo(table.priceOf("gpt-4o-mini"));
        assertThat(table.priceOf("gpt-4o-2024-11-20")).isEqualTo(table.priceOf("gpt-4o"));
        assertThat(table.priceOf("GPT-4.1-NANO")).isEqualTo(table.priceOf("gpt-4.1-nano"));
        assertThat(table.priceOf("gpt-4omega")).isEmpty();
        assertThat(table.priceOf("o3")).isEmpty();
        assertThat(table.priceOf(null)).isEmpty();
    }

    @Test
    void pricesAreConfigurable() {
        CostTable eur = table.toBuilder().currency("EUR").price("gpt-4o", "2.00", "8.00").price("my-model", "1", "1")
                .build();

        assertThat(eur.costOf("gpt-4o", new TokenUsage(1_000_000, 0, 1_000_000)).orElseThrow().toString())
                .isEqualTo("2 EUR");
        assertThat(eur.priceOf("my-model-v2")).isPresent();
        assertThatThrownBy(() -> CostTable.builder().currency("euro")).hasMessageContaining("ISO 4217");
    }
}
