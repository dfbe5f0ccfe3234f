package dev.rfmkit.clv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rfmkit.order.IngestionOptions;
import dev.rfmkit.order.OrderLine;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

final class ModelPropertiesTest {
    private static final BgNbd CDNOW = BgNbd.of(0.243, 4.414, 0.793, 2.426, Double.NaN, 0);
    private static final GammaGamma SPEND = GammaGamma.of(6.25, 3.74, 15.44, Double.NaN, 946, 0, Double.NaN);

    @Test
    void hypergeometric_againstClosedForms() {
        for (double z : new double[] {0, 0.1, 0.5, 0.9, 0.99, 0.999}) {
            double expected = z == 0 ? 1 : -Math.log1p(-z) / z;
            assertEquals(expected, Hypergeometric.f21(1, 1, 2, z), 1e-12 * expected, "2F1(1,1;2;" + z + ")");
            assertEquals(Math.pow(1 - z, -0.7), Hypergeometric.f21(0.7, 2.5, 2.5, z), 1e-11 * Math.pow(1 - z, -0.7));
            double s = Math.sqrt(z);
            double arcsin = z == 0 ? 1 : Math.asin(s) / s;
            assertEquals(arcsin, Hypergeometric.f21(0.5, 0.5, 1.5, z), 1e-12);
        }
        // a tabulated value: 2F1(1/3, 2/3; 5/6; 27/32) = 8/5
        assertEquals(1.6, Hypergeometric.f21(1.0 / 3, 2.0 / 3, 5.0 / 6, 27.0 / 32), 1e-12);
        // 2F1(1, 1; 1; z) = 1/(1-z); a negative integer numerator ends the series: 2F1(-2, b; c; z) polynomial
        assertEquals(1 / 0.25, Hypergeometric.f21(1, 1, 1, 0.75), 1e-12);
        assertEquals(1 - 2 * 3.0 / 4 * 0.5 + 2 * 3.0 * 4 / (4 * 5 * 2) * 0.25, Hypergeometric.f21(-2, 3, 4, 0.5), 1e-15);
        assertThrows(IllegalArgumentException.class, () -> Hypergeometric.f21(1, 1, 2, 1));
        assertThrows(IllegalArgumentException.class, () -> Hypergeometric.f21(1, 1, -2, 0.5));
    }

    // the transformed evaluation equals the textbook form where the textbook series is well behaved
    @Test
    void expectedPurchases_equalTheUntransformedFormula() {
        double r = CDNOW.r();
        double alpha = CDNOW.alpha();
        double a = CDNOW.a();
        double b = CDNOW.b();
        for (int x : new int[] {0, 1, 2, 5}) {
            for (double t : new double[] {1, 10, 39, 78}) {
                double tx = x == 0 ? 0 : 20;
                double age = 38.86;
                double z = t / (alpha + age + t);
                double direct = (a + b + x - 1) / (a - 1) * (1 - Math.pow((alpha + age) / (alpha + age + t), r + x)
                        * Hypergeometric.f21(r + x, b + x, a + b + x - 1, z)) * CDNOW.probabilityAlive(x, tx, age);
                assertEquals(direct, CDNOW.expectedPurchases(t, x, tx, age), 1e-10 * Math.abs(direct), x + " " + t);
            }
        }
    }

    @Test
    void extremeCustomers_stayFinite() {
        for (int x : new int[] {0, 1, 100, 500, 2000}) {
            for (double tx : new double[] {0, 20, 50}) {
                if (x == 0 && tx > 0) {
                    continue;
                }
                double age = 50;
                double p = CDNOW.probabilityAlive(x, tx, age);
                assertTrue(p >= 0 && p <= 1, "P(alive) " + p);
                double e = CDNOW.expectedPurchases(52, x, tx, age);
                assertTrue(Double.isFinite(e) && e >= 0, "E[Y] " + e + " for x " + x + ", t_x " + tx);
                double ll = CDNOW.logLikelihood(x, tx, age);
                assertTrue(Double.isFinite(ll), "LL " + ll); // a density in t_x: it may exceed 1
            }
        }
        assertTrue(CDNOW.probabilityAlive(500, 50, 50) > 0.9); // bought all along, up to the end
        assertTrue(CDNOW.probabilityAlive(500, 0.5, 50) < 1e-6); // many purchases long ago: gone
        assertEquals(1.0, CDNOW.probabilityAlive(0, 0, 50));
        assertEquals(0.0, CDNOW.expectedPurchases(0, 3, 10, 20));
    }

    // no discount, one period as long as the horizon: CLV = E[Y(horizon)] E[M]
    @Test
    void clv_withoutDiscountOverOnePeriod_isPurchasesTimesSpend() {
        Clv clv = new Clv(CDNOW, SPEND, ClvUnit.WEEK, 1, 273, 0);
        double expected = CDNOW.expectedPurchases(39, 2, 30.43, 38.86) * SPEND.expectedSpend(2, 30);
        assertEquals(expected, clv.value(2, 30.43, 38.86, 30), 1e-12 * expected);
        Clv twelve = Clv.of(CDNOW, SPEND, ClvUnit.WEEK);
        double sum = 0;
        for (int i = 1; i <= 12; i++) {
            sum += (CDNOW.expectedPurchases(i * 30 / 7.0, 2, 30.43, 38.86)
                    - CDNOW.expectedPurchases((i - 1) * 30 / 7.0, 2, 30.43, 38.86)) * SPEND.expectedSpend(2, 30)
                    / Math.pow(1.01, i);
        }
        assertEquals(sum, twelve.value(2, 30.43, 38.86, 30), 1e-10 * sum);
        assertEquals(SPEND.p() * SPEND.gamma() / (SPEND.q() - 1), SPEND.expectedSpend(0, 0));
    }

    // same-day purchases are one purchase; returns are not purchases; lines after D are not seen
    @Test
    void history_followsTheDefinitions() {
        LocalDate d = LocalDate.of(2024, 3, 31);
        PurchaseHistory h = PurchaseHistory.of(List.of(
                OrderLine.of("b", LocalDate.of(2024, 1, 1), new BigDecimal("10")),
                OrderLine.of("b", LocalDate.of(2024, 1, 1), new BigDecimal("5")),
                OrderLine.of("b", LocalDate.of(2024, 1, 15), new BigDecimal("20")),
                OrderLine.of("b", LocalDate.of(2024, 1, 15), new BigDecimal("4")),
                OrderLine.of("b", LocalDate.of(2024, 2, 1), new BigDecimal("-7")),
                OrderLine.of("b", LocalDate.of(2024, 3, 1), new BigDecimal("0")),
                OrderLine.of("b", LocalDate.of(2024, 4, 2), new BigDecimal("99")),
                OrderLine.of("a", LocalDate.of(2024, 3, 31), new BigDecimal("12.5")),
                OrderLine.of("c", LocalDate.of(2024, 3, 1), new BigDecimal("-3"))),
                IngestionOptions.defaults().withAsOf(d), ClvUnit.DAY);
        assertEquals(2, h.size());
        assertEquals("a", h.customerId(0));
        assertEquals(0, h.frequency(0));
        assertEquals(0.0, h.age(0));
        assertEquals(0.0, h.monetaryValue(0));
        assertEquals(2, h.frequency(1));
        assertEquals(60.0, h.recency(1));
        assertEquals(90.0, h.age(1));
        assertEquals(12.0, h.monetaryValue(1)); // (24 + 0) / 2
        assertEquals(new BigDecimal("12.00"), h.monetaryValue(1, 2));
        assertEquals(1, h.report().excludedByReason().get(dev.rfmkit.order.ExclusionReason.AFTER_AS_OF));
    }
}
