-- Strategy specs, versioned per market and timeframe. A spec's JSON is stored as validated; a
-- change is a new version (the content hash makes a repeated save find the version it made, so
-- the save is idempotent). At most one version per market and timeframe is active; delete
-- deactivates it and keeps the history.
CREATE TABLE strategy_specs (
    row_id        BIGSERIAL   PRIMARY KEY,
    market        TEXT        NOT NULL,
    timeframe     TEXT        NOT NULL,
    version       INTEGER     NOT NULL CHECK (version >= 1),
    spec_id       TEXT        NOT NULL,
    spec          JSONB       NOT NULL,
    content_hash  TEXT        NOT NULL,
    author        TEXT        NOT NULL CHECK (author IN ('planner', 'user', 'llm')),
    created_at    TIMESTAMPTZ NOT NULL,
    stored_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    active        BOOLEAN     NOT NULL DEFAULT false,
    UNIQUE (market, timeframe, version),
    UNIQUE (market, timeframe, content_hash)
);

CREATE UNIQUE INDEX strategy_specs_one_active ON strategy_specs (market, timeframe) WHERE active;
CREATE INDEX strategy_specs_spec_id ON strategy_specs (spec_id);
