package dev.rfmkit.html;

import dev.rfmkit.RfmResult;
import dev.rfmkit.report.RfmMatrix;
import dev.rfmkit.report.SegmentSummary;
import dev.rfmkit.segment.Segment;
import dev.rfmkit.segment.SegmentText;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.ResourceBundle;

/**
 * The RFM report of a result as one self-contained HTML page: headline numbers (customers, orders,
 * revenue, as-of date, strategy, scheme), the segment table, bars of each segment's share of
 * customers and of revenue, the recency x frequency heat map, and for each segment its description
 * and recommended actions from the scheme's texts.
 *
 * <p>The page has inline CSS and SVG only: no script, no font, image or style sheet from elsewhere,
 * and a content security policy that forbids loading any. It reads at desktop and phone widths, its
 * colours (a single-hue blue scale and the Okabe-Ito blue and orange) stay apart for colour-blind
 * readers, and numbers and labels follow the locale (English by default; German with
 * {@code Locale.GERMAN}). Every text from the data is escaped.
 *
 * <p>Immutable: {@code with...} methods return new reports.
 */
public final class HtmlReport {
    private static final String CSS = """
            :root{--ink:#1b1f24;--muted:#57606a;--line:#d0d7de;--blue:#0072B2;--orange:#E69F00}
            *{box-sizing:border-box}
            body{margin:0;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:var(--ink);background:#fff}
            main{max-width:1180px;margin:0 auto;padding:24px 20px 40px}
            h1{font-size:1.7em;margin:0 0 4px}
            h2{font-size:1.25em;margin:32px 0 10px;border-bottom:1px solid var(--line);padding-bottom:4px}
            .meta{color:var(--muted);margin:0 0 18px}
            .cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(170px,1fr));gap:12px}
            .card{border:1px solid var(--line);border-radius:8px;padding:12px 14px}
            .card b{display:block;font-size:1.5em}
            .card span{color:var(--muted)}
            .scroll{overflow-x:auto}
            table{border-collapse:collapse;width:100%;font-variant-numeric:tabular-nums}
            th,td{padding:6px 8px;border-bottom:1px solid var(--line);text-align:right;white-space:nowrap}
            th:first-child,td:first-child{text-align:left}
            thead th{background:#f6f8fa;white-space:normal;vertical-align:bottom}
            tr.total td{font-weight:600;border-top:2px solid var(--ink)}
            .note{color:var(--muted);font-size:.9em}
            .legend span{display:inline-block;width:12px;height:12px;margin:0 4px 0 12px;vertical-align:-1px}
            table.matrix td{text-align:center;min-width:84px;border:2px solid #fff}
            table.matrix td small{display:block;font-size:.8em}
            table.matrix th{text-align:center}
            .segments{display:grid;grid-template-columns:repeat(auto-fit,minmax(300px,1fr));gap:12px}
            .segments section{border:1px solid var(--line);border-radius:8px;padding:10px 14px}
            .segments h3{margin:0 0 4px;font-size:1.05em}
            .segments p{margin:4px 0}
            .segments ul{margin:4px 0 0;padding-left:20px}
            footer{margin-top:36px;color:var(--muted);font-size:.85em}
            @media (max-width:600px){body{font-size:14px}main{padding:14px 10px}th,td{padding:5px 6px}}
            """;

    private final RfmResult result;
    private final Locale locale;
    private final String source;
    private final java.util.Map<String, Double> predicted;

    private HtmlReport(RfmResult result, Locale locale, String source, java.util.Map<String, Double> predicted) {
        this.result = result;
        this.locale = locale;
        this.source = source;
        this.predicted = predicted;
    }

    /**
     * The report of a result, in English.
     *
     * @param result the scored customers
     * @return the report
     */
    public static HtmlReport of(RfmResult result) {
        return new HtmlReport(Objects.requireNonNull(result, "result"), Locale.ENGLISH, null, null);
    }

    /**
     * The same report in another locale: labels (English or German; others fall back to English),
     * segment texts and number formats.
     *
     * @param locale the locale
     * @return a new report
     */
    public HtmlReport withLocale(Locale locale) {
        return new HtmlReport(result, Objects.requireNonNull(locale, "locale"), source, predicted);
    }

    /**
     * The same report naming where the orders came from.
     *
     * @param sourceName the name of the orders, such as the file name
     * @return a new report
     */
    public HtmlReport withSource(String sourceName) {
        return new HtmlReport(result, locale, Objects.requireNonNull(sourceName, "sourceName"), predicted);
    }

    /**
     * The same report with each segment's predicted lifetime value (the sum over its customers, such
     * as the CLV of the rfm-clv module), shown as a column of the segment table.
     *
     * @param valueBySegment predicted value by segment id; segments not in it show "-"
     * @return a new report
     */
    public HtmlReport withPredictedValue(java.util.Map<String, Double> valueBySegment) {
        return new HtmlReport(result, locale, source, java.util.Map.copyOf(valueBySegment));
    }

    /**
     * Writes the page to a file, UTF-8.
     *
     * @param file the file, replaced
     * @throws IOException if writing fails
     */
    public void write(Path file) throws IOException {
        Files.writeString(file, render(), StandardCharsets.UTF_8);
    }

    /**
     * Writes the page.
     *
     * @param out where to write; not closed
     * @throws IOException if writing fails
     */
    public void write(Writer out) throws IOException {
        out.write(render());
        out.flush();
    }

    /**
     * The page.
     *
     * @return the HTML document
     */
    public String render() {
        ResourceBundle labels = ResourceBundle.getBundle("dev.rfmkit.html.labels", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        Page p = new Page(labels, locale);
        SegmentSummary summary = SegmentSummary.of(result);
        SegmentSummary.Row total = summary.total();
        StringBuilder h = p.out;
        h.append("<!DOCTYPE html>\n<html lang=\"").append(esc(locale.getLanguage().isEmpty() ? "en"
                : locale.getLanguage())).append("\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                        + "style-src 'unsafe-inline'; img-src data:\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
                .append(esc(p.label("title"))).append(" \u2013 ").append(result.asOf()).append("</title>\n<style>\n")
                .append(CSS).append("</style>\n</head>\n<body>\n<main>\n");
        h.append("<h1>").append(esc(p.label("title"))).append("</h1>\n<p class=\"meta\">")
                .append(esc(p.label("asOf"))).append(' ').append(result.asOf()).append(" \u00b7 ")
                .append(esc(p.label("strategy"))).append(' ').append(esc(result.model().strategy())).append(" \u00b7 ")
                .append(esc(p.label("scheme"))).append(' ').append(esc(result.scheme().name()));
        if (source != null) {
            h.append(" \u00b7 ").append(esc(p.label("source"))).append(' ').append(esc(source));
        }
        h.append("</p>\n<div class=\"cards\">\n");
        card(h, p.integer(total.customers()), p.label("customers"));
        card(h, p.integer(total.orders()), p.label("orders"));
        card(h, p.money(total.revenue()), p.label("revenue"));
        card(h, p.money(total.averageOrderValue()), p.label("aov"));
        h.append("</div>\n");
        segmentTable(p, summary);
        bars(p, summary);
        matrix(p, RfmMatrix.of(result));
        texts(p, summary);
        h.append("<footer>").append(esc(p.label("generated"))).append("</footer>\n</main>\n</body>\n</html>\n");
        return h.toString();
    }

    private static void card(StringBuilder h, String value, String label) {
        h.append("<div class=\"card\"><b>").append(esc(value)).append("</b><span>").append(esc(label))
                .append("</span></div>\n");
    }

    private String name(Segment s) {
        return result.scheme().texts().get(s.id(), locale).map(SegmentText::name).orElse(s.displayName());
    }

    private void segmentTable(Page p, SegmentSummary summary) {
        StringBuilder h = p.out;
        h.append("<h2>").append(esc(p.label("segmentsHeading"))).append("</h2>\n<div class=\"scroll\">\n")
                .append("<table class=\"summary\">\n<thead><tr>");
        for (String key : new String[] {"segment", "customers", "share", "revenue", "revenueShare", "recency",
            "frequency", "monetary", "aov"}) {
            h.append("<th>").append(esc(p.label(key))).append("</th>");
        }
        if (predicted != null) {
            h.append("<th>").append(esc(p.label("predicted"))).append("</th>");
        }
        h.append("</tr></thead>\n<tbody>\n");
        for (SegmentSummary.Row r : summary.rows()) {
            Segment s = r.segment().orElseThrow();
            h.append("<tr data-segment=\"").append(esc(s.id())).append("\">");
            row(p, h, name(s), r, predicted == null ? null : predicted.getOrDefault(s.id(), Double.NaN));
        }
        h.append("<tr class=\"total\">");
        row(p, h, p.label("total"), summary.total(), predicted == null ? null
                : predicted.values().stream().mapToDouble(Double::doubleValue).sum());
        h.append("</tbody>\n</table>\n</div>\n<p class=\"note\">").append(esc(p.label("averagesNote")))
                .append("</p>\n");
    }

    private static void row(Page p, StringBuilder h, String name, SegmentSummary.Row r, Double predicted) {
        h.append("<td>").append(esc(name)).append("</td><td>").append(p.integer(r.customers())).append("</td><td>")
                .append(p.percent(r.customerShare())).append("</td><td>").append(p.money(r.revenue()))
                .append("</td><td>").append(p.percent(r.revenueShare())).append("</td><td>")
                .append(p.decimal(r.meanRecency(), 1)).append("</td><td>").append(p.decimal(r.meanFrequency(), 2))
                .append("</td><td>").append(p.decimal(r.meanMonetary(), 2)).append("</td><td>")
                .append(r.customers() == 0 ? "\u2013" : p.money(r.averageOrderValue())).append("</td>");
        if (predicted != null) {
            h.append("<td>").append(p.decimal(predicted, 2)).append("</td>");
        }
        h.append("</tr>\n");
    }

    /** Two bars per segment, as inline SVG: share of customers (blue) and of revenue (orange). */
    private void bars(Page p, SegmentSummary summary) {
        StringBuilder h = p.out;
        int rows = summary.rows().size();
        int labelWidth = 210;
        int barWidth = 520;
        int rowHeight = 30;
        h.append("<h2>").append(esc(p.label("barsHeading"))).append("</h2>\n<p class=\"legend note\">")
                .append("<span style=\"background:var(--blue)\"></span>").append(esc(p.label("customerShare")))
                .append("<span style=\"background:var(--orange)\"></span>").append(esc(p.label("revenue")))
                .append("</p>\n<div class=\"scroll\">\n<svg role=\"img\" "
                        + "width=\"100%\" viewBox=\"0 0 ")
                .append(labelWidth + barWidth + 80).append(' ').append(rows * rowHeight + 4)
                .append("\" style=\"min-width:520px;max-width:")
                .append(labelWidth + barWidth + 80).append("px;font:12px system-ui,sans-serif\">\n");
        int y = 2;
        for (SegmentSummary.Row r : summary.rows()) {
            String name = name(r.segment().orElseThrow());
            double c = Math.max(0, r.customerShare());
            double v = Math.max(0, r.revenueShare());
            h.append("<text x=\"0\" y=\"").append(y + 17).append("\">").append(esc(name)).append("</text>")
                    .append("<rect x=\"").append(labelWidth).append("\" y=\"").append(y + 3).append("\" width=\"")
                    .append(fmt(barWidth * c)).append("\" height=\"11\" fill=\"#0072B2\"/>")
                    .append("<rect x=\"").append(labelWidth).append("\" y=\"").append(y + 15).append("\" width=\"")
                    .append(fmt(barWidth * v)).append("\" height=\"11\" fill=\"#E69F00\"/>")
                    .append("<text x=\"").append(fmt(labelWidth + barWidth * Math.max(c, v) + 6)).append("\" y=\"")
                    .append(y + 19).append("\" fill=\"#57606a\">").append(p.percent(c)).append(" / ")
                    .append(p.percent(v)).append("</text>\n");
            y += rowHeight;
        }
        h.append("</svg>\n</div>\n");
    }

    /** The R x F grid as a table whose cells are coloured by customers, showing count and revenue. */
    private void matrix(Page p, RfmMatrix m) {
        StringBuilder h = p.out;
        int k = m.bins();
        long max = Math.max(1, m.maxCustomers());
        h.append("<h2>").append(esc(p.label("matrixHeading"))).append("</h2>\n<div class=\"scroll\">\n")
                .append("<table class=\"matrix\">\n<thead><tr><th>R \\ F</th>");
        for (int f = 1; f <= k; f++) {
            h.append("<th>F ").append(f).append("</th>");
        }
        h.append("</tr></thead>\n<tbody>\n");
        for (int r = k; r >= 1; r--) {
            h.append("<tr><th>R ").append(r).append("</th>");
            for (int f = 1; f <= k; f++) {
                RfmMatrix.Cell cell = m.cell(r, f);
                double t = Math.sqrt((double) cell.customers() / max);
                h.append("<td style=\"background:").append(blue(t)).append(";color:")
                        .append(t > 0.55 ? "#fff" : "#1b1f24").append("\">").append(p.integer(cell.customers()))
                        .append("<small>").append(p.money(cell.revenue())).append("</small></td>");
            }
            h.append("</tr>\n");
        }
        h.append("</tbody>\n</table>\n</div>\n<p class=\"note\">").append(esc(p.label("matrixNote"))).append("</p>\n");
    }

    /** A light-to-dark blue for t in 0..1 (ColorBrewer's Blues end points), readable without hue vision. */
    private static String blue(double t) {
        int r = (int) Math.round(247 + (8 - 247) * t);
        int g = (int) Math.round(251 + (48 - 251) * t);
        int b = (int) Math.round(255 + (107 - 255) * t);
        return String.format(Locale.ROOT, "#%02x%02x%02x", r, g, b);
    }

    private void texts(Page p, SegmentSummary summary) {
        StringBuilder h = p.out;
        h.append("<h2>").append(esc(p.label("actionsHeading"))).append("</h2>\n<div class=\"segments\">\n");
        for (SegmentSummary.Row r : summary.rows()) {
            Segment s = r.segment().orElseThrow();
            Optional<SegmentText> text = result.scheme().texts().get(s.id(), locale);
            h.append("<section><h3>").append(esc(name(s))).append("</h3><p class=\"note\">")
                    .append(r.customers() == 0 ? esc(p.label("noCustomers"))
                            : p.integer(r.customers()) + " " + esc(p.label("customers")) + " \u00b7 "
                            + p.money(r.revenue()))
                    .append("</p>");
            if (text.isPresent()) {
                h.append("<p>").append(esc(text.get().description())).append("</p><ul>");
                for (String action : text.get().actions()) {
                    h.append("<li>").append(esc(action)).append("</li>");
                }
                h.append("</ul>");
            }
            h.append("</section>\n");
        }
        h.append("</div>\n");
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** The page being written, with the locale's labels and number formats. */
    private static final class Page {
        final StringBuilder out = new StringBuilder(32 * 1024);
        private final ResourceBundle labels;
        private final Locale locale;

        Page(ResourceBundle labels, Locale locale) {
            this.labels = labels;
            this.locale = locale;
        }

        String label(String key) {
            return labels.getString(key);
        }

        String integer(long n) {
            return NumberFormat.getIntegerInstance(locale).format(n);
        }

        String money(BigDecimal amount) {
            NumberFormat f = NumberFormat.getNumberInstance(locale);
            f.setMinimumFractionDigits(2);
            f.setMaximumFractionDigits(2);
            f.setRoundingMode(java.math.RoundingMode.HALF_EVEN);
            return f.format(amount);
        }

        String decimal(double v, int digits) {
            if (Double.isNaN(v)) {
                return "\u2013";
            }
            NumberFormat f = NumberFormat.getNumberInstance(locale);
            f.setMinimumFractionDigits(digits);
            f.setMaximumFractionDigits(digits);
            return f.format(v);
        }

        String percent(double share) {
            NumberFormat f = NumberFormat.getPercentInstance(locale);
            f.setMinimumFractionDigits(1);
            f.setMaximumFractionDigits(1);
            return f.format(share);
        }
    }
}
