package dev.rfmkit.benchmarks;

import java.util.SplittableRandom;

/**
 * Seeded synthetic customer columns shaped like shop data, made directly (without ingestion) so that
 * ten million customers fit in a benchmark's set-up: recency in days skewed towards recent (0..729),
 * frequency geometric (most customers order once, at most 50), money the sum of that many
 * log-normal orders in whole cents.
 */
public final class SyntheticCustomers {
    final int[] recency;
    final int[] frequency;
    final double[] monetary;

    SyntheticCustomers(int n, long seed) {
        this(n, seed, false);
    }

    /** The shapes of data the fit and scoring benchmarks take as a parameter. */
    public enum Shape {
        /** Recency uniform over two years, frequency uniform 1..20, money uniform up to 1,000.00. */
        UNIFORM,
        /** Shaped like shop data: the columns described on the class. */
        SKEWED,
        /** Few distinct values: recency in 12 months' ends, frequency 1..3, money in 40 price points. */
        HEAVY_TIES
    }

    /** Customers of a shape. */
    static SyntheticCustomers of(Shape shape, int n, long seed) {
        if (shape == Shape.SKEWED) {
            return new SyntheticCustomers(n, seed);
        }
        SplittableRandom random = new SplittableRandom(seed);
        int[] recency = new int[n];
        int[] frequency = new int[n];
        double[] monetary = new double[n];
        for (int i = 0; i < n; i++) {
            if (shape == Shape.UNIFORM) {
                recency[i] = random.nextInt(730);
                frequency[i] = 1 + random.nextInt(20);
                monetary[i] = random.nextInt(1, 100_001) / 100.0;
            } else {
                recency[i] = 30 * random.nextInt(12);
                frequency[i] = 1 + random.nextInt(3);
                monetary[i] = 25.0 * (1 + random.nextInt(40)) - 0.01;
            }
        }
        return new SyntheticCustomers(recency, frequency, monetary);
    }

    private SyntheticCustomers(int[] recency, int[] frequency, double[] monetary) {
        this.recency = recency;
        this.frequency = frequency;
        this.monetary = monetary;
    }

    /**
     * The customers; with distinctMoney, each monetary value gets a random fraction of a cent, so that
     * (nearly) every value is distinct, like average order values: the worst case for sorting and
     * for the clustering of money.
     */
    SyntheticCustomers(int n, long seed, boolean distinctMoney) {
        SplittableRandom random = new SplittableRandom(seed);
        recency = new int[n];
        frequency = new int[n];
        monetary = new double[n];
        for (int i = 0; i < n; i++) {
            double u = random.nextDouble();
            recency[i] = (int) (730 * u * u);
            int orders = 1;
            while (orders < 50 && random.nextDouble() < 0.45) {
                orders++;
            }
            frequency[i] = orders;
            long cents = 0;
            for (int o = 0; o < orders; o++) {
                cents += Math.round(Math.exp(3.5 + random.nextGaussian() * 0.9) * 100);
            }
            monetary[i] = (cents + (distinctMoney ? random.nextDouble() : 0)) / 100.0;
        }
    }
}
