-- Reverses 0007_generation_outcome; outcomes already written stay in the rows' metadata.
DROP FUNCTION app.record_generation_outcome(uuid, jsonb);
