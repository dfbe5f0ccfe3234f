package dev.rfmkit.score;

import java.math.BigInteger;

/** Exact within-cluster sums of squares of integer values, as reduced fractions. */
final class ExactSquares implements Comparable<ExactSquares> {
    static final ExactSquares ZERO = new ExactSquares(BigInteger.ZERO, BigInteger.ONE);

    private final BigInteger num;
    private final BigInteger den;

    private ExactSquares(BigInteger num, BigInteger den) {
        BigInteger g = num.gcd(den);
        this.num = g.signum() == 0 ? num : num.divide(g);
        this.den = g.signum() == 0 ? den : den.divide(g);
    }

    /** The sum of squares of values[from..to) with weights, about their mean: (W*S2 - S1^2) / W. */
    static ExactSquares of(long[] values, long[] weights, int from, int to) {
        BigInteger w = BigInteger.ZERO;
        BigInteger s1 = BigInteger.ZERO;
        BigInteger s2 = BigInteger.ZERO;
        for (int i = from; i < to; i++) {
            BigInteger wi = BigInteger.valueOf(weights[i]);
            BigInteger v = BigInteger.valueOf(values[i]);
            w = w.add(wi);
            s1 = s1.add(wi.multiply(v));
            s2 = s2.add(wi.multiply(v).multiply(v));
        }
        return new ExactSquares(w.multiply(s2).subtract(s1.multiply(s1)), w);
    }

    /** The total sum of squares of a partition given by cluster starts (last entry: the end). */
    static ExactSquares ofPartition(long[] values, long[] weights, int[] starts) {
        ExactSquares total = ZERO;
        for (int c = 0; c + 1 < starts.length; c++) {
            total = total.plus(of(values, weights, starts[c], starts[c + 1]));
        }
        return total;
    }

    ExactSquares plus(ExactSquares o) {
        return new ExactSquares(num.multiply(o.den).add(o.num.multiply(den)), den.multiply(o.den));
    }

    double toDouble() {
        return new java.math.BigDecimal(num).divide(new java.math.BigDecimal(den), java.math.MathContext.DECIMAL64)
                .doubleValue();
    }

    @Override
    public int compareTo(ExactSquares o) {
        return num.multiply(o.den).compareTo(o.num.multiply(den));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ExactSquares e && compareTo(e) == 0;
    }

    @Override
    public int hashCode() {
        return num.hashCode() * 31 + den.hashCode();
    }

    @Override
    public String toString() {
        return num + "/" + den;
    }
}
