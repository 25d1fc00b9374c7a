package io.github.foundryagents.core.capacity;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What a PTU costs. The defaults are Azure's Global Provisioned list prices in USD as of {@value #DEFAULTS_AS_OF}:
 * $1.00 per PTU-hour billed hourly, $260 per PTU-month with a monthly reservation (about 64% less). Data Zone and
 * Regional deployments cost more; use your own agreement's prices.
 *
 * @param hourlyPerPtu price of one PTU for one hour, billed whether used or not
 * @param monthlyReservationPerPtu price of one PTU for one month under a reservation
 * @param currency ISO 4217 code of both prices
 */
public record PtuPricing(BigDecimal hourlyPerPtu, BigDecimal monthlyReservationPerPtu, String currency) {

    /** When the default prices were taken: {@value}. */
    public static final String DEFAULTS_AS_OF = "2026-03";

    /**
     * Validates the components.
     *
     * @param hourlyPerPtu price of one PTU for one hour, billed whether used or not
     * @param monthlyReservationPerPtu price of one PTU for one month under a reservation
     * @param currency ISO 4217 code of both prices
     */
    public PtuPricing {
        Objects.requireNonNull(hourlyPerPtu, "hourlyPerPtu");
        Objects.requireNonNull(monthlyReservationPerPtu, "monthlyReservationPerPtu");
        Objects.requireNonNull(currency, "currency");
        if (hourlyPerPtu.signum() < 0 || monthlyReservationPerPtu.signum() < 0) {
            throw new IllegalArgumentException("PTU prices cannot be negative");
        }
    }

    /** @return Global Provisioned list prices in USD */
    public static PtuPricing defaults() {
        return new PtuPricing(new BigDecimal("1.00"), new BigDecimal("260"), "USD");
    }
}
