package dev.rfmkit.cli;

import dev.rfmkit.score.Dimension;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The {@code --thresholds} option: k-1 ascending cut points per dimension, such as
 * {@code r=30,60,90,180;f=1,2,3,5;m=50,100,250,500}. Dimensions may be left out.
 */
final class Thresholds {
    private Thresholds() {
    }

    static Map<Dimension, double[]> parse(String text, int bins) {
        Map<Dimension, double[]> byDimension = new EnumMap<>(Dimension.class);
        for (String part : text.split(";")) {
            String p = part.strip();
            if (p.isEmpty()) {
                continue;
            }
            int eq = p.indexOf('=');
            Dimension d = eq == 1 ? dimension(p.charAt(0)) : null;
            if (d == null) {
                throw new UsageException("--thresholds: \"" + p + "\" should be r=..., f=... or m=..., such as "
                        + "r=30,60,90,180");
            }
            if (byDimension.containsKey(d)) {
                throw new UsageException("--thresholds: " + d.letter() + " is given twice");
            }
            String[] values = p.substring(2).split(",", -1);
            if (values.length != bins - 1) {
                throw new UsageException("--thresholds: " + bins + " bins need " + (bins - 1) + " cut points for "
                        + d.letter() + " (was " + values.length + ")");
            }
            double[] cuts = new double[values.length];
            for (int i = 0; i < values.length; i++) {
                try {
                    cuts[i] = Double.parseDouble(values[i].strip());
                } catch (NumberFormatException e) {
                    throw new UsageException("--thresholds: \"" + values[i].strip() + "\" for " + d.letter()
                            + " is not a number");
                }
                if (!Double.isFinite(cuts[i])) {
                    throw new UsageException("--thresholds: cut points must be finite numbers");
                }
                if (i > 0 && cuts[i] < cuts[i - 1]) {
                    throw new UsageException("--thresholds: the cut points of " + d.letter() + " must be ascending ("
                            + values[i - 1].strip() + " before " + values[i].strip() + ")");
                }
            }
            byDimension.put(d, cuts);
        }
        if (byDimension.isEmpty()) {
            throw new UsageException("--thresholds: no cut points given");
        }
        return Collections.unmodifiableMap(byDimension);
    }

    private static Dimension dimension(char letter) {
        for (Dimension d : Dimension.values()) {
            if (Character.toUpperCase(letter) == d.letter()) {
                return d;
            }
        }
        return null;
    }
}
