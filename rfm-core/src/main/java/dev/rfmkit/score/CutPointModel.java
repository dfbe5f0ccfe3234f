package dev.rfmkit.score;

import dev.rfmkit.metrics.CustomerTable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** A model that bins each dimension by cut points, right-closed or (R package) left-closed. */
final class CutPointModel implements ScoringModel {
    private final String strategy;
    private final int k;
    private final double[] recencyCuts;
    private final double[] frequencyCuts;
    private final double[] monetaryCuts;
    private final Map<Dimension, List<Integer>> levels;
    private final boolean closedRight;
    /** The part of the cell index of each recency and frequency value, by table; null when too wide. */
    private final IntBins recencyBins;
    private final IntBins frequencyBins;
    private final int[] recencyCells;
    private final int[] frequencyCells;

    CutPointModel(String strategy, int k, double[] recencyCuts, double[] frequencyCuts, double[] monetaryCuts,
            Map<Dimension, List<Integer>> levels) {
        this(strategy, k, recencyCuts, frequencyCuts, monetaryCuts, levels, true);
    }

    CutPointModel(String strategy, int k, double[] recencyCuts, double[] frequencyCuts, double[] monetaryCuts,
            Map<Dimension, List<Integer>> levels, boolean closedRight) {
        this.closedRight = closedRight;
        this.strategy = strategy;
        this.k = k;
        this.recencyCuts = recencyCuts;
        this.frequencyCuts = frequencyCuts;
        this.monetaryCuts = monetaryCuts;
        this.levels = levels;
        this.recencyBins = IntBins.of(recencyCuts, closedRight);
        this.frequencyBins = IntBins.of(frequencyCuts, closedRight);
        // the recency bin counts up, its score down: cell = ((k-1-rb)*k + fb)*k + mb
        this.recencyCells = cellParts(recencyBins, -k * k, (k - 1) * k * k);
        this.frequencyCells = cellParts(frequencyBins, k, 0);
    }

    /** A table's bins as parts of a cell: scale * bin + offset; null without a table. */
    private static int[] cellParts(IntBins table, int scale, int offset) {
        if (table == null) {
            return null;
        }
        int[] parts = new int[table.bins.length];
        for (int i = 0; i < parts.length; i++) {
            parts[i] = table.bins[i] * scale + offset;
        }
        return parts;
    }

    /** The strategies whose models are cut-point models, and whether their bins are closed on the right. */
    private static final Map<String, Boolean> STRATEGIES = Map.of(QuantileStrategy.NAME, true,
            EqualCountStrategy.NAME, true, FixedStrategy.NAME, true, RfmPackageStrategy.NAME, false);

    static CutPointModel of(String strategy, int k, Map<Dimension, double[]> cutPoints,
            Map<Dimension, List<Integer>> levelsInUse) {
        java.util.Objects.requireNonNull(strategy, "strategy");
        Boolean closedRight = STRATEGIES.get(strategy);
        if (closedRight == null) {
            throw new IllegalArgumentException("strategy must be one of " + new java.util.TreeSet<>(STRATEGIES.keySet())
                    + " (was \"" + strategy + "\")");
        }
        if (k < 2 || k > RfmScore.MAX_BINS) {
            throw new IllegalArgumentException("bins must be between 2 and " + RfmScore.MAX_BINS + " (was " + k + ")");
        }
        Map<Dimension, List<Integer>> levels = new EnumMap<>(Dimension.class);
        double[][] cuts = new double[3][];
        for (Dimension d : Dimension.values()) {
            cuts[d.ordinal()] = checkCuts(strategy, k, d, cutPoints.get(d));
            levels.put(d, checkLevels(k, d, levelsInUse.get(d)));
        }
        return new CutPointModel(strategy, k, cuts[0], cuts[1], cuts[2], Collections.unmodifiableMap(levels),
                closedRight);
    }

    private static double[] checkCuts(String strategy, int k, Dimension d, double[] cuts) {
        if (cuts == null || cuts.length != k - 1) {
            throw new IllegalArgumentException(d.letter() + ": " + k + " bins need " + (k - 1) + " cut points (was "
                    + (cuts == null ? "none" : cuts.length) + ")");
        }
        boolean strict = strategy.equals(FixedStrategy.NAME);
        for (int i = 0; i < cuts.length; i++) {
            if (Double.isNaN(cuts[i]) || Double.isInfinite(cuts[i]) && !strategy.equals(EqualCountStrategy.NAME)) {
                throw new IllegalArgumentException(d.letter() + ": cut point " + (i + 1) + " must be a finite number (was "
                        + cuts[i] + ")");
            }
            if (i > 0 && (strict ? cuts[i] <= cuts[i - 1] : cuts[i] < cuts[i - 1])) {
                throw new IllegalArgumentException(d.letter() + ": cut points must be " + (strict ? "strictly " : "")
                        + "ascending (" + cuts[i - 1] + " then " + cuts[i] + ")");
            }
        }
        return cuts.clone();
    }

    private static List<Integer> checkLevels(int k, Dimension d, List<Integer> levels) {
        if (levels == null || levels.isEmpty()) {
            throw new IllegalArgumentException(d.letter() + ": at least one level must be in use");
        }
        for (int i = 0; i < levels.size(); i++) {
            Integer level = levels.get(i);
            if (level == null || level < 1 || level > k) {
                throw new IllegalArgumentException(d.letter() + ": levels in use must be between 1 and " + k + " (was "
                        + level + ")");
            }
            if (i > 0 && level <= levels.get(i - 1)) {
                throw new IllegalArgumentException(d.letter() + ": levels in use must be strictly ascending ("
                        + levels.get(i - 1) + " then " + level + ")");
            }
        }
        return List.copyOf(levels);
    }

    /** The levels in use of fitted bins, given the number of fitting values per bin and dimension. */
    static Map<Dimension, List<Integer>> levels(int k, long[] recencyBins, long[] frequencyBins, long[] monetaryBins) {
        Map<Dimension, List<Integer>> levels = new EnumMap<>(Dimension.class);
        levels.put(Dimension.RECENCY, levelsOf(Dimension.RECENCY, k, recencyBins));
        levels.put(Dimension.FREQUENCY, levelsOf(Dimension.FREQUENCY, k, frequencyBins));
        levels.put(Dimension.MONETARY, levelsOf(Dimension.MONETARY, k, monetaryBins));
        return Collections.unmodifiableMap(levels);
    }

    private static List<Integer> levelsOf(Dimension d, int k, long[] binCounts) {
        List<Integer> used = new ArrayList<>();
        for (int score = 1; score <= k; score++) {
            int bin = d == Dimension.RECENCY ? k - score : score - 1;
            if (binCounts[bin] > 0) {
                used.add(score);
            }
        }
        return List.copyOf(used);
    }

    /** The bin of a value: the number of cut points strictly below it. */
    static int bin(double[] cuts, double x) {
        int b = 0;
        for (double c : cuts) {
            b += c < x ? 1 : 0;
        }
        return b;
    }

    /** The bin of a value under left-closed bins: the number of cut points at or below it. */
    static int binClosedLeft(double[] cuts, double x) {
        int b = 0;
        for (double c : cuts) {
            b += c <= x ? 1 : 0;
        }
        return b;
    }

    private int binOf(double[] cuts, double x) {
        return closedRight ? bin(cuts, x) : binClosedLeft(cuts, x);
    }

    @Override
    public String strategy() {
        return strategy;
    }

    @Override
    public int bins() {
        return k;
    }

    @Override
    public double[] cutPoints(Dimension dimension) {
        return cuts(dimension).clone();
    }

    private double[] cuts(Dimension dimension) {
        return switch (dimension) {
            case RECENCY -> recencyCuts;
            case FREQUENCY -> frequencyCuts;
            case MONETARY -> monetaryCuts;
        };
    }

    @Override
    public boolean closedRight() {
        return closedRight;
    }

    @Override
    public List<Integer> levelsInUse(Dimension dimension) {
        return levels.get(dimension);
    }

    @Override
    public RfmScore score(int recencyDays, int frequency, double monetary) {
        checkMonetary(monetary);
        return new RfmScore(k - binOf(recencyCuts, recencyDays), binOf(frequencyCuts, frequency) + 1,
                binOf(monetaryCuts, monetary) + 1);
    }

    private static void checkMonetary(double monetary) {
        if (Double.isNaN(monetary)) {
            throw new IllegalArgumentException("monetary must be a number (was NaN)");
        }
    }

    /**
     * {@link #scoreAll} of a table's columns, the same scores: each row's cell the fast way
     * ({@link #scoreCells}), then split into the three scores.
     */
    RfmScores scoreColumns(int[] recencyDays, int[] frequency, double[] monetary) {
        int[] cells = new int[recencyDays.length];
        scoreCells(recencyDays, frequency, monetary, cells);
        return RfmScores.ofCells(k, cells);
    }

    @Override
    public RfmScores scoreAll(CustomerTable customers) {
        int[] cells = new int[customers.size()];
        for (int i = 0; i < cells.length; i++) {
            cells[i] = RfmScores.cellOf(k, k - binOf(recencyCuts, customers.recencyDays(i)),
                    binOf(frequencyCuts, customers.frequency(i)) + 1, binOf(monetaryCuts, customers.monetary(i)) + 1);
        }
        return RfmScores.ofCells(k, cells);
    }

    @Override
    public void scoreCells(int[] recencyDays, int[] frequency, double[] monetary, int[] cells) {
        int n = recencyDays.length;
        if (frequency.length != n || monetary.length != n) {
            throw new IllegalArgumentException("columns must have the same length (recency " + n + ", frequency "
                    + frequency.length + ", monetary " + monetary.length + ")");
        }
        if (cells.length < n) {
            throw new IllegalArgumentException("cells must hold " + n + " values (was " + cells.length + ")");
        }
        int kk = k * k;
        int top = (k - 1) * kk;
        if (k <= 5 && recencyCells != null && frequencyCells != null) {
            scoreByTables(recencyDays, frequency, monetary, cells, n);
            return;
        }
        if (k <= 5) {
            scoreUpToFiveBins(recencyDays, frequency, monetary, cells, n, kk, top);
            return;
        }
        if (!closedRight) {
            for (int i = 0; i < n; i++) {
                checkMonetary(monetary[i]);
                cells[i] = top - binClosedLeft(recencyCuts, recencyDays[i]) * kk
                        + binClosedLeft(frequencyCuts, frequency[i]) * k + binClosedLeft(monetaryCuts, monetary[i]);
            }
            return;
        }
        for (int i = 0; i < n; i++) {
            double mv = monetary[i];
            if (Double.isNaN(mv)) {
                checkMonetary(mv);
            }
            cells[i] = top - bin(recencyCuts, recencyDays[i]) * kk + bin(frequencyCuts, frequency[i]) * k
                    + bin(monetaryCuts, mv);
        }
    }

    /**
     * The usual case: at most five bins and recency and frequency cut points within a table's width.
     * Recency and frequency are looked up (clamped into the table, so any int is served) as ready-made
     * parts of the cell; money takes four branch-free comparisons (missing cut points as infinity).
     * A NaN is looked for once the loop is done.
     */
    private void scoreByTables(int[] recencyDays, int[] frequency, double[] monetary, int[] cells, int n) {
        int[] rt = recencyCells;
        int rlo = recencyBins.lo;
        int rhi = recencyBins.hi;
        int[] ft = frequencyCells;
        int flo = frequencyBins.lo;
        int fhi = frequencyBins.hi;
        double m0 = cut(monetaryCuts, 0);
        double m1 = cut(monetaryCuts, 1);
        double m2 = cut(monetaryCuts, 2);
        double m3 = cut(monetaryCuts, 3);
        boolean nan = false;
        if (closedRight) {
            for (int i = 0; i < n; i++) {
                double m = monetary[i];
                nan |= m != m;
                int mb = (m0 < m ? 1 : 0) + (m1 < m ? 1 : 0) + (m2 < m ? 1 : 0) + (m3 < m ? 1 : 0);
                cells[i] = rt[Math.min(Math.max(recencyDays[i], rlo), rhi) - rlo]
                        + ft[Math.min(Math.max(frequency[i], flo), fhi) - flo] + mb;
            }
        } else {
            for (int i = 0; i < n; i++) {
                double m = monetary[i];
                nan |= m != m;
                int mb = (m0 <= m ? 1 : 0) + (m1 <= m ? 1 : 0) + (m2 <= m ? 1 : 0) + (m3 <= m ? 1 : 0);
                cells[i] = rt[Math.min(Math.max(recencyDays[i], rlo), rhi) - rlo]
                        + ft[Math.min(Math.max(frequency[i], flo), fhi) - flo] + mb;
            }
        }
        if (nan) {
            for (int i = 0; i < n; i++) {
                checkMonetary(monetary[i]);
            }
        }
    }

    /**
     * At most five bins with a cut point too wide for a table: the four cut points of each dimension held in locals (missing
     * ones as infinity, which no value reaches), twelve comparisons a row, and no branch or call in
     * the loop, which lets the compiler vectorise it; a NaN is looked for once the loop is done.
     */
    private void scoreUpToFiveBins(int[] recencyDays, int[] frequency, double[] monetary, int[] cells, int n, int kk,
            int top) {
        double r0 = cut(recencyCuts, 0);
        double r1 = cut(recencyCuts, 1);
        double r2 = cut(recencyCuts, 2);
        double r3 = cut(recencyCuts, 3);
        double f0 = cut(frequencyCuts, 0);
        double f1 = cut(frequencyCuts, 1);
        double f2 = cut(frequencyCuts, 2);
        double f3 = cut(frequencyCuts, 3);
        double m0 = cut(monetaryCuts, 0);
        double m1 = cut(monetaryCuts, 1);
        double m2 = cut(monetaryCuts, 2);
        double m3 = cut(monetaryCuts, 3);
        boolean nan = false;
        if (closedRight) {
            for (int i = 0; i < n; i++) {
                double r = recencyDays[i];
                double f = frequency[i];
                double m = monetary[i];
                nan |= m != m;
                int rb = (r0 < r ? 1 : 0) + (r1 < r ? 1 : 0) + (r2 < r ? 1 : 0) + (r3 < r ? 1 : 0);
                int fb = (f0 < f ? 1 : 0) + (f1 < f ? 1 : 0) + (f2 < f ? 1 : 0) + (f3 < f ? 1 : 0);
                int mb = (m0 < m ? 1 : 0) + (m1 < m ? 1 : 0) + (m2 < m ? 1 : 0) + (m3 < m ? 1 : 0);
                cells[i] = top - rb * kk + fb * k + mb;
            }
        } else {
            for (int i = 0; i < n; i++) {
                double r = recencyDays[i];
                double f = frequency[i];
                double m = monetary[i];
                nan |= m != m;
                int rb = (r0 <= r ? 1 : 0) + (r1 <= r ? 1 : 0) + (r2 <= r ? 1 : 0) + (r3 <= r ? 1 : 0);
                int fb = (f0 <= f ? 1 : 0) + (f1 <= f ? 1 : 0) + (f2 <= f ? 1 : 0) + (f3 <= f ? 1 : 0);
                int mb = (m0 <= m ? 1 : 0) + (m1 <= m ? 1 : 0) + (m2 <= m ? 1 : 0) + (m3 <= m ? 1 : 0);
                cells[i] = top - rb * kk + fb * k + mb;
            }
        }
        if (nan) {
            for (int i = 0; i < n; i++) {
                checkMonetary(monetary[i]);
            }
        }
    }

    private static double cut(double[] cuts, int i) {
        return i < cuts.length ? cuts[i] : Double.POSITIVE_INFINITY;
    }

    @Override
    public String toString() {
        return "ScoringModel[strategy=" + strategy + ", bins=" + k + (closedRight ? "" : ", closed left")
                + ", R=" + java.util.Arrays.toString(recencyCuts)
                + ", F=" + java.util.Arrays.toString(frequencyCuts) + ", M="
                + java.util.Arrays.toString(monetaryCuts) + "]";
    }
}
