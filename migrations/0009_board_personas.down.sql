-- Reverses 0009_board_personas: the built-in personas go; organizations' own personas stay.
COMMENT ON TABLE board.personas IS NULL;
DROP POLICY personas_select ON board.personas;
CREATE POLICY personas_select ON board.personas FOR SELECT TO atelier_app
  USING (organization_id IS NULL OR organization_id IN (SELECT app.member_organization_ids()));
ALTER TABLE board.personas NO FORCE ROW LEVEL SECURITY;
DELETE FROM board.personas WHERE organization_id IS NULL AND code IN ('corporate_strategist', 'competitive_analyst', 'scenario_planner', 'visionary_founder', 'cfo', 'unit_economist', 'pricing_strategist', 'venture_investor', 'product_manager', 'lean_experimenter', 'roadmap_prioritizer', 'platform_product_manager', 'ai_product_lead', 'cto', 'software_architect', 'staff_engineer', 'site_reliability_engineer', 'data_scientist', 'data_engineer', 'ciso', 'incident_responder', 'general_counsel', 'privacy_counsel', 'coo', 'expansion_ops_lead', 'growth_hacker', 'brand_strategist', 'product_marketing_manager', 'enterprise_sales_lead', 'customer_success_lead', 'head_of_people', 'org_designer', 'design_lead', 'accessibility_specialist', 'user_researcher', 'market_researcher', 'healthcare_advisor', 'education_specialist', 'logistics_expert', 'ecommerce_operator', 'payments_expert', 'public_sector_advisor', 'hospitality_advisor', 'marketplace_strategist', 'climate_energy_advisor');
ALTER TABLE board.personas FORCE ROW LEVEL SECURITY;
