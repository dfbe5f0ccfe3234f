#!/usr/bin/python3
"""RFM segmentation the pandas way, computing what `rfm segment ORDERS` computes by default.

    rfm_pandas.py ORDERS.csv OUT.csv

Default columns (customer_id, order_id, order_date, amount), amounts with at most two decimals summed
exactly in cents, returns netted into money, as-of date
the day after the latest order, type-7 quintiles (numpy's default), bins closed on the right,
the `twelve` segments. Writes the same CSV columns as `rfm segment`, rows by customer id.
"""
import sys

import numpy as np
import pandas as pd


def main():
    orders = pd.read_csv(sys.argv[1], parse_dates=["order_date"])
    as_of = orders["order_date"].max() + pd.Timedelta(days=1)

    # Money summed in whole cents, exactly, as rfm sums it (a float sum can land a hair off a cut point).
    orders["cents"] = (orders["amount"] * 100).round().astype("int64")
    # An order counts when it has a line that is not a return; returns still net into money.
    purchases = orders[orders["amount"] >= 0]
    customers = purchases.groupby("customer_id").agg(
        last_order=("order_date", "max"), frequency=("order_id", "nunique"))
    customers["monetary"] = orders.groupby("customer_id")["cents"].sum().reindex(customers.index) / 100
    customers["recency_days"] = (as_of - customers["last_order"]).dt.days

    def bins(values):
        cuts = np.quantile(values, [0.2, 0.4, 0.6, 0.8])
        return np.searchsorted(cuts, values, side="left")   # cut points strictly below

    customers["r"] = 5 - bins(customers["recency_days"].to_numpy())
    customers["f"] = 1 + bins(customers["frequency"].to_numpy())
    customers["m"] = 1 + bins(customers["monetary"].to_numpy())
    customers["rfm"] = customers["r"] * 100 + customers["f"] * 10 + customers["m"]

    r, f, m = customers["r"], customers["f"], customers["m"]
    recent, middle = r >= 4, r == 3
    customers["segment"] = np.select(
        [recent & (f >= 4) & (m >= 4), recent & (f >= 3) & (m >= 3), recent & (f <= 2) & (m >= 3),
         recent & (f == 1), recent,
         middle & (f >= 4) & (m >= 4), middle & ((f >= 3) | (m >= 3)), middle,
         (r <= 2) & (f >= 4) & (m >= 4), (r <= 2) & ((f >= 3) | (m >= 3)), r == 2],
        ["CHAMPIONS", "LOYAL", "PROMISING", "NEW", "POTENTIAL_LOYALIST",
         "LOYAL", "NEEDS_ATTENTION", "ABOUT_TO_SLEEP",
         "CANT_LOSE_THEM", "AT_RISK", "HIBERNATING"],
        "LOST")

    customers = customers.sort_index().reset_index()
    customers[["customer_id", "recency_days", "frequency", "monetary", "r", "f", "m", "rfm", "segment"]] \
        .to_csv(sys.argv[2], index=False, float_format="%.2f")


if __name__ == "__main__":
    main()
