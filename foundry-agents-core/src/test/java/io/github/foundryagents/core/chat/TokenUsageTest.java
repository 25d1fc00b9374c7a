package io.github.foundryagents.core.chat;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokenUsageTest {

    @Test
    void theThreeCountConstructorReportsNoDetails() {
        TokenUsage usage = new TokenUsage(120, 30, 150);

        assertThat(usage.cachedPromptTokens()).isZero();
        assertThat(usage.reasoningTokens()).isZero();
        assertThat(usage).isEqualTo(new TokenUsage(120, 30, 150, 0, 0));
    }

    @Test
    void plusAddsTheDetailsToo() {
        TokenUsage firstRound = new TokenUsage(1000, 50, 1050, 768, 20);
        TokenUsage toolRound = new TokenUsage(1100, 40, 1140, 1024, 0);

        assertThat(firstRound.plus(toolRound)).isEqualTo(new TokenUsage(2100, 90, 2190, 1792, 20));
        assertThat(TokenUsage.ZERO.plus(firstRound)).isEqualTo(firstRound);
    }
}
