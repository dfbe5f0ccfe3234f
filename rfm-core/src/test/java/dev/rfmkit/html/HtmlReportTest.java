package dev.rfmkit.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rfmkit.RfmAnalysis;
import dev.rfmkit.RfmResult;
import dev.rfmkit.order.IngestionOptions;
import dev.rfmkit.segment.Segment;
import dev.rfmkit.segment.SegmentScheme;
import dev.rfmkit.testing.Tables;
import java.io.StringWriter;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

final class HtmlReportTest {
    private static RfmResult result(SegmentScheme scheme) {
        return RfmAnalysis.builder().ingestion(IngestionOptions.defaults().withAsOf(Tables.AS_OF)).scheme(scheme)
                .build().run(Tables.lines(List.of(Tables.spec("1", 1, 3, "1234.56"), Tables.spec("2", 2, 2, "100"),
                        Tables.spec("3", 400, 1, "10"), Tables.spec("4", 500, 1, "30"), Tables.spec("5", 40, 2, "75"))));
    }

    @Test
    void page_isSelfContainedAndNamesEverySegment() throws Exception {
        String html = HtmlReport.of(result(SegmentScheme.twelve())).withSource("orders.csv").render();
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertTrue(html.contains("default-src 'none'"));
        for (String forbidden : List.of("http:", "https:", "<script", "<link", "src=", "href=", "url(", "@import")) {
            assertFalse(html.contains(forbidden), forbidden);
        }
        for (Segment s : SegmentScheme.twelve().segmentsWithOverlay()) {
            assertTrue(html.contains("data-segment=\"" + s.id() + "\""), s.id());
        }
        assertTrue(html.contains("Champions"));
        assertTrue(html.contains("<b>1,449.56</b><span>Revenue</span>"), html);
        assertTrue(html.contains("<b>5</b><span>Customers</span>"));
        assertTrue(html.contains("orders.csv"));
        assertTrue(html.contains("Do not")); // an action of the twelve texts
        assertEquals(25, Pattern.compile("<td style=\"background:").matcher(html).results().count()); // 5 x 5 cells
        StringWriter w = new StringWriter();
        HtmlReport.of(result(SegmentScheme.twelve())).withSource("orders.csv").write(w);
        assertEquals(html, w.toString());
    }

    @Test
    void german_labelsTextsAndNumbers() {
        String html = HtmlReport.of(result(SegmentScheme.twelve())).withLocale(Locale.GERMAN).render();
        assertTrue(html.contains("<html lang=\"de\">"));
        assertTrue(html.contains("<b>1.449,56</b><span>Umsatz</span>"), html);
        assertTrue(html.contains("Kunden"));
        assertTrue(html.contains("Stichtag"));
    }

    @Test
    void dataTexts_areEscaped() {
        SegmentScheme odd = SegmentScheme.builder("odd <b>", 5)
                .where(new Segment("X", "<script>alert(1)</script> & \"q\""), "r >= 3")
                .fallback(Segment.named("Rest"))
                .build();
        String html = HtmlReport.of(result(odd)).withSource("a<b>.csv").render();
        assertFalse(html.contains("<script>"));
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;q&quot;"));
        assertTrue(html.contains("a&lt;b&gt;.csv"));
        assertTrue(html.contains("odd &lt;b&gt;"));
    }
}
