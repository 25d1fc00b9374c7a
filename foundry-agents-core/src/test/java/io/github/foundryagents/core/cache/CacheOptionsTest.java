package io.github.foundryagents.core.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class CacheOptionsTest {

    @Test
    void defaultsKeepTenThousandAnswersForAnHour() {
        CacheOptions defaults = CacheOptions.defaults();

        assertThat(defaults.ttl()).isEqualTo(Duration.ofHours(1));
        assertThat(defaults.maximumSize()).isEqualTo(10_000);
        assertThat(defaults.cacheTemperatureZero()).as("temperature 0 is cached only when configured").isFalse();
        assertThat(defaults.scopePerUser()).isFalse();
    }
}
