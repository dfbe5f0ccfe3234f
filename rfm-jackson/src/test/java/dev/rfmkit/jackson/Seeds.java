package dev.rfmkit.jackson;

/** Seeds for the property tests of this module. */
final class Seeds {
    private Seeds() {
    }

    /** The seeds 1 to n. */
    static long[] upTo(int n) {
        long[] seeds = new long[n];
        for (int i = 0; i < n; i++) {
            seeds[i] = i + 1;
        }
        return seeds;
    }
}
