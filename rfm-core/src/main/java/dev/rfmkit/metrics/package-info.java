/**
 * Per-customer RFM metrics as primitive columns: recency in days, frequency in orders, monetary value
 * (total or average order value), with the first and last order dates, as of an explicit date.
 *
 * <p>{@link dev.rfmkit.metrics.CustomerTable} is built from an ingestion result and is the input of
 * every scoring strategy.
 */
package dev.rfmkit.metrics;
