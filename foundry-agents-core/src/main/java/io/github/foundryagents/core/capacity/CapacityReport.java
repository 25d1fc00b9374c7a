package io.github.foundryagents.core.capacity;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;

/**
 * Renders a {@link Scenario}'s numbers as readable text. Stateless.
 */
final class CapacityReport {

    private CapacityReport() {
    }

    static String render(Scenario s, LoadFit fit, PollAdvice poll, DeploymentAdvice advice, String currency) {
        JobLoad jobs = s.jobs();
        Workload w = s.workload();
        StringBuilder out = new StringBuilder();
        out.append("== ").append(s.name()).append(": ").append(n(s.tpm())).append(" TPM\n");
        line(out, "Limits", n(fit.tpm()) + " tokens/min, " + n(fit.rpm()) + " requests/min (6 RPM per 1,000 TPM)");
        line(out, "Jobs", jobs.concurrentJobs() + " concurrent × " + jobs.callsPerJob() + " calls × "
                + n(jobs.tokensPerCall()) + " tokens, " + seconds(jobs.jobDuration()) + " each -> "
                + n(Math.round(fit.callsPerMinute())) + " calls/min (" + pct(fit.rpmUtilization()) + " of RPM), "
                + n(Math.round(fit.tokensPerMinute())) + " tokens/min (" + pct(fit.tpmUtilization()) + " of TPM): "
                + (fit.fits() ? "fits" : "does NOT fit") + "; at most " + fit.maxConcurrentJobs()
                + " concurrent jobs (" + fit.bottleneck() + " limits first)");
        line(out, "Polling", s.polling().parallelOperations() + " parallel runs of ~"
                + seconds(s.polling().expectedRunDuration()) + " -> poll every " + seconds(poll.interval()) + " ("
                + poll.pollsPerRun() + " polls per run, " + n(Math.round(poll.pollRequestsPerMinute()))
                + " poll requests/min of a " + n(Math.round(poll.pollBudgetPerMinute())) + "/min polling budget;"
                + " capacity floor " + seconds(poll.capacityFloor()) + ")");
        line(out, "Workload", w.model() + ", " + n(w.inputTokensPerMinute()) + " input + "
                + n(w.outputTokensPerMinute()) + " output tokens/min, " + trim(w.activeHoursPerDay()) + " h/day, peak ×"
                + trim(w.peakFactor()));
        line(out, "Standard", n(advice.standardTpm()) + " TPM quota for the peak; " + money(advice.standardMonthlyCost(),
                currency) + "/month pay-per-token");
        line(out, "Provisioned", advice.ptus() + " PTU (" + pct(advice.ptuUtilization()) + " busy on average); "
                + money(advice.ptuHourlyMonthlyCost(), currency) + "/month hourly, "
                + money(advice.ptuReservedMonthlyCost(), currency) + "/month reserved");
        line(out, "Choose", advice.choice() + ": " + advice.reason());
        return out.toString();
    }

    private static void line(StringBuilder out, String label, String text) {
        out.append(String.format(Locale.ROOT, "  %-12s %s%n", label + ":", text));
    }

    private static String n(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    private static String pct(double share) {
        return String.format(Locale.ROOT, "%.0f%%", share * 100);
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    private static String seconds(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + " s" : String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }

    private static String money(BigDecimal amount, String currency) {
        return currency + " " + String.format(Locale.ROOT, "%,.2f", amount);
    }
}
