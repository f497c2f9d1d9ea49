-- The judge agent's evaluations (agents.judge): one row per evaluation, written once (the id is
-- <workflow id>:<seq>, so a retried activity stores nothing twice). The columns are what is
-- filtered and sorted on; body holds the whole evaluation (components, weights, figures, review,
-- actions) and memory the judge's pacing and probation after it, which a restart resumes from.
CREATE TABLE judge_evaluations (
    id             TEXT        PRIMARY KEY,
    judge_id       TEXT        NOT NULL,
    seq            BIGINT      NOT NULL CHECK (seq >= 1),
    trigger        TEXT        NOT NULL CHECK (trigger IN ('scheduled', 'on_demand', 'forced')),
    window_days    INTEGER     NOT NULL CHECK (window_days BETWEEN 1 AND 90),
    evaluated_at   TIMESTAMPTZ NOT NULL,
    score          NUMERIC(5, 2) NOT NULL CHECK (score BETWEEN 0 AND 100),
    prompt_version INTEGER,
    llm_call_id    TEXT,
    body           JSONB       NOT NULL,
    memory         JSONB       NOT NULL,
    UNIQUE (judge_id, seq)
);
CREATE INDEX judge_evaluations_time ON judge_evaluations (evaluated_at DESC);
