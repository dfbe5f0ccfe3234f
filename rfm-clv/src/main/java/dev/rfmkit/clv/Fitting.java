package dev.rfmkit.clv;

import org.hipparchus.analysis.MultivariateFunction;
import org.hipparchus.optim.InitialGuess;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.PointValuePair;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunction;
import org.hipparchus.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.hipparchus.optim.nonlinear.scalar.noderiv.SimplexOptimizer;

/**
 * Maximum likelihood over positive parameters: Nelder-Mead (Hipparchus) on their logarithms,
 * restarted from its own optimum until the log-likelihood stops improving, which polishes the
 * simplex's last steps. Deterministic: fixed start, no randomness.
 */
final class Fitting {
    private static final int MAX_EVALUATIONS = 100_000;
    private static final int MAX_RESTARTS = 20;

    private Fitting() {
    }

    /**
     * The parameters maximising a log-likelihood.
     *
     * @param logLikelihood the log-likelihood of the parameters (not their logarithms)
     * @param start the starting parameters, all positive
     * @return the parameters at the maximum
     */
    static double[] maximise(MultivariateFunction logLikelihood, double[] start) {
        MultivariateFunction onLogs = theta -> {
            double[] p = new double[theta.length];
            for (int i = 0; i < p.length; i++) {
                p[i] = Math.exp(theta[i]);
            }
            double ll = logLikelihood.value(p);
            return Double.isNaN(ll) ? Double.NEGATIVE_INFINITY : ll;
        };
        double[] theta = new double[start.length];
        for (int i = 0; i < theta.length; i++) {
            theta[i] = Math.log(start[i]);
        }
        double best = onLogs.value(theta);
        SimplexOptimizer optimizer = new SimplexOptimizer(1e-13, 1e-13);
        for (int round = 0; round < MAX_RESTARTS; round++) {
            PointValuePair p = optimizer.optimize(new MaxEval(MAX_EVALUATIONS), new ObjectiveFunction(onLogs),
                    GoalType.MAXIMIZE, new InitialGuess(theta), new NelderMeadSimplex(theta.length, 0.5));
            boolean improved = p.getValue() > best + 1e-12 * Math.abs(best);
            if (p.getValue() >= best) {
                theta = p.getPoint();
                best = p.getValue();
            }
            if (!improved && round > 0) {
                break;
            }
        }
        double[] params = new double[theta.length];
        for (int i = 0; i < params.length; i++) {
            params[i] = Math.exp(theta[i]);
        }
        return params;
    }
}
