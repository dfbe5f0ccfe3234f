package dev.rfmkit.score;

import java.util.Locale;

/**
 * A monotone transform applied to a dimension's values before K-Means clusters them. Skewed values
 * (money, frequency) crowd into the lowest cluster on the raw scale; {@link #LOG1P} spreads them.
 * Computed with {@link StrictMath}, so the same on every platform.
 */
public enum KMeansTransform {
    /** The values as they are. */
    NONE {
        @Override
        public double apply(double value) {
            return value;
        }

        @Override
        double largestAtMost(double threshold) {
            return threshold;
        }
    },
    /** log(1 + value); needs values above -1. */
    LOG1P {
        @Override
        public double apply(double value) {
            return StrictMath.log1p(value);
        }

        @Override
        double largestAtMost(double threshold) {
            double u = StrictMath.expm1(threshold);
            while (apply(u) > threshold) {
                u = Math.nextDown(u);
            }
            while (apply(Math.nextUp(u)) <= threshold) {
                u = Math.nextUp(u);
            }
            return u;
        }
    };

    /**
     * Transforms one value.
     *
     * @param value the value
     * @return the transformed value; NaN outside the transform's domain
     */
    public abstract double apply(double value);

    /**
     * The largest value whose transform is at most the threshold: a cut point in the values' own
     * units that bins exactly as the threshold does in the transformed space.
     */
    abstract double largestAtMost(double threshold);

    /** The name used in files and on the command line: {@code none} or {@code log1p}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The transform of a name.
     *
     * @param id {@code none} or {@code log1p}, in any case
     * @return the transform
     * @throws IllegalArgumentException if the name is neither
     */
    public static KMeansTransform of(String id) {
        for (KMeansTransform t : values()) {
            if (t.id().equalsIgnoreCase(id)) {
                return t;
            }
        }
        throw new IllegalArgumentException("K-Means transform must be none or log1p (was \"" + id + "\")");
    }
}
