/**
 * Reports over scored customers, pure computation: the {@link dev.rfmkit.report.SegmentSummary}
 * per segment, the recency x frequency {@link dev.rfmkit.report.RfmMatrix}, and the
 * {@link dev.rfmkit.report.Migration} of customers between two snapshots. Every report is immutable,
 * exact in money, and mergeable: the report of two disjoint sets of customers, merged, equals the
 * report of their union.
 */
package dev.rfmkit.report;
