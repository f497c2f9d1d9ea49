-- Durable state of long-lived workflows (broker preferences, the market stream, backtest runs).
-- The embedded Temporal service keeps its state in memory, so PostgreSQL is the source of truth:
-- a workflow saves its state here through an activity and rebuilds from it when it starts.
-- One row per workflow id; a save only replaces an older revision (idempotent and ordered).
CREATE TABLE workflow_state (
    workflow_id   TEXT        PRIMARY KEY,
    workflow_type TEXT        NOT NULL,
    revision      BIGINT      NOT NULL CHECK (revision >= 0),
    state         JSONB       NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX workflow_state_type ON workflow_state (workflow_type, updated_at);
