package dev.rfmkit.jackson;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rfmkit.order.ExclusionReason;
import dev.rfmkit.order.IngestionReport;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Set;

/**
 * Ingestion reports as JSON trees: every count, excluded lines by reason code, exact amounts. The
 * totals ({@code linesRead}, {@code includedLines}, {@code excludedLines}) are written for readers
 * and checked against the parts when read.
 */
final class ReportTree {
    private static final Set<String> FIELDS = Set.of("asOf", "linesRead", "includedLines", "purchaseLines",
            "returnLines", "excludedLines", "excludedByReason", "orders", "customers", "customersWithoutOrders",
            "linesOfCustomersWithoutOrders", "purchaseAmount", "returnAmount");

    private ReportTree() {
    }

    static ObjectNode toTree(IngestionReport r) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("asOf", r.asOf().toString());
        root.put("linesRead", r.linesRead());
        root.put("includedLines", r.includedLines());
        root.put("purchaseLines", r.purchaseLines());
        root.put("returnLines", r.returnLines());
        root.put("excludedLines", r.excludedLines());
        ObjectNode reasons = root.putObject("excludedByReason");
        for (ExclusionReason reason : ExclusionReason.values()) {
            reasons.put(reason.code(), r.excluded(reason));
        }
        root.put("orders", r.orders());
        root.put("customers", r.customers());
        root.put("customersWithoutOrders", r.customersWithoutOrders());
        root.put("linesOfCustomersWithoutOrders", r.linesOfCustomersWithoutOrders());
        root.put("purchaseAmount", r.purchaseAmount());
        root.put("returnAmount", r.returnAmount());
        return root;
    }

    static IngestionReport fromTree(JsonNode root, String path) {
        String at = path.isEmpty() ? "" : path + ".";
        if (!root.isObject()) {
            throw new IllegalArgumentException((path.isEmpty() ? "report" : path) + ": should be an object");
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext();) {
            String name = it.next();
            if (!FIELDS.contains(name)) {
                throw new IllegalArgumentException(at + name + ": unknown field");
            }
        }
        IngestionReport.Builder b = IngestionReport.builder();
        JsonNode asOf = root.path("asOf");
        try {
            b.asOf(LocalDate.parse(asOf.asText("")));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(at + "asOf: should be a date such as 2024-06-30 (was " + asOf + ")");
        }
        JsonNode reasons = root.path("excludedByReason");
        if (!reasons.isObject()) {
            throw new IllegalArgumentException(at + "excludedByReason: should be an object of counts by reason code");
        }
        long excluded = 0;
        for (Iterator<String> it = reasons.fieldNames(); it.hasNext();) {
            String code = it.next();
            ExclusionReason reason = ExclusionReason.ofCode(code).orElseThrow(
                    () -> new IllegalArgumentException(at + "excludedByReason." + code + ": unknown reason"));
            long n = count(reasons, at + "excludedByReason.", code);
            b.excluded(reason, n);
            excluded += n;
        }
        long purchases = count(root, at, "purchaseLines");
        long returns = count(root, at, "returnLines");
        b.includedLines(purchases, returns);
        b.orders(count(root, at, "orders"), Math.toIntExact(count(root, at, "customers")));
        b.customersWithoutOrders(Math.toIntExact(count(root, at, "customersWithoutOrders")),
                count(root, at, "linesOfCustomersWithoutOrders"));
        b.amounts(amount(root, at, "purchaseAmount"), amount(root, at, "returnAmount"));
        total(root, at, "includedLines", purchases + returns);
        total(root, at, "excludedLines", excluded);
        total(root, at, "linesRead", purchases + returns + excluded);
        try {
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException((path.isEmpty() ? "report" : path) + ": " + e.getMessage());
        }
    }

    private static long count(JsonNode node, String at, String field) {
        JsonNode v = node.path(field);
        if (!v.isIntegralNumber() || !v.canConvertToLong() || v.longValue() < 0) {
            throw new IllegalArgumentException(at + field + ": should be a count, 0 or more (was " + v + ")");
        }
        return v.longValue();
    }

    private static BigDecimal amount(JsonNode node, String at, String field) {
        JsonNode v = node.path(field);
        if (!v.isNumber()) {
            throw new IllegalArgumentException(at + field + ": should be an amount (was " + v + ")");
        }
        return v.decimalValue();
    }

    private static void total(JsonNode node, String at, String field, long expected) {
        if (node.has(field) && count(node, at, field) != expected) {
            throw new IllegalArgumentException(at + field + ": " + node.get(field) + " does not add up (the parts make "
                    + expected + ")");
        }
    }
}
