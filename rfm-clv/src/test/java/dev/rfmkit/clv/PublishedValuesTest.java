package dev.rfmkit.clv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rfmkit.order.IngestionOptions;
import dev.rfmkit.order.OrderLine;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The published results on the CDNOW sample (2,357 customers, calibration to 1997-09-30, weeks):
 * Fader, Hardie and Lee 2005 for BG/NBD, Fader and Hardie 2013 for Gamma-Gamma. The sample is in
 * the test resources ("as distributed with public customer-lifetime-value packages", freely
 * distributed for research).
 */
final class PublishedValuesTest {
    static final LocalDate AS_OF = LocalDate.of(1997, 9, 30);
    static PurchaseHistory history;
    static BgNbd bgnbd;
    static GammaGamma gg;

    static List<OrderLine> sample() throws IOException {
        List<OrderLine> lines = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                PublishedValuesTest.class.getResourceAsStream("cdnow_sample.csv"), StandardCharsets.UTF_8))) {
            in.readLine();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] f = line.split(",");
                lines.add(OrderLine.of(f[0], LocalDate.parse(f[1]), new BigDecimal(f[3])));
            }
        }
        return lines;
    }

    @BeforeAll
    static void fit() throws IOException {
        history = PurchaseHistory.of(sample(), IngestionOptions.defaults().withAsOf(AS_OF), ClvUnit.WEEK);
        bgnbd = BgNbd.fit(history);
        gg = GammaGamma.fit(history);
    }

    private static void assertSignificant(double expected, double actual, String what) {
        assertEquals(expected, actual, Math.abs(expected) * 0.0021, what + ": " + actual);
    }

    @Test
    void history_ofCustomerOne() {
        assertEquals(2357, history.size());
        assertEquals("1", history.customerId(0));
        assertEquals(2, history.frequency(0));
        assertEquals(30.43, history.recency(0), 0.005);
        assertEquals(38.86, history.age(0), 0.005);
        assertEquals(272.0 / 7, history.age(0), 1e-12);
    }

    @Test
    void bgnbd_parametersAndLogLikelihood() {
        assertSignificant(0.243, bgnbd.r(), "r");
        assertSignificant(4.414, bgnbd.alpha(), "alpha");
        assertSignificant(0.793, bgnbd.a(), "a");
        assertSignificant(2.426, bgnbd.b(), "b");
        assertEquals(-9582.4, bgnbd.logLikelihood(), 0.05, "log-likelihood");
        assertEquals(2357, bgnbd.customers());
    }

    @Test
    void customerOne_expectsAboutOnePointTwoPurchases() {
        assertEquals(1.226, bgnbd.expectedPurchases(39, 2, history.recency(0), history.age(0)), 0.0005);
    }

    @Test
    void gammaGamma_parameters() {
        assertSignificant(6.25, gg.p(), "p");
        assertSignificant(3.74, gg.q(), "q");
        assertSignificant(15.44, gg.gamma(), "gamma");
        assertEquals(946, gg.customers());
        assertTrue(Math.abs(gg.correlation()) < 0.2, "correlation " + gg.correlation());
    }

    // each parameter moved a little either way lowers the likelihood: the fit is at a maximum
    @Test
    void fits_areAtAMaximum() {
        double[] base = {bgnbd.r(), bgnbd.alpha(), bgnbd.a(), bgnbd.b()};
        double ll = ll(base);
        for (int i = 0; i < base.length; i++) {
            for (double f : new double[] {0.999, 1.001}) {
                double[] moved = base.clone();
                moved[i] *= f;
                assertTrue(ll(moved) < ll, "BG/NBD parameter " + i + " x " + f);
            }
        }
    }

    @Test
    void gammaGamma_isAtAMaximum() {
        double[] base = {gg.p(), gg.q(), gg.gamma()};
        for (int i = 0; i < base.length; i++) {
            for (double f : new double[] {0.999, 1.001}) {
                double[] moved = base.clone();
                moved[i] *= f;
                GammaGamma other = GammaGamma.of(moved[0], moved[1], moved[2], Double.NaN, 0, 0, Double.NaN);
                assertTrue(ggLogLikelihood(other) < ggLogLikelihood(gg), "Gamma-Gamma parameter " + i + " x " + f);
            }
        }
        assertEquals(gg.logLikelihood(), ggLogLikelihood(gg), 1e-6);
    }

    /** The Gamma-Gamma log-likelihood of the sample, written out here from the definition. */
    private static double ggLogLikelihood(GammaGamma m) {
        double sum = 0;
        for (int i = 0; i < history.size(); i++) {
            int x = history.frequency(i);
            double mv = history.monetaryValue(i);
            if (x > 0 && mv > 0) {
                double px = m.p() * x;
                sum += org.apache.commons.numbers.gamma.LogGamma.value(px + m.q())
                        - org.apache.commons.numbers.gamma.LogGamma.value(px)
                        - org.apache.commons.numbers.gamma.LogGamma.value(m.q()) + m.q() * Math.log(m.gamma())
                        + (px - 1) * Math.log(mv) + px * Math.log(x) - (px + m.q()) * Math.log(m.gamma() + x * mv);
            }
        }
        return sum;
    }

    private static double ll(double[] p) {
        BgNbd m = BgNbd.of(p[0], p[1], p[2], p[3], Double.NaN, 0);
        double sum = 0;
        for (int i = 0; i < history.size(); i++) {
            sum += m.logLikelihood(history.frequency(i), history.recency(i), history.age(i));
        }
        return sum;
    }
}
