/**
 * rfmkit: exact RFM (recency, frequency, monetary) customer segmentation.
 *
 * <p>The flow runs through one package per step: {@link dev.rfmkit.order} (order lines, ingestion,
 * the ingestion report) to {@link dev.rfmkit.metrics} (per-customer metrics as primitive columns) to
 * {@link dev.rfmkit.score} (scoring strategies and fitted models) to {@link dev.rfmkit.segment}
 * (segment schemes and the engagement overlay). {@link dev.rfmkit.RfmAnalysis} ties them together for
 * the common path: order lines in, scored and segmented customers out.
 */
package dev.rfmkit;
