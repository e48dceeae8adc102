-- Real ID's check shape: analysis scores (`result.scores`), per-check content and theme, and the side a
-- `selfie_liveness: turn` check asks the customer to turn to.
ALTER TABLE checks ADD COLUMN scores TEXT;
ALTER TABLE checks ADD COLUMN content TEXT;
ALTER TABLE checks ADD COLUMN turn TEXT;
