package dev.rfmkit.benchmarks;

import java.util.SplittableRandom;

/**
 * Seeded synthetic customer columns shaped like shop data, made directly (without ingestion) so that
 * ten million customers fit in a benchmark's set-up: recency in days skewed towards recent (0..729),
 * frequency geometric (most customers order once, at most 50), money the sum of that many
 * log-normal orders in whole cents.
 */
final class SyntheticCustomers {
    final int[] recency;
    final int[] frequency;
    final double[] monetary;

    SyntheticCustomers(int n, long seed) {
        this(n, seed, false);
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
