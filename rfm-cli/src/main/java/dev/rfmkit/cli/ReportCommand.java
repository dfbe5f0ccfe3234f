package dev.rfmkit.cli;

import dev.rfmkit.RfmResult;
import dev.rfmkit.html.HtmlReport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code rfm report}: the self-contained HTML report of an orders file. */
@Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Write the RFM report of an orders file as one self-contained HTML page.")
final class ReportCommand extends AnalysisCommand {
    @Option(names = "--html", paramLabel = "FILE", required = true, description = "Where to write the HTML page.")
    Path html;

    @Option(names = "--locale", paramLabel = "LANG",
            description = "Language of labels, segment texts and numbers: en (default) or de.")
    String locale = "en";

    @Override
    String name() {
        return "report";
    }

    @Override
    public Integer call() throws IOException {
        Locale l = ReportCommand.locale(locale);
        RfmResult result = analyse();
        HtmlReport.of(result).withLocale(l).withSource(orders).write(html);
        System.err.println("report written to " + html);
        outputWritten();
        return RfmCommand.OK;
    }

    static Locale locale(String tag) {
        if (!tag.equals("en") && !tag.equals("de")) {
            throw new UsageException("--locale must be en or de (was \"" + tag + "\")");
        }
        return Locale.forLanguageTag(tag);
    }
}
