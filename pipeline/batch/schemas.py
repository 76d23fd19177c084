"""One pyarrow schema per table, with each column's meaning: the data contract.

Every writer casts to these schemas, the data dictionary (docs/DATA_DICTIONARY.md)
is generated from them, and a test fails when the two disagree.  Column
metadata keys: ``doc`` (meaning), ``example`` (a value from the sample drop).
"""
from __future__ import annotations

import pyarrow as pa


def _f(name: str, type_: pa.DataType, doc: str, example: str = "", nullable: bool = True) -> pa.Field:
    return pa.field(name, type_, nullable=nullable,
                    metadata={"doc": doc, "example": example})


TS = pa.timestamp("us", tz="UTC")

ARTICLES = pa.schema([
    _f("article_id", pa.string(), "Stable id of the article: first 32 hex digits of the SHA-256 of the file's bytes.", "9f3c…", False),
    _f("drop", pa.string(), "Name of the drop the file came in (the drop folder's name unless `--drop` says otherwise). One folder per drop; stored in the files, always a string.", "samples", False),
    _f("source", pa.string(), "Path of the file relative to the drop folder, `/`-separated. Bytes of a file name that are not UTF-8 are written as backslash escapes (`bad\\xffname.txt` for the byte 0xFF); a folder that could not be listed ends with `/`.", "000_42b851008468ec3e.txt", False),
    _f("published", pa.string(), "Publication date as the ` date` header writes it: `YYYY-MM-DD` (a day) or `YYYY-MM` (a month only); null without a valid header. For typed work use `published_date`.", "2026-02-05"),
    _f("published_date", pa.date32(), "`published` as a date: the day, or the first day of the month when only the month is known (see `published_precision`); null with `published`.", "2026-02-05"),
    _f("published_precision", pa.string(), "What `published` states: `day` or `month`; null with `published`.", "day"),
    _f("title", pa.string(), "Headline, from the feed footer or a short first line of prose; null where the text states none.", "Economie sociale et solidaire : le Maroc renforce ses partenariats africains"),
    _f("outlet", pa.string(), "News outlet, from the feed footer (without tagline) or a masthead line; null where the text states none.", "Hespress Français"),
    _f("status", pa.string(), "`ok` when the article was processed, `failed` when it could not be read.", "ok", False),
    _f("error", pa.string(), "Why the article failed, for a person; null when status is `ok`.", "empty file (0 bytes)"),
    _f("warnings", pa.string(), "Problems worked around while processing (malformed header, NUL characters), `; `-separated; null if none.", "malformed header date '2026-13-45'"),
    _f("encoding", pa.string(), "Encoding the bytes were decoded with: `utf-8`, `utf-8-sig` (BOM) or `cp1252`; null if undecodable.", "utf-8"),
    _f("n_bytes", pa.int64(), "Size of the file in bytes.", "3212", False),
    _f("n_chars", pa.int64(), "Length of the decoded text in characters (offsets run from 0 to this).", "3212"),
    _f("body_start", pa.int64(), "Offset where the prose starts (header and boilerplate before it).", "0"),
    _f("body_end", pa.int64(), "Offset where the prose ends (feed footer and trailing boilerplate after it).", "3204"),
    _f("n_mentions", pa.int64(), "Number of rows this article has in `mentions`.", "41"),
    _f("pipeline_version", pa.string(), "Version of the package and of its pattern data that produced the rows.", "0.1.0+3f2a9c1d", False),
    _f("processed_at", TS, "When the article was processed (UTC).", "2026-11-25 13:02:11+00:00", False),
])

MENTIONS = pa.schema([
    _f("article_id", pa.string(), "Article the mention is in (joins `articles.article_id`).", "9f3c…", False),
    _f("drop", pa.string(), "Drop of the article. One folder per drop; stored in the files, always a string.", "samples", False),
    _f("mention_id", pa.string(), "Id of the mention: `<article_id>:<start>-<end>`.", "9f3c…:215-222", False),
    _f("start", pa.int64(), "Start offset (characters) into the decoded file text, inclusive.", "215", False),
    _f("end", pa.int64(), "End offset (characters), exclusive: `text[start:end]` is the mention.", "222", False),
    _f("label", pa.string(), "One of `PERSON`, `MINISTRY`, `ORG`, `COUNTRY`, `LOC`, `EVENT`, `DATE`, `MONEY`, `PERCENT`, `QUANTITY` (defined in [ENTITIES.md](ENTITIES.md#labels)); no other value occurs.", "COUNTRY", False),
    _f("text", pa.string(), "The mention as written.", "Royaume", False),
    _f("norm", pa.string(), "Normalized value as a string: canonical name, ISO country code, ISO/TIMEX3 date, `<amount> <currency>`, `<value>`, `<value> <unit>`; null where the contract says so.", "MAR"),
    _f("entity_id", pa.string(), "Stable id of the entity (hash of label and norm), the same across articles and runs; null when norm is null.", "COUNTRY:8d1e…"),
    _f("sentence_id", pa.int32(), "Index of the sentence within the article (0-based).", "3"),
    _f("sentence", pa.string(), "The sentence the mention is in, as context for readers, stripped of surrounding whitespace and cut at 1,000 characters (a longer sentence keeps its first 1,000, so the mention may fall past the cut).", "Le Maroc y était représenté par …"),
    _f("country", pa.string(), "COUNTRY: ISO 3166-1 alpha-3 code.", "MAR"),
    _f("date_value", pa.string(), "DATE: ISO 8601 / TIMEX3 value at the precision written (`2024`, `2024-12`, `2024-12-05`, `2024-Q1`, `XXXX-11-26`, `20`).", "2024-12"),
    _f("date_start", pa.date32(), "DATE: first day of the period, where known.", "2024-12-01"),
    _f("date_end", pa.date32(), "DATE: last day of the period, where known.", "2024-12-31"),
    _f("date_precision", pa.string(), "DATE: how fine the expression is, whether or not its value is known: `century`, `decade`, `year`, `half`, `quarter`, `season`, `month`, `week`, `day`, or `span` (several years, `2019/2020`); null for periods with no calendar value (`Ramadan`). Plot by `date_start` only at the precision you need: a `year` mention starts on 1 January.", "month"),
    _f("amount", pa.float64(), "MONEY: amount in units of the currency.", "157000000000.0"),
    _f("currency", pa.string(), "MONEY: ISO 4217 currency code.", "MAD"),
    _f("value", pa.float64(), "PERCENT: the number before the sign; QUANTITY: the number counted.", "148.0"),
    _f("unit", pa.string(), "QUANTITY: lemma of the head noun, singular, lower case.", "pays"),
])

ROLES = pa.schema([
    _f("article_id", pa.string(), "Article the role is stated in (joins `articles.article_id`; with `person_id`, joins the person's rows of `mentions` on (`article_id`, `entity_id`)).", "9f3c…", False),
    _f("drop", pa.string(), "Drop of the article. One folder per drop; stored in the files, always a string.", "samples", False),
    _f("person", pa.string(), "The person, normalized (fullest form of the name in the article).", "Leila Benali", False),
    _f("person_id", pa.string(), "`entity_id` of the person.", "PERSON:41ac…", False),
    _f("title", pa.string(), "The office, lower case except acronyms, apostrophes as `'`.", "ministre", False),
    _f("org", pa.string(), "Normalized ministry or organization of the office; null where the text names none.", "ministère de la Transition énergétique et du Développement durable"),
    _f("org_id", pa.string(), "`entity_id` of the ministry or organization; null with org.", "MINISTRY:77b0…"),
    _f("country", pa.string(), "ISO alpha-3 of the state the office belongs to, where the text says or implies it.", "MAR"),
    _f("start", pa.int64(), "Start offset of the stretch of text stating the role.", "612", False),
    _f("end", pa.int64(), "End offset of that stretch.", "699", False),
])

ENTITIES = pa.schema([
    _f("entity_id", pa.string(), "Stable id: label and hash of the normalized value.", "COUNTRY:8d1e…", False),
    _f("label", pa.string(), "Label of the entity.", "COUNTRY", False),
    _f("norm", pa.string(), "Normalized value shared by its mentions.", "MAR", False),
    _f("name", pa.string(), "Display name: the most frequent written form (for countries, the CLDR French name).", "Maroc", False),
    _f("aliases", pa.list_(pa.string()), "Every distinct written form, most frequent first.", "['Maroc', 'Royaume']"),
    _f("n_mentions", pa.int64(), "Number of mentions over all drops.", "31", False),
    _f("n_articles", pa.int64(), "Number of distinct articles mentioning it.", "5", False),
    _f("first_published", pa.string(), "Earliest `published` of those articles (null if none has a header).", "2025-04"),
    _f("last_published", pa.string(), "Latest `published` of those articles.", "2026-02-05"),
])

RUNS = pa.schema([
    _f("run_id", pa.string(), "Id of the run (UTC start time and a random suffix).", "20261125T130211Z-4f2a", False),
    _f("drop", pa.string(), "Drop processed by this run (one row per drop per run).", "samples", False),
    _f("drop_path", pa.string(), "Absolute path of the drop folder the run read (symlinks resolved): where the report finds the article files again; null in runs written before this column.", "/srv/news/data/raw/samples"),
    _f("started_at", TS, "When the run started (UTC).", "2026-11-25 13:02:11+00:00", False),
    _f("finished_at", TS, "When the drop was finished (UTC).", "2026-11-25 13:02:14+00:00", False),
    _f("n_seen", pa.int64(), "`*.txt` files seen in the drop.", "5", False),
    _f("n_new", pa.int64(), "Articles processed by this run (ok or failed).", "5", False),
    _f("n_skipped", pa.int64(), "Articles skipped: the same bytes already processed by this pipeline version.", "0", False),
    _f("n_failed", pa.int64(), "Articles of this run that failed (see `articles.error`).", "0", False),
    _f("pipeline_version", pa.string(), "Pipeline version of the run.", "0.1.0+3f2a9c1d", False),
    _f("status", pa.string(), "`ok` (no failure), `partial` (some articles failed).", "ok", False),
])

TABLES: dict[str, pa.Schema] = {
    "articles": ARTICLES,
    "mentions": MENTIONS,
    "roles": ROLES,
    "entities": ENTITIES,
    "runs": RUNS,
}
# Tables written as one folder per drop, `drop` stored in the files (see store.py).
PARTITIONED = ("articles", "mentions", "roles")


def empty(table: str) -> pa.Table:
    return TABLES[table].empty_table()
