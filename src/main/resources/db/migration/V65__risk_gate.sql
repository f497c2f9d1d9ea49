-- The live risk gate (execution.RiskGate): every order of every client and agent passes the pure
-- risk.RiskEngine before the ledger holds its funds. What must survive a restart lives here.

-- One row per UTC day the gate decided on: the equity the day's loss is measured from.
CREATE TABLE risk_days (
    day          DATE        PRIMARY KEY,
    anchor       NUMERIC     NOT NULL CHECK (anchor >= 0),
    anchored_at  TIMESTAMPTZ NOT NULL
);

-- Every decision of the gate on an order (the limit_enforcement telemetry is rendered from these).
-- PENDING: approved, the ledger not heard yet; APPROVED: the ledger holds the order; BLOCKED: a
-- limit refused it (code and readable detail); VOIDED: approved, then not admitted (the ledger
-- refused it, or its all-or-nothing batch failed). An order is admitted at most once.
CREATE TABLE risk_decisions (
    id            BIGSERIAL   PRIMARY KEY,
    day           DATE        NOT NULL,
    ts            TIMESTAMPTZ NOT NULL,
    order_id      TEXT        NOT NULL,
    request_id    TEXT        NOT NULL,
    symbol        TEXT        NOT NULL,
    side          TEXT        NOT NULL CHECK (side IN ('BUY', 'SELL')),
    direction     TEXT        NOT NULL CHECK (direction IN ('long', 'short', 'exit')),
    emergency     BOOLEAN     NOT NULL,
    price         NUMERIC     NOT NULL CHECK (price > 0),
    qty           NUMERIC     NOT NULL CHECK (qty > 0),
    stop_distance NUMERIC     CHECK (stop_distance > 0),
    approved_qty  NUMERIC     NOT NULL CHECK (approved_qty >= 0),
    status        TEXT        NOT NULL CHECK (status IN ('PENDING', 'APPROVED', 'BLOCKED', 'VOIDED')),
    reason        TEXT,
    code          TEXT,
    detail        TEXT,
    hints         JSONB       NOT NULL DEFAULT '[]',
    multiplier    NUMERIC     NOT NULL CHECK (multiplier > 0),
    counts        BOOLEAN     NOT NULL,
    budget        NUMERIC     NOT NULL DEFAULT 0 CHECK (budget >= 0),
    CHECK ((status = 'BLOCKED') = (reason IS NOT NULL AND code IS NOT NULL))
);
CREATE UNIQUE INDEX risk_decisions_admitted ON risk_decisions (order_id) WHERE status IN ('PENDING', 'APPROVED');
CREATE INDEX risk_decisions_day ON risk_decisions (day, id);

-- Multipliers of every percentage limit (the judge's risk_adjustments), global or per symbol, each
-- with its reason and its end: an expiry, "until N winning days" (counted by the judge), or both.
CREATE TABLE risk_adjustments (
    id                 BIGSERIAL   PRIMARY KEY,
    scope              TEXT        NOT NULL CHECK (scope IN ('GLOBAL', 'SYMBOL')),
    symbol             TEXT,
    multiplier         NUMERIC     NOT NULL CHECK (multiplier > 0),
    requested          NUMERIC     NOT NULL CHECK (requested > 0),
    reason             TEXT        NOT NULL,
    author             TEXT        NOT NULL,
    created_at         TIMESTAMPTZ NOT NULL,
    expires_at         TIMESTAMPTZ,
    until_winning_days INTEGER     CHECK (until_winning_days BETWEEN 1 AND 30),
    revoked_at         TIMESTAMPTZ,
    revoked_reason     TEXT,
    idempotency_key    TEXT        UNIQUE,
    CHECK ((scope = 'SYMBOL') = (symbol IS NOT NULL))
);
