-- Reverses 0001_platform. The roles atelier_app and atelier_system stay: they are cluster-wide and other databases
-- on the same server may use them.
DROP SCHEMA app CASCADE;
