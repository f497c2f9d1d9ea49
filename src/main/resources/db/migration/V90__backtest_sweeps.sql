-- Backtest sweeps (backtest.sweep): one row per sweep with its state and, once done, its whole
-- result (the ranked table and the walk-forward windows), so get_sweep_result answers after a
-- restart of the embedded Temporal service; one row per run with its figures and the worker that ran it.
CREATE TABLE sweeps (
    sweep_id      TEXT        PRIMARY KEY,
    state         TEXT        NOT NULL CHECK (state IN ('STARTED', 'RUNNING', 'DONE', 'FAILED')),
    revision      INT         NOT NULL CHECK (revision >= 0),
    metric        TEXT        NOT NULL,
    request       JSONB       NOT NULL,
    progress      JSONB       NOT NULL,
    runs_done     INT         NOT NULL CHECK (runs_done >= 0),
    runs_total    INT         NOT NULL CHECK (runs_total >= 0),
    error_code    TEXT        NULL,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX sweeps_updated ON sweeps (updated_at);

CREATE TABLE sweep_runs (
    sweep_id      TEXT        NOT NULL REFERENCES sweeps (sweep_id) ON DELETE CASCADE,
    phase         TEXT        NOT NULL CHECK (phase IN ('grid', 'train', 'test')),
    window_index  INT         NOT NULL,
    set_index     INT         NOT NULL CHECK (set_index >= 0),
    rank          INT         NULL,
    params        JSONB       NOT NULL,
    metric_value  NUMERIC     NULL,
    metrics       JSONB       NOT NULL,
    bars          BIGINT      NOT NULL CHECK (bars >= 0),
    worker        TEXT        NOT NULL,
    elapsed_ms    BIGINT      NOT NULL CHECK (elapsed_ms >= 0),
    PRIMARY KEY (sweep_id, phase, window_index, set_index)
);
