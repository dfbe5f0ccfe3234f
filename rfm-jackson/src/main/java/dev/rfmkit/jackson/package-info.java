/**
 * CSV and JSON for rfmkit, on Jackson: reading order and engagement files, writing results.
 *
 * <p>{@link dev.rfmkit.jackson.OrderCsvReader} streams an orders file, laid out as an
 * {@link dev.rfmkit.jackson.OrderCsvFormat} says, into an {@link dev.rfmkit.order.OrderIngestion},
 * telling a {@link dev.rfmkit.jackson.RejectListener} about every excluded line with its physical line
 * number and raw text. {@link dev.rfmkit.jackson.EngagementCsvReader} reads engagement facts. Both use
 * Jackson's streaming CSV parser, records read as arrays of strings, no data binding.
 *
 * <p>Data errors are {@link dev.rfmkit.order.OrderDataException}s carrying the line and column.
 */
package dev.rfmkit.jackson;
