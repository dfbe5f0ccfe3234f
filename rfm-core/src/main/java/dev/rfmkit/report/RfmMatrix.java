package dev.rfmkit.report;

import dev.rfmkit.RfmResult;
import dev.rfmkit.metrics.CustomerTable;
import dev.rfmkit.order.Amounts;
import dev.rfmkit.score.RfmScore;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Objects;

/**
 * The recency x frequency grid (Custobar's RFM matrix): for every cell (R, F), including empty ones,
 * the customers, their exact revenue and their mean monetary value.
 *
 * <p>Mergeable: the matrix of two disjoint sets of customers, {@linkplain #merge merged}, equals the
 * matrix of their union. Immutable and safe to share between threads.
 */
public final class RfmMatrix {
    private final int k;
    private final long[] customers;
    private final long[] revenueUnits;
    private final long[] monetaryUnits;

    private RfmMatrix(int k, long[] customers, long[] revenueUnits, long[] monetaryUnits) {
        this.k = k;
        this.customers = customers;
        this.revenueUnits = revenueUnits;
        this.monetaryUnits = monetaryUnits;
    }

    /**
     * The matrix of a result.
     *
     * @param result the scored customers
     * @return the matrix
     */
    public static RfmMatrix of(RfmResult result) {
        Objects.requireNonNull(result, "result");
        int k = result.scores().bins();
        long[] customers = new long[k * k];
        long[] revenue = new long[k * k];
        long[] monetary = new long[k * k];
        CustomerTable t = result.customers();
        for (int row = 0; row < t.size(); row++) {
            RfmScore s = result.scores().get(row);
            int cell = (s.r() - 1) * k + s.f() - 1;
            customers[cell]++;
            revenue[cell] = Math.addExact(revenue[cell], t.totalAmountUnits(row));
            monetary[cell] = Math.addExact(monetary[cell],
                    t.monetaryDecimal(row, Amounts.SCALE).unscaledValue().longValueExact());
        }
        return new RfmMatrix(k, customers, revenue, monetary);
    }

    /**
     * The matrix of this matrix's customers and another's, which must be other customers.
     *
     * @param other the matrix of other customers, with the same k
     * @return the merged matrix
     * @throws IllegalArgumentException if the numbers of bins differ
     */
    public RfmMatrix merge(RfmMatrix other) {
        if (other.k != k) {
            throw new IllegalArgumentException("cannot merge matrices of " + k + " and " + other.k + " bins");
        }
        long[] c = customers.clone();
        long[] r = revenueUnits.clone();
        long[] m = monetaryUnits.clone();
        for (int i = 0; i < c.length; i++) {
            c[i] += other.customers[i];
            r[i] = Math.addExact(r[i], other.revenueUnits[i]);
            m[i] = Math.addExact(m[i], other.monetaryUnits[i]);
        }
        return new RfmMatrix(k, c, r, m);
    }

    /** The number of bins k: the grid is k x k. */
    public int bins() {
        return k;
    }

    /**
     * One cell.
     *
     * @param r the recency score, 1..k
     * @param f the frequency score, 1..k
     * @return the cell
     * @throws IllegalArgumentException if a score is outside 1..k
     */
    public Cell cell(int r, int f) {
        if (r < 1 || r > k || f < 1 || f > k) {
            throw new IllegalArgumentException("scores must be between 1 and " + k + " (were R " + r + ", F " + f + ")");
        }
        int i = (r - 1) * k + f - 1;
        return new Cell(r, f, customers[i], Amounts.toDecimal(revenueUnits[i]),
                customers[i] == 0 ? Double.NaN : (double) monetaryUnits[i] / customers[i]
                        / Amounts.UNITS_PER_CURRENCY_UNIT);
    }

    /** The customers in all cells. */
    public long customers() {
        return Arrays.stream(customers).sum();
    }

    /** The revenue of all cells, exact. */
    public BigDecimal revenue() {
        long sum = 0;
        for (long r : revenueUnits) {
            sum = Math.addExact(sum, r);
        }
        return Amounts.toDecimal(sum);
    }

    /** The largest number of customers in one cell (0 if there are none). */
    public long maxCustomers() {
        return Arrays.stream(customers).max().orElse(0);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RfmMatrix m && k == m.k && Arrays.equals(customers, m.customers)
                && Arrays.equals(revenueUnits, m.revenueUnits) && Arrays.equals(monetaryUnits, m.monetaryUnits);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(customers) * 31 + Arrays.hashCode(revenueUnits);
    }

    @Override
    public String toString() {
        return "RfmMatrix[" + k + "x" + k + ", " + customers() + " customers, revenue " + revenue() + "]";
    }

    /**
     * One cell of the matrix.
     *
     * @param r the recency score
     * @param f the frequency score
     * @param customers the customers with these scores
     * @param revenue their exact revenue
     * @param meanMonetary their mean monetary value (NaN if there are none)
     */
    public record Cell(int r, int f, long customers, BigDecimal revenue, double meanMonetary) {
    }
}
