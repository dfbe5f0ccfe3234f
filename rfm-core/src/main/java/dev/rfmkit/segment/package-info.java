/**
 * Segments: schemes of ordered rules that map an {@link dev.rfmkit.score.RfmScore} to a named
 * {@link dev.rfmkit.segment.Segment}, compiled into a k^3 lookup table, and the engagement overlay
 * that moves customers between segments on engagement facts (last email click, last site visit).
 *
 * <p>The default scheme is {@link dev.rfmkit.segment.SegmentScheme#twelve()}; the default overlay
 * {@link dev.rfmkit.segment.EngagementOverlay#lostButEngaged()} turns {@code LOST} customers who still
 * click or visit into {@code LOST_BUT_ENGAGED}.
 */
package dev.rfmkit.segment;
