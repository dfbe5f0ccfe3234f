package dev.rfmkit.spark;

import dev.rfmkit.order.CustomerOrders;
import dev.rfmkit.order.ExclusionReason;
import dev.rfmkit.order.IngestionReport;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;

/**
 * What the ingestion of one partition of the order lines gave: its customers (every line of a
 * customer is in one partition, so they are whole) and its counts, which add up across partitions.
 */
final class IngestedPart implements Serializable {
    private static final long serialVersionUID = 1L;
    /** No included line: no latest day. */
    static final int NO_DAY = Integer.MIN_VALUE;

    final String[] ids;
    final int[] orders;
    final int[] firstDay;
    final int[] lastDay;
    final long[] units;
    final Counts counts;
    final List<RejectRow> rejects;

    IngestedPart(CustomerOrders customers, Counts counts, List<RejectRow> rejects) {
        int n = customers.size();
        ids = new String[n];
        orders = new int[n];
        firstDay = new int[n];
        lastDay = new int[n];
        units = new long[n];
        for (int i = 0; i < n; i++) {
            ids[i] = customers.customerId(i);
            orders[i] = customers.orders(i);
            firstDay[i] = customers.firstOrderEpochDay(i);
            lastDay[i] = customers.lastOrderEpochDay(i);
            units[i] = customers.amountUnits(i);
        }
        this.counts = counts;
        this.rejects = rejects;
    }

    /** An excluded record: why, in which column, and the record as text. */
    static final class RejectRow implements Serializable {
        private static final long serialVersionUID = 1L;
        final String reason;
        final String column;
        final String message;
        final String content;

        RejectRow(String reason, String column, String message, String content) {
            this.reason = reason;
            this.column = column;
            this.message = message;
            this.content = content;
        }
    }

    /**
     * The counts of an ingestion report without its as-of date, and the latest included day; they add
     * up. (Classes, not records, here: Spark's Kryo cannot write records.)
     */
    static final class Counts implements Serializable {
        private static final long serialVersionUID = 1L;
        final long purchaseLines;
        final long returnLines;
        final long[] excluded;
        final long orders;
        final long customers;
        final long customersWithoutOrders;
        final long linesOfCustomersWithoutOrders;
        final BigDecimal purchaseAmount;
        final BigDecimal returnAmount;
        final int latestDay;

        Counts(long purchaseLines, long returnLines, long[] excluded, long orders, long customers,
                long customersWithoutOrders, long linesOfCustomersWithoutOrders, BigDecimal purchaseAmount,
                BigDecimal returnAmount, int latestDay) {
            this.purchaseLines = purchaseLines;
            this.returnLines = returnLines;
            this.excluded = excluded;
            this.orders = orders;
            this.customers = customers;
            this.customersWithoutOrders = customersWithoutOrders;
            this.linesOfCustomersWithoutOrders = linesOfCustomersWithoutOrders;
            this.purchaseAmount = purchaseAmount;
            this.returnAmount = returnAmount;
            this.latestDay = latestDay;
        }

        static Counts of(IngestionReport r, int latestDay) {
            long[] excluded = new long[ExclusionReason.values().length];
            for (ExclusionReason reason : ExclusionReason.values()) {
                excluded[reason.ordinal()] = r.excluded(reason);
            }
            return new Counts(r.purchaseLines(), r.returnLines(), excluded, r.orders(), r.customers(),
                    r.customersWithoutOrders(), r.linesOfCustomersWithoutOrders(), r.purchaseAmount(),
                    r.returnAmount(), latestDay);
        }

        static Counts none() {
            return new Counts(0, 0, new long[ExclusionReason.values().length], 0, 0, 0, 0, BigDecimal.ZERO,
                    BigDecimal.ZERO, NO_DAY);
        }

        Counts plus(Counts o) {
            long[] sum = excluded.clone();
            for (int i = 0; i < sum.length; i++) {
                sum[i] = Math.addExact(sum[i], o.excluded[i]);
            }
            return new Counts(Math.addExact(purchaseLines, o.purchaseLines), Math.addExact(returnLines, o.returnLines),
                    sum, Math.addExact(orders, o.orders), Math.addExact(customers, o.customers),
                    Math.addExact(customersWithoutOrders, o.customersWithoutOrders),
                    Math.addExact(linesOfCustomersWithoutOrders, o.linesOfCustomersWithoutOrders),
                    purchaseAmount.add(o.purchaseAmount), returnAmount.add(o.returnAmount),
                    Math.max(latestDay, o.latestDay));
        }

        /** The report of all partitions together, as of a date. */
        IngestionReport report(java.time.LocalDate asOf) {
            IngestionReport.Builder b = IngestionReport.builder().asOf(asOf)
                    .includedLines(purchaseLines, returnLines)
                    .orders(orders, Math.toIntExact(customers))
                    .customersWithoutOrders(Math.toIntExact(customersWithoutOrders), linesOfCustomersWithoutOrders)
                    .amounts(purchaseAmount, returnAmount);
            for (ExclusionReason reason : ExclusionReason.values()) {
                b.excluded(reason, excluded[reason.ordinal()]);
            }
            return b.build();
        }
    }
}
