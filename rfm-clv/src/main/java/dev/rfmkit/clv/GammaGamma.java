package dev.rfmkit.clv;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import org.apache.commons.numbers.gamma.LogGamma;

/**
 * The Gamma-Gamma model of spend per purchase (Fader, Hardie and Lee 2005, "RFM and CLV"; Fader and
 * Hardie 2013): a customer's purchase amounts are Gamma(p, nu) with nu Gamma(q, gamma) across
 * customers. Fitted by maximum likelihood on the customers with repeat purchases (x &gt; 0) worth
 * something (m &gt; 0); those with x &gt; 0 and m = 0 cannot enter the likelihood and are counted
 * apart. The model assumes spend independent of frequency: {@link #correlation()} reports the
 * correlation of x and m over the customers fitted, for users to judge.
 *
 * <p>Immutable and safe to share between threads.
 */
public final class GammaGamma {
    private final double p;
    private final double q;
    private final double gamma;
    private final double logLikelihood;
    private final int customers;
    private final int zeroSpend;
    private final double correlation;

    private GammaGamma(double p, double q, double gamma, double logLikelihood, int customers, int zeroSpend,
            double correlation) {
        this.p = p;
        this.q = q;
        this.gamma = gamma;
        this.logLikelihood = logLikelihood;
        this.customers = customers;
        this.zeroSpend = zeroSpend;
        this.correlation = correlation;
    }

    /**
     * A model with given parameters (such as saved ones).
     *
     * @param p the shape of the purchase amounts
     * @param q the shape of the scale's distribution
     * @param gamma the scale of the scale's distribution
     * @param logLikelihood the log-likelihood of the fit, NaN if unknown
     * @param customers the customers fitted
     * @param zeroSpend the customers left out for repeat purchases worth nothing
     * @param correlation the correlation of x and m, NaN if unknown
     * @return the model
     * @throws IllegalArgumentException if a parameter is not a positive finite number
     */
    public static GammaGamma of(double p, double q, double gamma, double logLikelihood, int customers, int zeroSpend,
            double correlation) {
        for (double v : new double[] {p, q, gamma}) {
            if (!(v > 0 && v < Double.POSITIVE_INFINITY)) {
                throw new IllegalArgumentException("Gamma-Gamma parameters must be positive and finite (p " + p + ", q "
                        + q + ", gamma " + gamma + ")");
            }
        }
        return new GammaGamma(p, q, gamma, logLikelihood, customers, zeroSpend, correlation);
    }

    /**
     * Fits the model to the customers of a history with repeat purchases worth something.
     *
     * @param history the customers
     * @return the fitted model
     * @throws IllegalArgumentException if no customer has a repeat purchase worth something
     */
    public static GammaGamma fit(PurchaseHistory history) {
        Objects.requireNonNull(history, "history");
        int used = 0;
        int zero = 0;
        for (int i = 0; i < history.size(); i++) {
            if (history.frequency(i) > 0) {
                if (history.monetaryValue(i) > 0) {
                    used++;
                } else {
                    zero++;
                }
            }
        }
        if (used == 0) {
            throw new IllegalArgumentException("cannot fit Gamma-Gamma: no customer has a repeat purchase worth something");
        }
        int[] x = new int[used];
        double[] m = new double[used];
        for (int i = 0, k = 0; i < history.size(); i++) {
            if (history.frequency(i) > 0 && history.monetaryValue(i) > 0) {
                x[k] = history.frequency(i);
                m[k++] = history.monetaryValue(i);
            }
        }
        Terms terms = new Terms(x, m);
        double[] par = Fitting.maximise(terms::logLikelihood, new double[] {1, 1, 1});
        return new GammaGamma(par[0], par[1], par[2], terms.logLikelihood(par), used, zero, correlation(x, m));
    }

    /** The customers' data with the parts of the likelihood that do not depend on the parameters. */
    private static final class Terms {
        private final int[] x;
        private final double[] m;
        private final double[] logM;
        private final double[] logX;
        private final int[] perX;

        Terms(int[] x, double[] m) {
            this.x = x;
            this.m = m;
            logM = new double[x.length];
            logX = new double[x.length];
            int max = 0;
            for (int i = 0; i < x.length; i++) {
                logM[i] = Math.log(m[i]);
                logX[i] = Math.log(x[i]);
                max = Math.max(max, x[i]);
            }
            perX = new int[max + 1];
            for (int v : x) {
                perX[v]++;
            }
        }

        /** The terms in Gamma functions depend on x only: summed once per distinct x. */
        double logLikelihood(double[] v) {
            double p = v[0];
            double q = v[1];
            double g = v[2];
            double sum = x.length * (q * Math.log(g) - LogGamma.value(q));
            for (int k = 1; k < perX.length; k++) {
                if (perX[k] > 0) {
                    sum += perX[k] * (LogGamma.value(p * k + q) - LogGamma.value(p * k));
                }
            }
            for (int i = 0; i < x.length; i++) {
                double px = p * x[i];
                sum += (px - 1) * logM[i] + px * logX[i] - (px + q) * Math.log(g + x[i] * m[i]);
            }
            return sum;
        }
    }

    private static double correlation(int[] x, double[] m) {
        int n = x.length;
        double mx = 0;
        double mm = 0;
        for (int i = 0; i < n; i++) {
            mx += x[i];
            mm += m[i];
        }
        mx /= n;
        mm /= n;
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            sxy += (x[i] - mx) * (m[i] - mm);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (m[i] - mm) * (m[i] - mm);
        }
        return sxx == 0 || syy == 0 ? Double.NaN : sxy / Math.sqrt(sxx * syy);
    }

    /**
     * The expected amount of a customer's future purchase: p (gamma + x m) / (p x + q - 1) for x &gt;
     * 0, the population mean p gamma / (q - 1) for x = 0.
     *
     * @param x repeat purchases
     * @param m the mean amount of the repeat purchases
     * @return the expected spend per purchase
     */
    public double expectedSpend(int x, double m) {
        if (x < 0 || !(m >= 0)) {
            throw new IllegalArgumentException("x and m must be 0 or more (x " + x + ", m " + m + ")");
        }
        return x == 0 ? p * gamma / (q - 1) : p * (gamma + x * m) / (p * x + q - 1);
    }

    /** p, the shape of a customer's purchase amounts. */
    public double p() {
        return p;
    }

    /** q, the shape of the scale's distribution across customers. */
    public double q() {
        return q;
    }

    /** gamma (nu's scale; {@code v} in some libraries). */
    public double gamma() {
        return gamma;
    }

    /** The log-likelihood at the fitted parameters. */
    public double logLikelihood() {
        return logLikelihood;
    }

    /** The customers fitted: x &gt; 0 and m &gt; 0. */
    public int customers() {
        return customers;
    }

    /** The customers with repeat purchases worth nothing, left out of the fit. */
    public int zeroSpendCustomers() {
        return zeroSpend;
    }

    /** The correlation of x and m over the customers fitted (the model assumes it is near 0). */
    public double correlation() {
        return correlation;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GammaGamma g && Arrays.equals(new double[] {p, q, gamma, logLikelihood, correlation},
                new double[] {g.p, g.q, g.gamma, g.logLikelihood, g.correlation}) && customers == g.customers
                && zeroSpend == g.zeroSpend;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(new double[] {p, q, gamma});
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Gamma-Gamma[p=%.4f, q=%.4f, gamma=%.4f, LL=%.2f, %d customers, %d with zero "
                + "spend left out, correlation(x, m)=%.4f]", p, q, gamma, logLikelihood, customers, zeroSpend, correlation);
    }
}
