-- Reverses 0005_project_model.
DROP TABLE app.project_model_revisions;
DROP TABLE app.project_models;
DROP FUNCTION app.refuse_project_model_revision_change();
DROP FUNCTION app.apply_project_model_revision();
DROP FUNCTION app.number_project_model_revision();
