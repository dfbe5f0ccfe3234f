package dev.rfmkit.cli;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.rfmkit.jackson.RejectListener;
import dev.rfmkit.order.ExclusionReason;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The {@code --rejects} file: every skipped line as CSV {@code line,reason,content}; or nothing. */
final class RejectsFile implements RejectListener, AutoCloseable {
    private final SequenceWriter rows;

    private RejectsFile(SequenceWriter rows) {
        this.rows = rows;
    }

    static RejectsFile open(Path path) throws IOException {
        if (path == null) {
            return new RejectsFile(null);
        }
        CsvSchema schema = CsvSchema.builder().addColumn("line").addColumn("reason").addColumn("content").build()
                .withHeader().withLineSeparator("\n");
        BufferedWriter writer = Files.newBufferedWriter(path, StandardCharsets.UTF_8);
        return new RejectsFile(new CsvMapper().writerFor(String[].class).with(schema).writeValues(writer));
    }

    @Override
    public void rejected(long line, ExclusionReason reason, Optional<String> column, String message, String content) {
        if (rows == null) {
            return;
        }
        try {
            // 0: a record without a line number (split by another reader)
            rows.write(new String[] {line == 0 ? "" : Long.toString(line), reason.code(), content});
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        if (rows != null) {
            rows.close();
        }
    }
}
