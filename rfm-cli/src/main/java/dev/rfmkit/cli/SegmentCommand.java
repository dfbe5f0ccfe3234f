package dev.rfmkit.cli;

import dev.rfmkit.RfmResult;
import dev.rfmkit.jackson.ScoredCustomerWriter;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code rfm segment}: one row per customer with metrics, scores and segment. */
@Command(name = "segment", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Score and segment every customer of an orders file.")
final class SegmentCommand extends AnalysisCommand {
    @Option(names = "--model", paramLabel = "FILE",
            description = "Score with a model saved by 'rfm fit' instead of fitting one (its scheme, monetary mode "
                    + "and returns policy come with it).")
    Path model;

    @Option(names = "--out", paramLabel = "FILE", description = "Output file (default: stdout).")
    Path out;

    @Option(names = "--format", paramLabel = "FORMAT", description = "Output format: csv (default) or jsonl.")
    ScoredCustomerWriter.Format format = ScoredCustomerWriter.Format.CSV;

    @Option(names = "--excel-safe", description = "Prefix CSV cells that start with =, +, -, @ with ' so that a "
            + "spreadsheet does not run them as formulas (off by default: ids stay joinable).")
    boolean excelSafe;

    @Override
    String name() {
        return "segment";
    }

    @Override
    public Integer call() throws IOException {
        writeRows(analyse());
        outputWritten();
        return RfmCommand.OK;
    }

    @Override
    SavedModel savedModel() {
        if (model == null) {
            return null;
        }
        String[] scoringOptions = {strategy == null ? null : "--strategy", bins == null ? null : "--bins",
            thresholds == null ? null : "--thresholds", kmeansTransform == null ? null : "--kmeans-transform"};
        for (String option : scoringOptions) {
            if (option != null) {
                throw new UsageException(option + " cannot be used with --model: the saved model fixes the scoring");
            }
        }
        SavedModel saved = SavedModel.read(model);
        if (monetary != null && monetary != saved.monetary()) {
            throw new UsageException("--monetary " + monetary.name().toLowerCase(java.util.Locale.ROOT)
                    + " differs from the saved model's (" + saved.monetary().name().toLowerCase(java.util.Locale.ROOT)
                    + ")");
        }
        if (input.returns != null && input.returns != saved.returns()) {
            throw new UsageException("--returns " + input.returns.name().toLowerCase(java.util.Locale.ROOT)
                    + " differs from the saved model's (" + saved.returns().name().toLowerCase(java.util.Locale.ROOT)
                    + ")");
        }
        return saved;
    }

    private void writeRows(RfmResult result) throws IOException {
        ScoredCustomerWriter writer = ScoredCustomerWriter.of(format).withExcelSafe(excelSafe);
        if (out == null) {
            OutputStream stdout = new BufferedOutputStream(System.out, 1 << 16);
            writer.write(result, stdout);
            stdout.flush();
        } else {
            try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(out), 1 << 16)) {
                writer.write(result, file);
            }
        }
    }
}
