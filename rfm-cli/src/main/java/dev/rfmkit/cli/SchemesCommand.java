package dev.rfmkit.cli;

import dev.rfmkit.score.RfmScore;
import dev.rfmkit.segment.EngagementOverlay;
import dev.rfmkit.segment.SchemeValidation;
import dev.rfmkit.segment.Segment;
import dev.rfmkit.segment.SegmentRule;
import dev.rfmkit.segment.SegmentScheme;
import dev.rfmkit.segment.SegmentText;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code rfm schemes}: lists the segment schemes, or shows one as R x F grids with its validation. */
@Command(name = "schemes", mixinStandardHelpOptions = true, sortOptions = false,
        description = "List the segment schemes, or show one: its rules, R x F grids per monetary score, "
                + "its validation report and its segment texts.")
final class SchemesCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "NAME|FILE",
            description = "A built-in scheme or a scheme file (.json) to show.")
    String scheme;

    @Option(names = "--lang", paramLabel = "LANG", description = "Language of the segment texts: en (default) or de.")
    String lang = "en";

    @Override
    public Integer call() {
        PrintStream out = System.out;
        if (scheme == null) {
            list(out);
        } else {
            SegmentScheme s = SegmentScheme.builtIn(scheme).orElse(null);
            if (s == null && !java.nio.file.Files.isRegularFile(Path.of(scheme))) {
                throw new UsageException("no scheme \"" + scheme + "\": the built-in schemes are "
                        + Schemes.builtInNames() + "; or give a scheme file (.json)");
            }
            show(out, s != null ? s : Schemes.read(Path.of(scheme)), Locale.forLanguageTag(lang));
        }
        out.flush();
        return RfmCommand.OK;
    }

    private static void list(PrintStream out) {
        out.printf("%-16s %5s %9s  %s%n", "scheme", "bins", "segments", "segments, in rule order");
        for (SegmentScheme s : SegmentScheme.builtIn()) {
            out.printf("%-16s %5d %9d  %s%n", s.name(), s.bins(), s.segmentsWithOverlay().size(),
                    String.join(", ", s.segmentsWithOverlay().stream().map(Segment::id).toList()));
        }
        out.println();
        out.println("'rfm schemes NAME' shows one; '--scheme FILE.json' uses your own (see rfm-jackson/SCHEME-FORMAT.md).");
    }

    static void show(PrintStream out, SegmentScheme s, Locale locale) {
        int k = s.bins();
        out.printf("scheme %s: %d bins, %d rules%s%n", s.name(), k, s.rules().size(),
                s.fallback().map(f -> ", fallback " + f.id()).orElse(", no fallback"));
        for (EngagementOverlay.Rule r : s.overlay().rules()) {
            out.printf("overlay: %s -> %s when %s%n", r.from().id(), r.to().id(), r.when());
        }
        out.println();
        out.println("rules (first match wins):");
        List<SegmentRule> rules = s.rules();
        for (int i = 0; i < rules.size(); i++) {
            out.printf("%4d  %-22s %s%n", i + 1, rules.get(i).segment().id(), rules.get(i).describe());
        }
        Map<Segment, String> codes = abbreviations(s.segments());
        for (int m = k; m >= 1; m--) {
            out.println();
            StringBuilder header = new StringBuilder(String.format("M=%-4d", m));
            for (int f = 1; f <= k; f++) {
                header.append(String.format(" %-5s", "F=" + f));
            }
            out.println(header.toString().stripTrailing());
            for (int r = k; r >= 1; r--) {
                StringBuilder row = new StringBuilder(String.format("  R=%-2d", r));
                for (int f = 1; f <= k; f++) {
                    row.append(String.format(" %-5s", codes.get(s.classify(RfmScore.of(r, f, m)))));
                }
                out.println(row.toString().stripTrailing());
            }
        }
        out.println();
        out.println("legend:");
        codes.forEach((segment, code) -> out.printf("  %-5s %-22s %s%n", code, segment.id(), segment.displayName()));
        out.println();
        out.println("validation:");
        SchemeValidation v = s.validation();
        v.describe().forEach(line -> out.println("  " + line));
        if (v.clean()) {
            out.println("  every rule fires");
        }
        List<Segment> withTexts = s.segmentsWithOverlay().stream()
                .filter(seg -> s.text(seg, locale).isPresent()).toList();
        if (!withTexts.isEmpty()) {
            out.println();
            out.println("segments:");
            for (Segment seg : withTexts) {
                SegmentText t = s.text(seg, locale).orElseThrow();
                out.printf("%n  %s (%s)%n  %s%n", t.name(), seg.id(), t.description());
                t.actions().forEach(a -> out.println("   - " + a));
            }
        }
    }

    /** Short unique codes for the grid: initials of multi-word ids, the first three letters of others. */
    static Map<Segment, String> abbreviations(List<Segment> segments) {
        Map<Segment, String> codes = new LinkedHashMap<>();
        for (Segment s : segments) {
            String[] words = s.id().split("_");
            StringBuilder code = new StringBuilder();
            if (words.length == 1) {
                code.append(words[0], 0, Math.min(3, words[0].length()));
            } else {
                for (String w : words) {
                    if (!w.isEmpty() && code.length() < 4) {
                        code.append(w.charAt(0));
                    }
                }
            }
            String candidate = code.toString();
            for (int n = 2; codes.containsValue(candidate); n++) {
                candidate = code.substring(0, Math.min(code.length(), 4)) + n;
            }
            codes.put(s, candidate);
        }
        return codes;
    }
}
