/**
 * The {@code rfm} command: RFM scores and segments from an orders export, as cli.md describes it.
 *
 * <p>Thin: it maps options onto rfm-core and rfm-jackson and turns their errors into one-line messages
 * and exit codes (0 success, 1 bad input data, 2 bad usage).
 */
package dev.rfmkit.cli;
