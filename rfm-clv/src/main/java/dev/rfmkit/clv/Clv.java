package dev.rfmkit.clv;

import java.util.Objects;

/**
 * Discounted customer lifetime value: over n periods of L days with a discount rate d per period,
 * CLV = sum over i = 1..n of (E[Y(i L / u)] - E[Y((i - 1) L / u)]) E[M] / (1 + d)^i, with the
 * expected purchases E[Y] of {@link BgNbd} and the expected spend E[M] of {@link GammaGamma}.
 *
 * <p>Immutable and safe to share between threads.
 *
 * @param purchases the purchase model
 * @param spend the spend model
 * @param unit the time unit of the histories
 * @param periods n, 1 or more (default 12)
 * @param periodDays L, 1 or more (default 30)
 * @param discount d per period, 0 or more (default 0.01)
 */
public record Clv(BgNbd purchases, GammaGamma spend, ClvUnit unit, int periods, int periodDays, double discount) {
    /** Checks the components. */
    public Clv {
        Objects.requireNonNull(purchases, "purchases");
        Objects.requireNonNull(spend, "spend");
        Objects.requireNonNull(unit, "unit");
        if (periods < 1 || periodDays < 1 || !(discount >= 0) || Double.isInfinite(discount)) {
            throw new IllegalArgumentException("periods and period days must be 1 or more and the discount 0 or more "
                    + "(periods " + periods + ", period days " + periodDays + ", discount " + discount + ")");
        }
    }

    /**
     * The defaults: 12 periods of 30 days, discount 0.01 per period.
     *
     * @param purchases the purchase model
     * @param spend the spend model
     * @param unit the time unit of the histories
     * @return the calculation
     */
    public static Clv of(BgNbd purchases, GammaGamma spend, ClvUnit unit) {
        return new Clv(purchases, spend, unit, 12, 30, 0.01);
    }

    /**
     * A customer's lifetime value.
     *
     * @param x repeat purchases
     * @param tx recency t_x
     * @param age T
     * @param m the mean amount of the repeat purchases
     * @return the discounted value
     */
    public double value(int x, double tx, double age, double m) {
        double perPurchase = spend.expectedSpend(x, m);
        double before = 0;
        double sum = 0;
        for (int i = 1; i <= periods; i++) {
            double now = purchases.expectedPurchases((double) i * periodDays / unit.days(), x, tx, age);
            sum += (now - before) * perPurchase / Math.pow(1 + discount, i);
            before = now;
        }
        return sum;
    }
}
