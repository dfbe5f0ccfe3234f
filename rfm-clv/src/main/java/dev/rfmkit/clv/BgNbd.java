package dev.rfmkit.clv;

import java.util.Arrays;
import java.util.Objects;
import org.apache.commons.numbers.gamma.LogBeta;
import org.apache.commons.numbers.gamma.LogGamma;

/**
 * The BG/NBD model of repeat purchasing (Fader, Hardie and Lee 2005, "Counting Your Customers the
 * Easy Way"): while alive, a customer buys at a Poisson rate, Gamma(r, alpha) across customers;
 * after each purchase they drop out with a probability, Beta(a, b) across customers. Fitted by
 * maximum likelihood over all customers' (x, t_x, T); the likelihood and the predictions are
 * computed in logarithms so that customers with hundreds of purchases stay finite.
 *
 * <p>Immutable and safe to share between threads.
 */
public final class BgNbd {
    private final double r;
    private final double alpha;
    private final double a;
    private final double b;
    private final double logLikelihood;
    private final int customers;

    private BgNbd(double r, double alpha, double a, double b, double logLikelihood, int customers) {
        this.r = r;
        this.alpha = alpha;
        this.a = a;
        this.b = b;
        this.logLikelihood = logLikelihood;
        this.customers = customers;
    }

    /**
     * A model with given parameters (such as saved ones).
     *
     * @param r the shape of the purchase-rate distribution
     * @param alpha its scale
     * @param a the first parameter of the drop-out distribution
     * @param b its second
     * @param logLikelihood the log-likelihood of the fit, NaN if unknown
     * @param customers the customers fitted, 0 if unknown
     * @return the model
     * @throws IllegalArgumentException if a parameter is not a positive finite number
     */
    public static BgNbd of(double r, double alpha, double a, double b, double logLikelihood, int customers) {
        for (double v : new double[] {r, alpha, a, b}) {
            if (!(v > 0 && v < Double.POSITIVE_INFINITY)) {
                throw new IllegalArgumentException("BG/NBD parameters must be positive and finite (r " + r + ", alpha "
                        + alpha + ", a " + a + ", b " + b + ")");
            }
        }
        return new BgNbd(r, alpha, a, b, logLikelihood, customers);
    }

    /**
     * Fits the model to every customer of a history.
     *
     * @param history the customers
     * @return the fitted model
     * @throws IllegalArgumentException if there are no customers
     */
    public static BgNbd fit(PurchaseHistory history) {
        Objects.requireNonNull(history, "history");
        int n = history.size();
        if (n == 0) {
            throw new IllegalArgumentException("cannot fit BG/NBD to no customers");
        }
        int[] x = new int[n];
        double[] tx = new double[n];
        double[] t = new double[n];
        int maxX = 0;
        for (int i = 0; i < n; i++) {
            x[i] = history.frequency(i);
            tx[i] = history.recency(i);
            t[i] = history.age(i);
            maxX = Math.max(maxX, x[i]);
        }
        int[] perX = new int[maxX + 1];
        for (int v : x) {
            perX[v]++;
        }
        double[] p = Fitting.maximise(q -> logLikelihood(q, x, tx, t, perX), new double[] {1, 1, 1, 1});
        return new BgNbd(p[0], p[1], p[2], p[3], logLikelihood(p, x, tx, t, perX), n);
    }

    /** The log-likelihood of all customers; the terms that depend on x only are summed per distinct x. */
    private static double logLikelihood(double[] q, int[] x, double[] tx, double[] t, int[] perX) {
        double r = q[0];
        double alpha = q[1];
        double a = q[2];
        double b = q[3];
        double sum = 0;
        double lgr = LogGamma.value(r);
        double lbab = LogBeta.value(a, b);
        for (int v = 0; v < perX.length; v++) {
            if (perX[v] > 0) {
                sum += perX[v] * (LogGamma.value(r + v) - lgr + LogBeta.value(a, b + v) - lbab);
            }
        }
        sum += x.length * r * Math.log(alpha);
        double la = Math.log(a);
        for (int i = 0; i < x.length; i++) {
            double rx = r + x[i];
            double a3 = -rx * Math.log(alpha + t[i]);
            if (x[i] == 0) {
                sum += a3;
            } else {
                double a4 = la - Math.log(b + x[i] - 1) - rx * Math.log(alpha + tx[i]);
                sum += Math.max(a3, a4) + Math.log1p(Math.exp(-Math.abs(a3 - a4)));
            }
        }
        return sum;
    }

    /**
     * The log-likelihood of one customer's history under this model.
     *
     * @param x repeat purchases
     * @param tx recency t_x
     * @param age T
     * @return the log-likelihood
     */
    public double logLikelihood(int x, double tx, double age) {
        int[] perX = new int[x + 1];
        perX[x] = 1;
        return logLikelihood(new double[] {r, alpha, a, b}, new int[] {x}, new double[] {tx}, new double[] {age}, perX);
    }

    /**
     * The probability that a customer is still alive (has not dropped out) at the end of calibration.
     *
     * @param x repeat purchases
     * @param tx recency t_x
     * @param age T
     * @return P(alive), 1 when x = 0
     */
    public double probabilityAlive(int x, double tx, double age) {
        check(x, tx, age);
        if (x == 0) {
            return 1;
        }
        double log = Math.log(a) - Math.log(b + x - 1) + (r + x) * (Math.log(alpha + age) - Math.log(alpha + tx));
        return 1 / (1 + Math.exp(log));
    }

    /**
     * The expected number of purchases in the next t units: (a + b + x - 1) / (a - 1)
     * [1 - ((alpha + T) / (alpha + T + t))^(r + x) 2F1(r + x, b + x; a + b + x - 1; z)] P(alive),
     * z = t / (alpha + T + t). Evaluated through Euler's transformation, under which the power
     * becomes ((alpha + T) / (alpha + T + t))^(a - 1) and the series 2F1(a + b - 1 - r, a - 1;
     * a + b + x - 1; z), whose numerator parameters do not grow with x.
     *
     * @param t the horizon in units, 0 or more
     * @param x repeat purchases
     * @param tx recency t_x
     * @param age T
     * @return the expected purchases
     */
    public double expectedPurchases(double t, int x, double tx, double age) {
        check(x, tx, age);
        if (!(t >= 0)) {
            throw new IllegalArgumentException("the horizon must be 0 or more (was " + t + ")");
        }
        if (t == 0) {
            return 0;
        }
        double z = t / (alpha + age + t);
        double hyper = Hypergeometric.f21(a + b - 1 - r, a - 1, a + b + x - 1, z);
        double power = Math.exp((a - 1) * (Math.log(alpha + age) - Math.log(alpha + age + t)));
        return (a + b + x - 1) / (a - 1) * (1 - power * hyper) * probabilityAlive(x, tx, age);
    }

    private static void check(int x, double tx, double age) {
        if (x < 0 || !(tx >= 0) || !(age >= tx)) {
            throw new IllegalArgumentException("a history needs x >= 0 and 0 <= t_x <= T (x " + x + ", t_x " + tx + ", T "
                    + age + ")");
        }
    }

    /** r, the shape of the purchase-rate distribution. */
    public double r() {
        return r;
    }

    /** alpha, the scale of the purchase-rate distribution. */
    public double alpha() {
        return alpha;
    }

    /** a, of the drop-out probability's Beta distribution. */
    public double a() {
        return a;
    }

    /** b, of the drop-out probability's Beta distribution. */
    public double b() {
        return b;
    }

    /** The log-likelihood at the fitted parameters (NaN for a model made from given parameters without it). */
    public double logLikelihood() {
        return logLikelihood;
    }

    /** The number of customers fitted. */
    public int customers() {
        return customers;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BgNbd m && Arrays.equals(new double[] {r, alpha, a, b, logLikelihood},
                new double[] {m.r, m.alpha, m.a, m.b, m.logLikelihood}) && customers == m.customers;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(new double[] {r, alpha, a, b});
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "BG/NBD[r=%.4f, alpha=%.4f, a=%.4f, b=%.4f, LL=%.2f, %d customers]",
                r, alpha, a, b, logLikelihood, customers);
    }
}
