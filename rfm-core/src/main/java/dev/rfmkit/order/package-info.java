/**
 * Order lines and their ingestion: the first step of the RFM flow.
 *
 * <p>{@link dev.rfmkit.order.OrderLine} is one line of an orders export. An
 * {@link dev.rfmkit.order.OrderIngestion} takes lines one at a time (tens of millions without keeping
 * them), applies the exclusion rules, the status filter, the as-of date, the look-back window and the
 * returns policy, groups line items into orders by order id, and finishes with per-customer order
 * facts ({@link dev.rfmkit.order.CustomerOrders}) and an {@link dev.rfmkit.order.IngestionReport}
 * that counts every excluded line by {@link dev.rfmkit.order.ExclusionReason}.
 *
 * <p>Money is exact: amounts are held as {@code long} counts of 1/10,000 of the currency unit
 * ({@link dev.rfmkit.order.Amounts}), so totals never drift and never depend on line order.
 */
package dev.rfmkit.order;
