"""The non-canonical events schema that the connector tests (test_connectors.py) and the connector
benchmark (bench/load_connectors.py) load into SQL servers: table usage_log, other column names,
credits as integer micro-credits in amount_micro, read back through a column mapping."""

COLUMNS = ["id", "ts", "workspace_id", "category", "feature", "credits", "quantity", "unit", "folder", "api_key",
           "user_id", "source", "run_id", "module", "data_bytes"]
# Canonical field -> the column each database keeps it in (ClickHouse keeps ts as created_ms).
RENAMED = {"id": "event_uuid", "ts": "created_at", "workspace_id": "org_id", "category": "kind",
           "feature": "feature_name", "credits": "amount_micro", "quantity": "qty", "unit": "unit_name",
           "folder": "folder_path", "api_key": "key_name", "user_id": "member", "source": "workflow",
           "run_id": "run", "module": "step", "data_bytes": "bytes"}

# PostgreSQL's columns, in COLUMNS order; the caller adds the primary key on event_uuid.
PG_COLUMNS = """event_uuid text NOT NULL, created_at timestamptz NOT NULL, org_id text NOT NULL,
    kind text NOT NULL, feature_name text NOT NULL, amount_micro bigint NOT NULL, qty numeric, unit_name text,
    folder_path text, key_name text, member text, workflow text, run text, step text, bytes bigint"""
# ClickHouse's table, its columns in COLUMNS order, ts as epoch milliseconds.
CH_TABLE = """CREATE TABLE usage_log (event_uuid String, created_ms Int64, org_id String, kind String,
    feature_name String, amount_micro Int64, qty Nullable(Decimal(20, 6)), unit_name String,
    folder_path String, key_name String, member String, workflow String, run String, step String,
    bytes Nullable(Int64)) ENGINE = MergeTree ORDER BY (org_id, created_ms)"""


def mapping(credits, ts="created_at", ts_type="timestamp"):
    """The column mapping of usage_log, with credits and ts read through the given expressions."""
    columns = dict(RENAMED, credits=credits, ts=ts)
    return {"events": {"table": "usage_log", "ts_type": ts_type, "columns": columns},
            "accounts": {"file": "accounts.json"}}


def micro(text):
    """A decimal with at most 6 fractional digits ("1.25", "-0.5") as integer micro-units."""
    whole, _, fraction = text.partition(".")
    sign = -1 if whole.startswith("-") else 1
    return sign * (abs(int(whole or "0")) * 1_000_000 + int((fraction + "000000")[:6]))
