-- Balance of every account as debit minus credit.
CREATE VIEW account_balances AS
SELECT a.name AS account, a.currency, a.kind,
       COALESCE(SUM(p.debit), 0) - COALESCE(SUM(p.credit), 0) AS balance
  FROM ledger_accounts a
  LEFT JOIN postings p ON p.account = a.name AND p.currency = a.currency
 GROUP BY a.name, a.currency, a.kind;
