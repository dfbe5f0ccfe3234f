package dev.rfmkit.clv;

/**
 * The Gauss hypergeometric function 2F1(a, b; c; z) for 0 &lt;= z &lt; 1, by its power series
 * sum over n of (a)_n (b)_n / ((c)_n n!) z^n, summed until a term no longer changes the sum. The
 * terms shrink like z^n once n exceeds the parameters, so the series converges for every z below 1;
 * the caller keeps z away from 1 and the numerator parameters small (see {@link BgNbd}, which uses
 * Euler's transformation for that).
 */
final class Hypergeometric {
    private static final int MAX_TERMS = 10_000_000;

    private Hypergeometric() {
    }

    static double f21(double a, double b, double c, double z) {
        if (!(z >= 0 && z < 1)) {
            throw new IllegalArgumentException("2F1 is evaluated for 0 <= z < 1 (was " + z + ")");
        }
        if (c <= 0 && c == Math.rint(c)) {
            throw new IllegalArgumentException("2F1 is undefined for c = " + c);
        }
        double sum = 1;
        double term = 1;
        for (int n = 0; n < MAX_TERMS; n++) {
            term *= (a + n) * (b + n) / ((c + n) * (n + 1)) * z;
            double next = sum + term;
            // past the largest parameter the terms only shrink: stop once they no longer count
            if (next == sum && n > Math.max(Math.abs(a), Math.abs(b))) {
                return next;
            }
            sum = next;
            if (term == 0) {
                return sum;
            }
        }
        throw new ArithmeticException("2F1(" + a + ", " + b + "; " + c + "; " + z + ") did not converge in "
                + MAX_TERMS + " terms");
    }
}
