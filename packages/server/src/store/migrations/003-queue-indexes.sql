-- Indexes no query reads: every event, delivery and attempt paid to keep them up to date. Messages are
-- listed by account or endpoint, attempts by delivery, events by check or id.
DROP INDEX IF EXISTS events_account;
DROP INDEX IF EXISTS deliveries_event;
DROP INDEX IF EXISTS attempts_account;

-- A claim that skips full endpoints reads past their due rows; with the endpoint in the index it decides
-- from the index alone, without reading each row.
DROP INDEX IF EXISTS deliveries_due;
CREATE INDEX deliveries_due ON deliveries(next_attempt_at, endpoint_id) WHERE status = 'pending';
