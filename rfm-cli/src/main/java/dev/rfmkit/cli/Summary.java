package dev.rfmkit.cli;

import dev.rfmkit.RfmResult;
import dev.rfmkit.SegmentCount;
import dev.rfmkit.order.ExclusionReason;
import dev.rfmkit.order.IngestionReport;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

/** The summary {@code rfm segment} prints on stderr: lines by fate, customers and revenue by segment. */
final class Summary {
    private Summary() {
    }

    static void print(PrintStream err, String command, String source, RfmResult result, String strategy) {
        print(err, command, source, result.asOf(), result.scheme().name(), strategy, result.report(),
                result.segmentCounts());
    }

    /** The summary from its figures, wherever the analysis ran. */
    static void print(PrintStream err, String command, String source, java.time.LocalDate asOf, String scheme,
            String strategy, IngestionReport r, List<SegmentCount> counts) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("rfm %s: %s, as of %s, strategy %s, scheme %s%n", command, source, asOf,
                strategy, scheme));
        sb.append(String.format("lines read %,d: included %,d (purchases %,d, returns %,d), excluded %,d%n",
                r.linesRead(), r.includedLines(), r.purchaseLines(), r.returnLines(), r.excludedLines()));
        for (Map.Entry<ExclusionReason, Long> e : r.excludedByReason().entrySet()) {
            if (e.getValue() > 0) {
                sb.append(String.format("  excluded %-20s %,12d%n", e.getKey().code(), e.getValue()));
            }
        }
        sb.append(String.format("orders %,d, customers %,d", r.orders(), r.customers()));
        if (r.customersWithoutOrders() > 0) {
            sb.append(String.format(" (%,d more with only returns, %,d lines, not scored)", r.customersWithoutOrders(),
                    r.linesOfCustomersWithoutOrders()));
        }
        sb.append(System.lineSeparator());
        BigDecimal revenue = BigDecimal.ZERO;
        int customers = 0;
        for (SegmentCount c : counts) {
            revenue = revenue.add(c.revenue());
            customers += c.customers();
        }
        sb.append(String.format("%-20s %10s %7s %16s %7s%n", "segment", "customers", "share", "revenue", "share"));
        for (SegmentCount c : counts) {
            sb.append(String.format("%-20s %,10d %6.1f%% %,16.2f %6s%n", c.segment().id(), c.customers(),
                    100.0 * c.customers() / Math.max(1, customers), c.revenue(), share(c.revenue(), revenue)));
        }
        sb.append(String.format("%-20s %,10d %6.1f%% %,16.2f %6s%n", "total", customers, 100.0, revenue,
                share(revenue, revenue)));
        err.print(sb);
        err.flush();
    }

    private static String share(BigDecimal part, BigDecimal whole) {
        if (whole.signum() <= 0) {
            return "-";
        }
        return part.multiply(BigDecimal.valueOf(100)).divide(whole, 1, RoundingMode.HALF_EVEN).toPlainString() + "%";
    }
}
