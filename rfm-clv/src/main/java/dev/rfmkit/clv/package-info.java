/**
 * Predicted customer lifetime value on top of RFM: the per-customer purchase history
 * ({@link dev.rfmkit.clv.PurchaseHistory}), the BG/NBD model of purchase counts and drop-out
 * ({@link dev.rfmkit.clv.BgNbd}), the Gamma-Gamma model of spend per purchase
 * ({@link dev.rfmkit.clv.GammaGamma}) and discounted lifetime value ({@link dev.rfmkit.clv.Clv}),
 * after Fader, Hardie and Lee (2005) and Fader and Hardie (2013).
 */
package dev.rfmkit.clv;
