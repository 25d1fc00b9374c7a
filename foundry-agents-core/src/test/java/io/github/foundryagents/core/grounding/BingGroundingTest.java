package io.github.foundryagents.core.grounding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.foundryagents.core.config.FoundryConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BingGroundingTest {

    private static final String ID = "/subscriptions/1b2c3d4e-0000-4000-8000-00000000abcd/resourceGroups/rg-agents/"
            + "providers/Microsoft.CognitiveServices/accounts/agents-foundry/projects/agents/connections/agents-bing";

    @Test
    void parsesEverySegmentOfAProjectConnectionId() {
        BingConnectionId id = BingConnectionId.parse("  " + ID + " ");

        assertThat(id.subscriptionId()).isEqualTo("1b2c3d4e-0000-4000-8000-00000000abcd");
        assertThat(id.resourceGroup()).isEqualTo("rg-agents");
        assertThat(id.account()).isEqualTo("agents-foundry");
        assertThat(id.project()).isEqualTo("agents");
        assertThat(id.name()).isEqualTo("agents-bing");
        assertThat(id).hasToString(ID);
    }

    @ParameterizedTest
    @ValueSource(strings = {"agents-bing", "", "/subscriptions/not-a-guid/resourceGroups/rg/providers/"
            + "Microsoft.CognitiveServices/accounts/a/projects/p/connections/c",
        "/subscriptions/1b2c3d4e-0000-4000-8000-00000000abcd/resourceGroups/rg/providers/"
            + "Microsoft.CognitiveServices/accounts/a/connections/c"})
    void rejectsMalformedIdsNamingTheFormatAndTheValue(String bad) {
        assertThatThrownBy(() -> BingConnectionId.parse(bad))
                .isInstanceOf(FoundryConfigException.class)
                .hasMessageContaining(BingConnectionId.FORMAT)
                .hasMessageContaining("got '" + bad + "'");
    }

    @Test
    void aBareNameGetsAHint() {
        assertThatThrownBy(() -> BingConnectionId.parse("agents-bing")).hasMessageContaining("bare connection name");
    }

    @Test
    void countIsLimitedToOneToFifty() {
        BingGrounding bing = BingGrounding.connection(ID);

        assertThat(bing.count(1).count()).contains(1);
        assertThat(bing.count(50).count()).contains(50);
        assertThatThrownBy(() -> bing.count(0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("50");
        assertThatThrownBy(() -> bing.count(51)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("51");
    }

    @Test
    void settersReturnCopiesAndDefaultsAreUnset() {
        BingGrounding bing = BingGrounding.connection(ID);
        BingGrounding tuned = bing.count(20).freshness("Week").market("en-US").language("en");

        assertThat(bing.count()).isEmpty();
        assertThat(bing.freshness()).isEmpty();
        assertThat(tuned.freshness()).contains("Week");
        assertThat(tuned.market()).contains("en-US");
        assertThat(tuned.language()).contains("en");
        assertThat(BingToolJson.of(tuned, BingToolJson.RESPONSES_FIELD).toString())
                .contains("\"project_connection_id\":\"" + ID + "\"").contains("\"count\":20")
                .contains("\"set_lang\":\"en\"");
    }
}
