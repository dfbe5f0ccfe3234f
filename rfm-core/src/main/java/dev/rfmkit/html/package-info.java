/**
 * The RFM report as one self-contained HTML page ({@link dev.rfmkit.html.HtmlReport}): inline CSS and
 * SVG, no script, nothing loaded from outside.
 */
package dev.rfmkit.html;
