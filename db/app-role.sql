-- The role the app connects as on PostgreSQL. It owns nothing, so it cannot disable, drop or
-- replace the triggers that keep closed cycles' assessments and the audit log unchanged, cannot
-- alter, drop or truncate a table, and cannot turn triggers off (session_replication_role needs a
-- superuser). It may read and write rows, never change or remove an audit_log row, a review
-- comment or an acknowledgement, nor re-open a closed cycle but through reopen_review_cycle().
--
-- Run as the owner of the tables (the role that runs `npm run db:migrate`), after each migration:
--   psql "$OWNER_DATABASE_URL" -v app_role=leverage_app -f db/app-role.sql
-- The role itself is created once by a role with CREATEROLE, as a plain login role:
--   CREATE ROLE leverage_app LOGIN PASSWORD '…' NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT;
\set ON_ERROR_STOP on

GRANT USAGE ON SCHEMA public TO :"app_role";
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO :"app_role";
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO :"app_role";
-- The audit log is append-only (migration 0001's triggers); the app is not even granted the attempt.
REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM :"app_role";
-- A review's conversation and its "I have read it" are written once and never edited or removed
-- by the app (db/queries/review-conversation.ts only inserts; ON CONFLICT DO NOTHING needs no UPDATE).
REVOKE UPDATE, DELETE, TRUNCATE ON review_comments, review_acknowledgements FROM :"app_role";
-- A closed cycle is re-opened only through this function, which records the reason in the audit
-- log; a bare UPDATE of a closed cycle's status is refused by migration 0016's trigger.
GRANT EXECUTE ON FUNCTION reopen_review_cycle(integer, integer, text) TO :"app_role";
-- On start the app reads which migrations are applied, and applies none itself when all are.
GRANT USAGE ON SCHEMA drizzle TO :"app_role";
GRANT SELECT ON drizzle.__drizzle_migrations TO :"app_role";
-- Nobody but the owner creates objects in the schema.
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
