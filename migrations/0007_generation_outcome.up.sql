-- What people did with a generation they reviewed (story proposals accepted or rejected), kept on its ledger row.
-- The ledger stays append-only for the application: this function adds `outcome` to a row's metadata once, for an
-- editor of the row's organization, and changes nothing else.
CREATE FUNCTION app.record_generation_outcome(p_generation uuid, p_outcome jsonb) RETURNS boolean
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  IF jsonb_typeof(p_outcome) IS DISTINCT FROM 'object' THEN
    RAISE EXCEPTION 'record_generation_outcome: the outcome is a JSON object' USING ERRCODE = 'invalid_parameter_value';
  END IF;
  UPDATE app.ai_generations g
     SET metadata = g.metadata || jsonb_build_object('outcome', p_outcome)
   WHERE g.id = p_generation
     AND NOT (g.metadata ? 'outcome')
     AND app.has_org_role(g.organization_id, 'editor');
  RETURN FOUND;
END $$;
REVOKE EXECUTE ON FUNCTION app.record_generation_outcome(uuid, jsonb) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app.record_generation_outcome(uuid, jsonb) TO atelier_app;
