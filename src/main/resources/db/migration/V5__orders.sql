-- Orders accepted by the pre-trade checks (rejections write nothing). client_order_id is unique
-- so a repeated intent finds the original order and its result; request_id tells a retry of the
-- same request (same id: carry on) from a repeated client order id (other id: duplicate).
CREATE TABLE orders (
    order_id         TEXT        PRIMARY KEY,
    client_order_id  TEXT        UNIQUE,
    request_id       TEXT        NOT NULL,
    symbol           TEXT        NOT NULL,
    side             TEXT        NOT NULL CHECK (side IN ('BUY', 'SELL')),
    type             TEXT        NOT NULL CHECK (type IN ('MARKET', 'LIMIT')),
    time_in_force    TEXT        NOT NULL CHECK (time_in_force IN ('GTC', 'IOC')),
    qty              NUMERIC     NOT NULL CHECK (qty > 0),
    limit_price      NUMERIC     CHECK (limit_price > 0),
    filled_qty       NUMERIC     NOT NULL DEFAULT 0 CHECK (filled_qty >= 0 AND filled_qty <= qty),
    status           TEXT        NOT NULL CHECK (status IN ('OPEN', 'PARTIALLY_FILLED', 'FILLED', 'CANCELLED')),
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK (type = 'MARKET' OR limit_price IS NOT NULL)
);
CREATE INDEX orders_open_idx ON orders (status) WHERE status IN ('OPEN', 'PARTIALLY_FILLED');
