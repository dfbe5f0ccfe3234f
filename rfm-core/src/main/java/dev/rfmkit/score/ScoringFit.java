package dev.rfmkit.score;

import java.util.Objects;

/**
 * The result of fitting a strategy: the model, and the scores of the fitting customers.
 *
 * <p>The scores equal what the model gives each fitting customer, with one documented exception:
 * equal-count fits keep the rank-based scores of tied customers whose value spans two bins.
 *
 * @param model the fitted model, for scoring any customer later
 * @param scores the scores of the fitting customers, aligned with the table's rows
 */
public record ScoringFit(ScoringModel model, RfmScores scores) {
    /** Checks that no component is null. */
    public ScoringFit {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(scores, "scores");
    }
}
