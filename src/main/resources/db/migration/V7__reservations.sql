-- Cash or quantity set aside for an open order; its fills consume it, cancel releases it.
CREATE TABLE reservations (
    order_id    TEXT        PRIMARY KEY REFERENCES orders (order_id),
    symbol      TEXT        NOT NULL,
    cash        NUMERIC     NOT NULL DEFAULT 0 CHECK (cash >= 0),
    qty         NUMERIC     NOT NULL DEFAULT 0 CHECK (qty >= 0),
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
