package dev.rfmkit.spark;

import dev.rfmkit.jackson.OrderCsvFormat;
import java.util.Objects;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Order files read into Datasets for {@link SparkAnalysis}: every column a string, as the command
 * line reads them, so that dates and amounts are parsed by the library's rules, not Spark's.
 */
public final class SparkOrders {
    private SparkOrders() {
    }

    /**
     * Reads CSV files with a header row, in the format's delimiter: quoted fields may hold delimiters,
     * doubled quotes and line breaks (RFC 4180; Spark's default escape character, the backslash, is
     * not used), UTF-8, {@code .gz} files decompressed. Empty fields read as null, which the analysis
     * reads as empty.
     *
     * <p>Spark splits the records, not the library's reader: on well-formed files the fields are the
     * same; on malformed ones (an unclosed quote, text after a closing quote) Spark's permissive
     * parser decides, where {@code rfm segment} would hand the line to Jackson's. Files read with
     * {@code multiLine} are not split within a file: give many files, or repartition, for parallelism
     * ({@link SparkAnalysis} repartitions by customer anyway).
     *
     * @param spark the session
     * @param format the layout: its delimiter is used here, its columns and parsing rules by the analysis
     * @param paths the files or directories
     * @return the rows, all columns strings
     */
    public static Dataset<Row> readCsv(SparkSession spark, OrderCsvFormat format, String... paths) {
        Objects.requireNonNull(spark, "spark");
        Objects.requireNonNull(format, "format");
        return spark.read()
                .option("header", "true")
                .option("inferSchema", "false")
                .option("multiLine", "true")
                .option("quote", "\"")
                .option("escape", "\"")
                .option("sep", String.valueOf(format.delimiter()))
                .option("encoding", "UTF-8")
                .option("mode", "PERMISSIVE")
                .csv(paths);
    }
}
