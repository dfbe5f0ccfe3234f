package dev.rfmkit.cli;

import dev.rfmkit.jackson.SchemeJson;
import dev.rfmkit.segment.SegmentScheme;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

/** Finds the scheme the {@code --scheme} option names: a built-in scheme or a scheme file. */
final class Schemes {
    private Schemes() {
    }

    static SegmentScheme resolve(String nameOrFile, int bins) {
        SegmentScheme scheme = SegmentScheme.builtIn(nameOrFile).orElse(null);
        if (scheme == null) {
            if (!nameOrFile.endsWith(".json") && !Files.isRegularFile(Path.of(nameOrFile))) {
                throw new UsageException("--scheme must be one of " + builtInNames() + " or a scheme file (.json) (was \""
                        + nameOrFile + "\")");
            }
            scheme = read(Path.of(nameOrFile));
        }
        if (scheme.bins() != bins) {
            throw new UsageException("scheme " + scheme.name() + " is defined for " + scheme.bins() + " bins, not "
                    + bins);
        }
        return scheme;
    }

    static SegmentScheme read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new UsageException("no such file: " + file);
        }
        try {
            return SchemeJson.read(file);
        } catch (IOException e) {
            throw new DataException(file + ": cannot read: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            String message = e.getMessage();
            throw new DataException(message.startsWith(file.toString()) ? message : file + ": " + message, e);
        }
    }

    static String builtInNames() {
        return SegmentScheme.builtIn().stream().map(SegmentScheme::name).collect(Collectors.joining(", "));
    }
}
