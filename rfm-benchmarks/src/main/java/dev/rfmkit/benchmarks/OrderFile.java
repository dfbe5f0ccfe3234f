package dev.rfmkit.benchmarks;

import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * An orders CSV held in memory, generated once per trial ({@link SyntheticOrders}): what the reading
 * benchmarks read.
 */
@State(Scope.Benchmark)
public class OrderFile {
    /** Order lines in the file. */
    @Param({"100000", "1000000", "10000000"})
    public int size;

    /** How customers and amounts are spread. */
    @Param({"UNIFORM", "SKEWED", "HEAVY_TIES"})
    public SyntheticOrders.Shape shape;

    byte[] csv;

    /** Writes the file into memory. */
    @Setup(Level.Trial)
    public void setUp() {
        csv = SyntheticOrders.csv(size, shape, 20_261_204L);
    }
}
