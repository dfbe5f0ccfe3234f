package dev.rfmkit.spark;

import org.apache.spark.sql.SparkSession;

/** A small local Spark session for tests: two cores, no UI, few shuffle partitions, and Kryo, the stricter serializer. */
final class LocalSpark {
    private LocalSpark() {
    }

    static SparkSession session() {
        return SparkSession.builder()
                .master("local[2]")
                .appName("rfmkit-tests")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "4")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.serializer", "org.apache.spark.serializer.KryoSerializer")
                .getOrCreate();
    }
}
