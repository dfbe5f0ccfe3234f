/**
 * Scoring: strategies fit models to a {@link dev.rfmkit.metrics.CustomerTable}; a model turns
 * recency, frequency and monetary values into an {@link dev.rfmkit.score.RfmScore} of 1..k per
 * dimension, for the fitting customers and for any customer later.
 *
 * <p>Every model in this package bins a value by right-closed cut points: a value falls in bin
 * b = the number of cut points strictly below it (0..k-1); frequency and monetary score b + 1,
 * recency scores k - b, since fewer days is better. Equal values always get equal scores from a model.
 */
package dev.rfmkit.score;
