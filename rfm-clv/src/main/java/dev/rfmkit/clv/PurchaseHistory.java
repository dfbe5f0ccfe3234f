package dev.rfmkit.clv;

import dev.rfmkit.order.Amounts;
import dev.rfmkit.order.CustomerIdOrder;
import dev.rfmkit.order.IngestionOptions;
import dev.rfmkit.order.IngestionReport;
import dev.rfmkit.order.IngestionResult;
import dev.rfmkit.order.OrderLine;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Each customer's purchases as the lifetime-value models see them, as of the end of the calibration
 * period D (the as-of date). A customer's included purchases (amount zero or more) on one calendar
 * day are one purchase, worth their sum; then, in the time unit u:
 * <ul>
 *   <li>x, the frequency: purchase days after the first one (repeat purchases);</li>
 *   <li>t_x, the recency: days from the first to the last purchase day, / u;</li>
 *   <li>T, the age: days from the first purchase day to D, / u;</li>
 *   <li>m, the monetary value: the mean amount of the repeat purchases (0 when x = 0).</li>
 * </ul>
 * Returns (negative lines) are not purchases and do not change m. Rows are in customer id order, as
 * the RFM output is. Primitive columns; immutable and safe to share between threads.
 */
public final class PurchaseHistory {
    private final String[] ids;
    private final int[] x;
    private final double[] recency;
    private final double[] age;
    private final long[] repeatUnits;
    private final ClvUnit unit;
    private final LocalDate asOf;
    private final IngestionReport report;

    private PurchaseHistory(String[] ids, int[] x, double[] recency, double[] age, long[] repeatUnits, ClvUnit unit,
            LocalDate asOf, IngestionReport report) {
        this.ids = ids;
        this.x = x;
        this.recency = recency;
        this.age = age;
        this.repeatUnits = repeatUnits;
        this.unit = unit;
        this.asOf = asOf;
        this.report = report;
    }

    /**
     * The histories of order lines.
     *
     * @param lines the order lines
     * @param options the inclusion rules, with the as-of date D
     * @param unit the time unit
     * @return the histories
     */
    public static PurchaseHistory of(Iterable<OrderLine> lines, IngestionOptions options, ClvUnit unit) {
        ClvIngestion ingestion = ClvIngestion.start(options);
        for (OrderLine line : lines) {
            ingestion.accept(line);
        }
        return ingestion.finish(unit);
    }

    static PurchaseHistory of(IngestionResult result, ClvUnit unit, List<String> customerIds, int[] customerOf,
            int[] dayOf, long[] unitsOf, int purchases) {
        Objects.requireNonNull(unit, "unit");
        int n = customerIds.size();
        // purchases grouped by customer (counting sort), then by day within each customer
        int[] start = new int[n + 1];
        for (int i = 0; i < purchases; i++) {
            start[customerOf[i] + 1]++;
        }
        for (int c = 0; c < n; c++) {
            start[c + 1] += start[c];
        }
        long[] keyed = new long[purchases];
        int[] fill = Arrays.copyOf(start, n);
        int[] order = new int[purchases];
        for (int i = 0; i < purchases; i++) {
            order[fill[customerOf[i]]++] = i;
        }
        String[] idArray = customerIds.toArray(String[]::new);
        int[] rowOf = CustomerIdOrder.sortedPermutation(idArray);
        String[] ids = new String[n];
        int[] x = new int[n];
        double[] recency = new double[n];
        double[] age = new double[n];
        long[] repeat = new long[n];
        long asOfDay = result.asOf().toEpochDay();
        for (int row = 0; row < n; row++) {
            int c = rowOf[row];
            int from = start[c];
            int to = start[c + 1];
            for (int k = from; k < to; k++) {
                int i = order[k];
                keyed[k] = (long) dayOf[i] << 32 | (k - from); // day, then arrival
            }
            Arrays.sort(keyed, from, to);
            int first = (int) (keyed[from] >> 32);
            int last = first;
            int days = 1;
            long firstDayUnits = 0;
            long total = 0;
            for (int k = from; k < to; k++) {
                int day = (int) (keyed[k] >> 32);
                long units = unitsOf[order[from + (int) (keyed[k] & 0xffffffffL)]];
                if (day != last) {
                    days++;
                    last = day;
                }
                if (day == first) {
                    firstDayUnits = Math.addExact(firstDayUnits, units);
                }
                total = Math.addExact(total, units);
            }
            ids[row] = idArray[c];
            x[row] = days - 1;
            recency[row] = (double) (last - first) / unit.days();
            age[row] = (double) (asOfDay - first) / unit.days();
            repeat[row] = total - firstDayUnits;
        }
        return new PurchaseHistory(ids, x, recency, age, repeat, unit, result.asOf(), result.report());
    }

    /** The number of customers (rows). */
    public int size() {
        return ids.length;
    }

    /**
     * The customer id of a row.
     *
     * @param row the row
     * @return the id
     */
    public String customerId(int row) {
        return ids[row];
    }

    /**
     * x: the number of repeat purchase days.
     *
     * @param row the row
     * @return x, 0 or more
     */
    public int frequency(int row) {
        return x[row];
    }

    /**
     * t_x: the time from the first to the last purchase day, in units.
     *
     * @param row the row
     * @return t_x
     */
    public double recency(int row) {
        return recency[row];
    }

    /**
     * T: the time from the first purchase day to the as-of date, in units.
     *
     * @param row the row
     * @return T
     */
    public double age(int row) {
        return age[row];
    }

    /**
     * m: the mean amount of the repeat purchases, 0 when there are none.
     *
     * @param row the row
     * @return m in currency units
     */
    public double monetaryValue(int row) {
        return x[row] == 0 ? 0 : (double) repeatUnits[row] / x[row] / Amounts.UNITS_PER_CURRENCY_UNIT;
    }

    /**
     * m exactly, rounded half to even to a number of decimals.
     *
     * @param row the row
     * @param scale the number of decimals
     * @return m
     */
    public BigDecimal monetaryValue(int row, int scale) {
        return x[row] == 0 ? BigDecimal.ZERO.setScale(scale)
                : Amounts.toDecimal(repeatUnits[row]).divide(BigDecimal.valueOf(x[row]), scale, RoundingMode.HALF_EVEN);
    }

    /** The time unit. */
    public ClvUnit unit() {
        return unit;
    }

    /** The as-of date D, the end of the calibration period. */
    public LocalDate asOf() {
        return asOf;
    }

    /** What ingestion did with every line. */
    public IngestionReport report() {
        return report;
    }

    @Override
    public String toString() {
        return "PurchaseHistory[" + size() + " customers, asOf=" + asOf + ", unit=" + unit.id() + "]";
    }
}
