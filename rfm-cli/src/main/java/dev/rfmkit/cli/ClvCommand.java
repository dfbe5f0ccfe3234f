package dev.rfmkit.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rfmkit.RfmAnalysis;
import dev.rfmkit.RfmResult;
import dev.rfmkit.clv.BgNbd;
import dev.rfmkit.clv.Clv;
import dev.rfmkit.clv.ClvIngestion;
import dev.rfmkit.clv.ClvUnit;
import dev.rfmkit.clv.GammaGamma;
import dev.rfmkit.clv.PurchaseHistory;
import dev.rfmkit.html.HtmlReport;
import dev.rfmkit.jackson.OrderCsvFormat;
import dev.rfmkit.jackson.OrderCsvReader;
import dev.rfmkit.order.ExclusionReason;
import dev.rfmkit.order.IngestionOptions;
import dev.rfmkit.order.OrderDataException;
import dev.rfmkit.order.OrderIngestion;
import dev.rfmkit.order.OrderLine;
import dev.rfmkit.order.OrderSink;
import dev.rfmkit.segment.Segment;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code rfm clv}: predicted customer lifetime value (BG/NBD and Gamma-Gamma), one row per customer,
 * the fitted parameters on stderr.
 */
@Command(name = "clv", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Predict each customer's purchases, spend and lifetime value (BG/NBD and Gamma-Gamma).")
final class ClvCommand implements Callable<Integer> {
    static final String FORMAT = "rfm-clv-model";
    static final int VERSION = 1;

    @Parameters(index = "0", paramLabel = "ORDERS", description = "Orders CSV file (.gz for gzip), or - for stdin.")
    String orders;

    @Mixin
    InputOptions input = new InputOptions();

    @Option(names = "--unit", paramLabel = "UNIT", required = true, description = "Time unit: day or week.")
    String unit;

    @Option(names = "--horizon", paramLabel = "N", required = true,
            description = "Horizon of the expected purchases, in units.")
    double horizon;

    @Option(names = "--periods", paramLabel = "N", description = "CLV periods (default: 12).")
    int periods = 12;

    @Option(names = "--period-days", paramLabel = "DAYS", description = "Days per CLV period (default: 30).")
    int periodDays = 30;

    @Option(names = "--discount", paramLabel = "RATE", description = "Discount rate per period (default: 0.01).")
    double discount = 0.01;

    @Option(names = "--model-out", paramLabel = "FILE", description = "Save the fitted models as JSON.")
    Path modelOut;

    @Option(names = "--model", paramLabel = "FILE", description = "Use models saved by --model-out instead of fitting.")
    Path model;

    @Option(names = "--segments", description = "Add each customer's RFM segment (quantile, twelve) and predicted "
            + "value per segment.")
    boolean segments;

    @Option(names = "--html", paramLabel = "FILE",
            description = "With --segments: also write the HTML report with the predicted value per segment.")
    Path html;

    @Option(names = "--out", paramLabel = "FILE", description = "Output CSV file (default: stdout).")
    Path out;

    @Option(names = "--excel-safe", description = "Prefix customer ids that start with =, +, -, @ with ' for "
            + "spreadsheets.")
    boolean excelSafe;

    @Option(names = "--debug", description = "Show stack traces of errors.")
    boolean debug;

    @Override
    public Integer call() throws IOException {
        ClvUnit u;
        try {
            u = ClvUnit.of(unit);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--unit must be day or week (was \"" + unit + "\")");
        }
        LocalDate asOf = input.asOfDate();
        if (asOf == null) {
            throw new UsageException("rfm clv needs --as-of, the end of the calibration period");
        }
        if (!(horizon >= 0) || Double.isInfinite(horizon)) {
            throw new UsageException("--horizon must be 0 or more (was " + horizon + ")");
        }
        if (model != null && modelOut != null) {
            throw new UsageException("--model and --model-out cannot be used together");
        }
        if (html != null && !segments) {
            throw new UsageException("--html needs --segments");
        }
        Models models = model == null ? null : read(model, u);
        Clv clv;
        IngestionOptions options = input.ingestion(asOf, true);
        ClvIngestion history = ClvIngestion.start(options);
        RfmAnalysis analysis = segments ? RfmAnalysis.builder().ingestion(options).build() : null;
        OrderIngestion rfm = analysis == null ? null : analysis.startIngestion();
        OrderCsvFormat format = input.format();
        try (OrdersSource source = OrdersSource.open(orders, false); InputStream in = source.open()) {
            OrderCsvReader.of(format).read(in, source.name(), rfm == null ? history : tee(history, rfm),
                    dev.rfmkit.jackson.RejectListener.none());
        } catch (OrderDataException e) {
            throw new DataException(orders + ": " + e.getMessage(), e);
        }
        PurchaseHistory h;
        try {
            h = history.finish(u);
        } catch (IllegalStateException e) {
            throw new DataException(orders + ": no orders: " + e.getMessage());
        }
        if (h.size() == 0) {
            throw new DataException(orders + ": no customer has a purchase on or before " + asOf);
        }
        if (models == null) {
            try {
                models = new Models(BgNbd.fit(h), GammaGamma.fit(h), u);
            } catch (IllegalArgumentException e) {
                throw new DataException(orders + ": " + e.getMessage());
            }
        }
        try {
            clv = new Clv(models.bgnbd(), models.gammaGamma(), u, periods, periodDays, discount);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        if (modelOut != null) {
            write(models, modelOut);
        }
        RfmResult result = rfm == null ? null : analysis.analyse(rfm.finish());
        Map<String, Segment> segmentOf = new HashMap<>();
        if (result != null) {
            for (int i = 0; i < result.size(); i++) {
                segmentOf.put(result.customers().customerId(i), result.segment(i));
            }
        }
        Map<String, double[]> bySegment = new LinkedHashMap<>();
        if (result != null) {
            result.segmentCounts().forEach(c -> bySegment.put(c.segment().id(), new double[3]));
        }
        try (Writer w = out == null
                ? new BufferedWriter(new java.io.OutputStreamWriter(new java.io.FilterOutputStream(System.out) {
                    @Override
                    public void close() throws IOException {
                        flush();
                    }
                }, StandardCharsets.UTF_8), 1 << 16)
                : new BufferedWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8), 1 << 16)) {
            w.write("customer_id,frequency,recency,T,monetary_value,p_alive,expected_purchases,expected_spend,clv"
                    + (segments ? ",segment" : "") + "\n");
            for (int i = 0; i < h.size(); i++) {
                int x = h.frequency(i);
                double tx = h.recency(i);
                double age = h.age(i);
                double m = h.monetaryValue(i);
                double pAlive = models.bgnbd().probabilityAlive(x, tx, age);
                double purchases = models.bgnbd().expectedPurchases(horizon, x, tx, age);
                double spend = models.gammaGamma().expectedSpend(x, m);
                double value = clv.value(x, tx, age, m);
                String id = excelSafe ? dev.rfmkit.jackson.ScoredCustomerWriter.excelSafe(h.customerId(i))
                        : h.customerId(i);
                w.write(csvField(id) + "," + x + "," + fmt(tx) + "," + fmt(age) + ","
                        + h.monetaryValue(i, 6).toPlainString() + "," + fmt(pAlive) + "," + fmt(purchases) + ","
                        + fmt(spend) + "," + fmt(value));
                if (segments) {
                    Segment s = segmentOf.get(h.customerId(i));
                    w.write("," + (s == null ? "" : s.id()));
                    if (s != null) {
                        double[] acc = bySegment.get(s.id());
                        acc[0]++;
                        acc[1] += purchases;
                        acc[2] += value;
                    }
                }
                w.write("\n");
            }
        }
        printModels(models, h);
        if (result != null) {
            printSegments(bySegment);
            if (html != null) {
                Map<String, Double> value = new LinkedHashMap<>();
                bySegment.forEach((k, v) -> value.put(k, v[2]));
                HtmlReport.of(result).withSource(orders).withPredictedValue(value).write(html);
                System.err.println("report written to " + html);
            }
        }
        return RfmCommand.OK;
    }

    /** Sends every line to both: the lifetime-value history and the RFM ingestion see the same lines. */
    private static OrderSink tee(ClvIngestion history, OrderIngestion rfm) {
        return new OrderSink() {
            @Override
            public IngestionOptions options() {
                return history.options();
            }

            @Override
            public Optional<ExclusionReason> accept(long lineNumber, OrderLine line) {
                rfm.accept(lineNumber, line);
                return history.accept(lineNumber, line);
            }

            @Override
            public void reject(long lineNumber, ExclusionReason reason, String column, String message) {
                rfm.reject(lineNumber, reason, column, message);
                history.reject(lineNumber, reason, column, message);
            }
        };
    }

    /** A CSV field, quoted when it holds a delimiter, a quote or a line break. */
    private static String csvField(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.6f", v);
    }

    private static void printModels(Models m, PurchaseHistory h) {
        System.err.printf(Locale.ROOT, "rfm clv: %,d customers, as of %s, unit %s%n", h.size(), h.asOf(), h.unit().id());
        BgNbd b = m.bgnbd();
        System.err.printf(Locale.ROOT, "BG/NBD       r %.4f, alpha %.4f, a %.4f, b %.4f; log-likelihood %.4f (%,d customers)%n",
                b.r(), b.alpha(), b.a(), b.b(), b.logLikelihood(), b.customers());
        GammaGamma g = m.gammaGamma();
        System.err.printf(Locale.ROOT, "Gamma-Gamma  p %.4f, q %.4f, gamma %.4f; log-likelihood %.4f (%,d customers with "
                + "repeat purchases, %,d left out for zero spend); correlation of x and m %.4f%n", g.p(), g.q(), g.gamma(),
                g.logLikelihood(), g.customers(), g.zeroSpendCustomers(), g.correlation());
    }

    private static void printSegments(Map<String, double[]> bySegment) {
        System.err.printf(Locale.ROOT, "%-20s %10s %14s %16s %12s%n", "segment", "customers", "exp.purchases",
                "predicted CLV", "mean CLV");
        bySegment.forEach((id, v) -> System.err.printf(Locale.ROOT, "%-20s %,10d %,14.1f %,16.2f %12s%n", id,
                (long) v[0], v[1], v[2], v[0] == 0 ? "-" : String.format(Locale.ROOT, "%,.2f", v[2] / v[0])));
    }

    /** The saved models and the unit they were fitted in. */
    record Models(BgNbd bgnbd, GammaGamma gammaGamma, ClvUnit unit) {
    }

    static void write(Models m, Path file) throws IOException {
        ObjectNode root = PrettyJson.mapper().createObjectNode();
        root.put("format", FORMAT);
        root.put("formatVersion", VERSION);
        root.put("unit", m.unit().id());
        root.set("bgnbd", PrettyJson.mapper().valueToTree(m.bgnbd()));
        root.set("gammaGamma", PrettyJson.mapper().valueToTree(m.gammaGamma()));
        Files.writeString(file, PrettyJson.mapper().writeValueAsString(root) + "\n", StandardCharsets.UTF_8);
    }

    static Models read(Path file, ClvUnit expected) {
        JsonNode root = ModelFiles.readEnvelope(file, PrettyJson.mapper(), FORMAT, "rfm clv --model-out", VERSION,
                java.util.Set.of("format", "formatVersion", "unit", "bgnbd", "gammaGamma"));
        ClvUnit unit;
        try {
            unit = ClvUnit.of(root.path("unit").asText(""));
        } catch (IllegalArgumentException e) {
            throw new DataException(file + ": unit: " + e.getMessage());
        }
        if (unit != expected) {
            throw new UsageException("the saved models were fitted with --unit " + unit.id() + ", not " + expected.id());
        }
        try {
            return new Models(PrettyJson.mapper().treeToValue(root.path("bgnbd"), BgNbd.class),
                    PrettyJson.mapper().treeToValue(root.path("gammaGamma"), GammaGamma.class), unit);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            String message = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
            throw new DataException(file + ": " + message);
        }
    }
}
