"""`articles.published_date` and `published_precision`: typed for every reader, from a
header that gives a day or only a month."""
from __future__ import annotations

from datetime import date

import pandas as pd

from fixtures_tables import sample_tables  # noqa: F401  (session fixture)
from pipeline.batch.extract import published_fields


def test_published_fields_from_a_day_a_month_or_nothing():
    assert published_fields("2026-02-05") == {"published_date": date(2026, 2, 5), "published_precision": "day"}
    assert published_fields("2017-07") == {"published_date": date(2017, 7, 1), "published_precision": "month"}
    assert published_fields(None) == {"published_date": None, "published_precision": None}


def test_pandas_reads_published_date_as_dates(sample_tables):
    a = pd.read_parquet(sample_tables / "articles",
                        columns=["source", "published", "published_date", "published_precision"])
    dated = a[a["published"].notna()].set_index("source")
    assert len(dated) == 2 and a["published_date"].notna().sum() == 2
    # one article of the sample drop gives the day, one only the month
    assert dated["published_precision"].to_dict() == {"002_95313df145c3b0be.txt": "day",
                                                      "004_390464bca040bc23.txt": "month"}
    assert dated["published_date"].to_dict() == {"002_95313df145c3b0be.txt": date(2026, 2, 5),
                                                 "004_390464bca040bc23.txt": date(2025, 4, 1)}
    # and with the Arrow dtypes, the column is a date32 pandas can do date arithmetic on
    typed = pd.read_parquet(sample_tables / "articles", columns=["published_date"], dtype_backend="pyarrow")
    assert str(typed["published_date"].dtype) == "date32[day][pyarrow]"
    months = pd.to_datetime(typed["published_date"]).dt.to_period("M").dropna().astype(str)
    assert sorted(months) == ["2025-04", "2026-02"]


def test_duckdb_reads_published_date_as_a_date(sample_tables):
    import duckdb

    rows = duckdb.sql(f"""
        SELECT typeof(published_date), published_precision, CAST(date_trunc('month', published_date) AS DATE)
        FROM read_parquet('{sample_tables.as_posix()}/articles/*/*.parquet')
        WHERE published_date >= DATE '2025-01-01'
        ORDER BY published_date
    """).fetchall()
    assert rows == [("DATE", "month", date(2025, 4, 1)), ("DATE", "day", date(2026, 2, 1))]
