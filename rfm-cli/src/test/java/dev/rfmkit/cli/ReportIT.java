package dev.rfmkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rfm report}, {@code rfm demo} and the page they write, rendered in headless Chromium. */
final class ReportIT {
    private static final String ORDERS = RfmJar.fixture("orders.csv").toString();
    private static final Path ONLINE_RETAIL = Path.of(System.getProperty("rfm.sharedData", "../../shared/data"),
            "online_retail.csv.gz");
    private static final List<String> TWELVE = List.of("CHAMPIONS", "LOYAL", "PROMISING", "NEW", "POTENTIAL_LOYALIST",
            "NEEDS_ATTENTION", "ABOUT_TO_SLEEP", "CANT_LOSE_THEM", "AT_RISK", "HIBERNATING", "LOST", "LOST_BUT_ENGAGED");

    /** Nothing in the page may load from elsewhere. */
    static void assertSelfContained(String html) {
        for (String forbidden : List.of("http:", "https:", "<script", "<link", "src=", "href=", "url(", "@import",
                "<iframe", "<object", "<embed")) {
            assertFalse(html.contains(forbidden), "the page holds " + forbidden);
        }
        assertTrue(html.contains("Content-Security-Policy\" content=\"default-src 'none'"));
    }

    @Test
    void report_writesOneSelfContainedPage(@TempDir Path dir) throws IOException {
        Path html = dir.resolve("report.html");
        RfmJar.Run run = RfmJar.run("report", ORDERS, "--as-of", "2024-01-31", "--html", html.toString());
        assertEquals(0, run.exitCode(), run.stderr());
        assertTrue(run.stderr().contains("rfm report: "), run.stderr());
        assertTrue(run.stderr().contains("report written to " + html), run.stderr());
        String page = Files.readString(html);
        assertSelfContained(page);
        for (String id : TWELVE) {
            assertTrue(page.contains("data-segment=\"" + id + "\""), id);
        }
        assertTrue(page.contains("<b>1,335.50</b><span>Revenue</span>"), page);
        Path german = dir.resolve("bericht.html");
        assertEquals(0, RfmJar.run("report", ORDERS, "--as-of", "2024-01-31", "--html", german.toString(), "--locale",
                "de").exitCode());
        assertTrue(Files.readString(german).contains("<b>1.335,50</b><span>Umsatz</span>"));
        RfmJar.Run badLocale = RfmJar.run("report", ORDERS, "--html", german.toString(), "--locale", "fr");
        assertEquals(2, badLocale.exitCode());
        assertTrue(badLocale.stderr().contains("--locale must be en or de (was \"fr\")"), badLocale.stderr());
        assertEquals(2, RfmJar.run("report", ORDERS).exitCode()); // --html is required
    }

    @Test
    void demo_inAnEmptyDirectory_writesTheTableAndTheReport(@TempDir Path dir) throws IOException {
        RfmJar.Run run = RfmJar.runIn(dir, "demo");
        assertEquals(0, run.exitCode(), run.stderr());
        Path segments = dir.resolve("cdnow-segments.csv");
        Path report = dir.resolve("cdnow-report.html");
        assertTrue(run.stdout().contains("wrote ./cdnow-segments.csv (23570 customers)"), run.stdout());
        assertTrue(run.stdout().contains("wrote ./cdnow-report.html"), run.stdout());
        assertTrue(run.stdout().contains("total                    23,570  100.0%     2,500,315.63 100.0%"),
                run.stdout());
        assertEquals(23_571, Files.readAllLines(segments).size());
        assertSelfContained(Files.readString(report));
        Path other = dir.resolve("out");
        assertEquals(0, RfmJar.run("demo", "--out-dir", other.toString()).exitCode());
        assertTrue(Files.isRegularFile(other.resolve("cdnow-report.html")));
    }

    // the page renders to a real picture, and the loaded page holds the segment rows
    @Test
    void report_rendersInChromium(@TempDir Path dir) throws Exception {
        Optional<Chromium> chromium = Chromium.find();
        assumeTrue(chromium.isPresent(), "skipped: no Chromium (install the Debian package chromium, as .ci/run does,"
                + " or set CHROMIUM)");
        boolean onlineRetail = Files.isRegularFile(ONLINE_RETAIL);
        Path html = dir.resolve("report.html");
        RfmJar.Run run = onlineRetail
                ? RfmJar.run("report", ONLINE_RETAIL.toString(), "--customer-col", "CustomerID", "--order-col",
                        "InvoiceNo", "--date-col", "InvoiceDate", "--quantity-col", "Quantity", "--price-col",
                        "UnitPrice", "--returns", "ignore", "--as-of", "2011-12-10", "--html", html.toString())
                : RfmJar.runIn(dir, "demo") ;
        assertEquals(0, run.exitCode(), run.stderr());
        if (!onlineRetail) {
            html = dir.resolve("cdnow-report.html");
        }
        assertSelfContained(Files.readString(html));
        String dom = chromium.get().dumpDom(html, dir);
        for (String id : TWELVE) {
            assertTrue(dom.contains("data-segment=\"" + id + "\""), id + " is not in the rendered page");
        }
        assertTrue(dom.contains("Champions") && dom.contains("Hibernating"), dom);
        for (int width : new int[] {1280, 390}) {
            Path png = dir.resolve("shot-" + width + ".png");
            chromium.get().screenshot(html, png, width, 1600, dir);
            BufferedImage image = ImageIO.read(png.toFile());
            assertEquals(width, image.getWidth());
            Set<Integer> colours = new HashSet<>();
            long dark = 0;
            for (int y = 0; y < image.getHeight(); y += 2) {
                for (int x = 0; x < image.getWidth(); x += 2) {
                    int rgb = image.getRGB(x, y) & 0xffffff;
                    colours.add(rgb);
                    if (((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff) < 200) {
                        dark++;
                    }
                }
            }
            assertTrue(colours.size() > 50, "a blank page: " + colours.size() + " colours at " + width + " px");
            assertTrue(dark > 2_000, "no text or heat map drawn at " + width + " px: " + dark + " dark pixels");
        }
    }
}
