package dev.rfmkit.cli;

import dev.rfmkit.RfmResult;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code rfm fit}: fits a model to an orders file and saves it, with its scheme and options, for
 * {@code rfm segment --model} to score with later.
 */
@Command(name = "fit", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Fit a scoring model to an orders file and save it as JSON.")
final class FitCommand extends AnalysisCommand {
    @Option(names = "--model-out", paramLabel = "FILE", required = true,
            description = "Where to save the model (JSON: strategy, cut points or clusters, scheme, options).")
    Path modelOut;

    @Override
    String name() {
        return "fit";
    }

    @Override
    public Integer call() throws IOException {
        RfmResult result = analyse();
        SavedModel.write(new SavedModel(result.model(), result.scheme(), monetary(), input.returns()), modelOut);
        System.err.println("model saved to " + modelOut);
        outputWritten();
        return RfmCommand.OK;
    }
}
