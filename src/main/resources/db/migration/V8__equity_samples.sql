-- The equity curve: the portfolio marked to market at a fixed sampling interval.
CREATE TABLE equity_samples (
    sampled_at  TIMESTAMPTZ PRIMARY KEY,
    equity      NUMERIC     NOT NULL,
    cash        NUMERIC     NOT NULL,
    reserve     NUMERIC     NOT NULL,
    exposure    NUMERIC     NOT NULL CHECK (exposure >= 0)
);
