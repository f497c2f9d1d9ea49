-- Each fill is posted once (fill_id is the idempotency key) and points at its journal entry.
CREATE TABLE fills (
    fill_id      TEXT        PRIMARY KEY,
    order_id     TEXT,
    entry_id     BIGINT      NOT NULL UNIQUE REFERENCES journal_entries (id),
    symbol       TEXT        NOT NULL,
    side         TEXT        NOT NULL CHECK (side IN ('BUY', 'SELL')),
    qty          NUMERIC     NOT NULL CHECK (qty > 0),
    price        NUMERIC     NOT NULL CHECK (price > 0),
    fee          NUMERIC     NOT NULL CHECK (fee >= 0),
    liquidity    TEXT        NOT NULL CHECK (liquidity IN ('TAKER', 'MAKER')),
    occurred_at  TIMESTAMPTZ NOT NULL,
    realized_pnl NUMERIC     NOT NULL DEFAULT 0
);
CREATE INDEX fills_time_idx ON fills (occurred_at);
CREATE INDEX fills_symbol_idx ON fills (symbol, occurred_at);
