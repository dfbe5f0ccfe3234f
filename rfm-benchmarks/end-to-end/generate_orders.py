#!/usr/bin/python3
"""Writes a synthetic orders CSV in the default column layout of `rfm segment`.

    generate_orders.py OUT.csv [LINES] [CUSTOMERS] [SEED]

Defaults: 10,000,000 lines over 1,000,000 customers, seed 42 (the same arguments always give the
same file). Line items: 1 to 4 lines per order, consecutive; an order's lines share its customer
and date. Customers are skewed (a few order often, most once or twice), dates spread over two years
before 2025-01-01, amounts log-normal with cents, about 2% of lines are returns (negative amounts).
"""
import sys

import numpy as np
import pandas as pd


def main():
    out = sys.argv[1]
    lines = int(sys.argv[2]) if len(sys.argv) > 2 else 10_000_000
    customers = int(sys.argv[3]) if len(sys.argv) > 3 else 1_000_000
    rng = np.random.default_rng(int(sys.argv[4]) if len(sys.argv) > 4 else 42)

    per_order = rng.integers(1, 5, size=lines)              # 1..4 lines, 2.5 on average
    ends = np.cumsum(per_order)
    orders = int(np.searchsorted(ends, lines, side="left")) + 1
    order_of_line = np.repeat(np.arange(orders), per_order[:orders])[:lines]

    # Skewed customers: the square of a uniform draw puts more orders on low ids.
    order_customer = (customers * rng.random(orders) ** 2).astype(np.int64) + 1
    # Every customer gets at least one order, so the file has exactly CUSTOMERS customers.
    order_customer[rng.permutation(orders)[:customers]] = np.arange(1, customers + 1)
    first_day = np.datetime64("2023-01-01")
    order_day = first_day + rng.integers(0, 731, size=orders).astype("timedelta64[D]")

    cents = np.maximum(1, np.round(np.exp(rng.normal(7.6, 1.0, size=lines)))).astype(np.int64)
    cents[rng.random(lines) < 0.02] *= -1

    frame = pd.DataFrame({
        "customer_id": order_customer[order_of_line],
        "order_id": order_of_line + 10_000_000,
        "order_date": np.datetime_as_string(order_day[order_of_line], unit="D"),
        "amount": cents / 100.0,
    })
    frame.to_csv(out, index=False, float_format="%.2f", chunksize=1_000_000)


if __name__ == "__main__":
    main()
