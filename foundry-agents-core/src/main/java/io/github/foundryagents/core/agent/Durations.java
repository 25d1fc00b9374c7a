package io.github.foundryagents.core.agent;

import java.time.Duration;

/** Durations as people read them in messages: {@code 250ms}, {@code 30s}, {@code 1.5s}. */
final class Durations {

    private Durations() {
    }

    static String text(Duration d) {
        long millis = d.toMillis();
        if (millis < 1000) {
            return millis + "ms";
        }
        return millis % 1000 == 0 ? millis / 1000 + "s" : String.format(java.util.Locale.ROOT, "%.1fs", millis / 1000.0);
    }
}
