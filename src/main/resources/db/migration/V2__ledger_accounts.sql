-- Chart of accounts, one row per (account, currency). Money accounts are in the quote currency;
-- position:SYM / exchange:SYM carry quantities in the base asset. Created on first use.
CREATE TABLE ledger_accounts (
    name        TEXT        NOT NULL,
    currency    TEXT        NOT NULL CHECK (currency ~ '^[A-Z0-9]{2,12}$'),
    kind        TEXT        NOT NULL CHECK (kind IN ('asset', 'expense', 'income', 'equity', 'counterparty')),
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (name, currency),
    CHECK (name IN ('cash', 'reserve', 'fees', 'realized-pnl', 'funding')
           OR name ~ '^(holdings|position|exchange):[A-Z0-9]+-[A-Z0-9]+$')
);
