-- The offline analyzer compares the name read from the ID with the customer's; each account may turn it off.
ALTER TABLE accounts ADD COLUMN name_match BOOLEAN NOT NULL DEFAULT TRUE;
