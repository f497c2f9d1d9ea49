-- One row per start of a node: proves the data directory survives restarts and gives operators
-- a start history.
CREATE TABLE app_starts (
    id          BIGSERIAL PRIMARY KEY,
    started_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    node        TEXT        NOT NULL,
    roles       TEXT        NOT NULL
);
