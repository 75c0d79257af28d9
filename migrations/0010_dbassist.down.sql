-- Reverses 0010_dbassist.
DROP TABLE dbassist.docs;
DROP TABLE dbassist.columns;
DROP TABLE dbassist.tables;
DROP TABLE dbassist.schemas;
DROP TABLE dbassist.connections;
DROP FUNCTION dbassist.editor_organization_ids();
DROP SCHEMA dbassist;
