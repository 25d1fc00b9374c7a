package io.github.foundryagents.examples;

import io.github.foundryagents.core.chat.Cost;
import io.github.foundryagents.core.chat.TokenUsage;
import io.github.foundryagents.core.usage.CostTable;
import io.github.foundryagents.core.usage.UsageMeter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The tour's closing report: calls, tokens and their cost per operation and deployment, read from the OpenTelemetry
 * GenAI meters every tour client records into.
 */
final class UsageSummary {

    private UsageSummary() {
    }

    /**
     * @param registry the meters the tour's clients recorded
     * @param costs the prices to apply
     * @return one line per operation and deployment, then the total
     */
    static List<String> lines(MeterRegistry registry, CostTable costs) {
        Map<String, long[]> byKey = new TreeMap<>();
        Map<String, String> models = new TreeMap<>();
        for (DistributionSummary s : registry.find(UsageMeter.TOKEN_USAGE).summaries()) {
            String operation = s.getId().getTag(UsageMeter.OPERATION_NAME);
            String deployment = s.getId().getTag(UsageMeter.REQUEST_MODEL);
            String model = s.getId().getTag(UsageMeter.RESPONSE_MODEL);
            String key = operation + " on " + deployment;
            long[] totals = byKey.computeIfAbsent(key, k -> new long[3]);
            boolean input = "input".equals(s.getId().getTag(UsageMeter.TOKEN_TYPE));
            totals[input ? 0 : 1] += (long) s.totalAmount();
            totals[2] = Math.max(totals[2], s.count());
            models.put(key, UsageMeter.NONE.equals(model) ? deployment : model);
        }
        List<String> lines = new ArrayList<>();
        TokenUsage all = new TokenUsage(0, 0, 0);
        BigDecimal cost = BigDecimal.ZERO;
        long calls = 0;
        for (Map.Entry<String, long[]> e : byKey.entrySet()) {
            long[] t = e.getValue();
            TokenUsage tokens = new TokenUsage(t[0], t[1], t[0] + t[1]);
            var priced = costs.costOf(models.get(e.getKey()), tokens);
            lines.add(e.getKey() + ": " + calls(t[2]) + ", " + Tour.usage(tokens) + ", "
                    + priced.map(Cost::toString).orElse("unpriced"));
            all = all.plus(tokens);
            cost = cost.add(priced.map(Cost::total).orElse(BigDecimal.ZERO));
            calls += t[2];
        }
        lines.add("total: " + calls(calls) + ", " + Tour.usage(all) + ", " + cost.stripTrailingZeros().toPlainString()
                + " " + costs.currency());
        return lines;
    }

    private static String calls(long n) {
        return n + (n == 1 ? " call" : " calls");
    }
}
