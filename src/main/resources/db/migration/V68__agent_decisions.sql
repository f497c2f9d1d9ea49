-- Every decision of the execution agent (agents.execution): one row per nudge and symbol, written
-- by an idempotent activity (the id is <workflow id>:<nudge seq>:<symbol>, which is also the
-- client_order_id of the order it places, so a retried or replayed decision writes and orders once).
CREATE TABLE agent_decisions (
    id             TEXT        PRIMARY KEY,
    workflow_id    TEXT        NOT NULL,
    seq            BIGINT      NOT NULL CHECK (seq >= 0),
    symbol         TEXT        NOT NULL,
    agent          TEXT        NOT NULL DEFAULT 'execution',
    mode           TEXT        NOT NULL CHECK (mode IN ('rules', 'llm', 'hybrid')),
    -- what decided: rules, llm, hybrid, rules_fallback (the model was asked and failed), skipped (gate)
    decided_by     TEXT        NOT NULL,
    gate_reason    TEXT        NOT NULL,
    consulted      BOOLEAN     NOT NULL,
    fallback       TEXT,
    inputs_digest  TEXT        NOT NULL,
    llm_call_id    TEXT,
    provider       TEXT,
    prompt_version INT         NOT NULL,
    price          NUMERIC,
    rules          JSONB       NOT NULL,
    intents        JSONB       NOT NULL,
    risk_verdicts  JSONB       NOT NULL,
    order_ids      JSONB       NOT NULL,
    outcome        TEXT        NOT NULL,
    decided_at     TIMESTAMPTZ NOT NULL,
    recorded_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX agent_decisions_recent ON agent_decisions (decided_at DESC);
CREATE INDEX agent_decisions_symbol ON agent_decisions (symbol, decided_at DESC);
