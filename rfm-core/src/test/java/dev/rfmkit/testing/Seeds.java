package dev.rfmkit.testing;

import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/**
 * Seeds for property tests: a fixed list, so that every run covers the same cases, plus one random
 * seed per JVM, printed in the display name of every parameterized test that uses it (and once on
 * standard output) so that a failure can be reproduced by adding that seed to {@link #FIXED}.
 *
 * <p>To rerun one seed only, set the system property {@code rfmkit.seed}: then only that seed is used.
 */
public final class Seeds {
    /** Seeds run every time. */
    public static final long[] FIXED = {1L, 2L, 42L, 20240531L, 0x5DEECE66DL, -7L};

    /** This run's random seed. */
    public static final long RANDOM = randomSeed();

    private Seeds() {
    }

    private static long randomSeed() {
        String fixed = System.getProperty("rfmkit.seed");
        long seed = fixed != null ? Long.parseLong(fixed) : new SplittableRandom().nextLong();
        System.out.println("rfmkit property tests: random seed " + seed + " (rerun with -Drfmkit.seed=" + seed + ")");
        return seed;
    }

    /** The seeds of this run: the fixed ones and the random one, or only {@code rfmkit.seed} if set. */
    public static Stream<Long> seeds() {
        if (System.getProperty("rfmkit.seed") != null) {
            return Stream.of(RANDOM);
        }
        return Stream.concat(LongStream.of(FIXED).boxed(), Stream.of(RANDOM));
    }
}
