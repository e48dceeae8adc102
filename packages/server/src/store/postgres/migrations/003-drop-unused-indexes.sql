-- Indexes no query reads: every event, delivery and attempt paid to keep them up to date. Messages are
-- listed by account or endpoint, attempts by delivery, events by check or id.
DROP INDEX IF EXISTS events_account;
DROP INDEX IF EXISTS deliveries_event;
DROP INDEX IF EXISTS attempts_account;
