-- Why an order was closed when it was not by its own fills or a client's cancel: the error code
-- name and a sentence (e.g. recovery after a crash cancelled an order whose fill never committed).
ALTER TABLE orders ADD COLUMN close_code TEXT, ADD COLUMN close_reason TEXT;
