-- One journal entry per business event (a funding, a fill); the idempotency key makes a retried
-- event a no-op. Postings carry exact NUMERIC amounts; exactly one of debit/credit is positive.
CREATE TABLE journal_entries (
    id               BIGSERIAL   PRIMARY KEY,
    idempotency_key  TEXT        NOT NULL UNIQUE,
    kind             TEXT        NOT NULL CHECK (kind IN ('funding', 'fill')),
    occurred_at      TIMESTAMPTZ NOT NULL,
    recorded_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    description      TEXT        NOT NULL
);

CREATE TABLE postings (
    id        BIGSERIAL PRIMARY KEY,
    entry_id  BIGINT    NOT NULL REFERENCES journal_entries (id),
    account   TEXT      NOT NULL,
    currency  TEXT      NOT NULL,
    debit     NUMERIC   NOT NULL DEFAULT 0 CHECK (debit >= 0),
    credit    NUMERIC   NOT NULL DEFAULT 0 CHECK (credit >= 0),
    CHECK ((debit = 0) <> (credit = 0)),
    FOREIGN KEY (account, currency) REFERENCES ledger_accounts (name, currency)
);
CREATE INDEX postings_entry_idx ON postings (entry_id);
CREATE INDEX postings_account_idx ON postings (account, currency);
