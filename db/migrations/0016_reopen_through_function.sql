-- A closed cycle is history (migration 0002 locks its assessments). Re-opening it lifts that lock,
-- so it is done only by reopen_review_cycle(), which writes the reason to the append-only audit
-- log in the same statement: the app's own database role (db/app-role.sql) cannot re-open a cycle
-- with a bare UPDATE and so cannot re-open one without leaving a reason behind.
-- A transaction-local setting would not do as the key: any role may set any custom setting. The
-- trigger asks who runs the UPDATE instead: inside the SECURITY DEFINER function that is the owner.
CREATE FUNCTION refuse_reopening_closed_cycle() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status = 'closed' AND NEW.status IS DISTINCT FROM 'closed'
     AND current_user <> (SELECT pg_get_userbyid(relowner) FROM pg_class WHERE oid = TG_RELID) THEN
    RAISE EXCEPTION 'review cycle % is closed: only reopen_review_cycle() re-opens it, with a reason', OLD.id
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER review_cycles_reopen_with_reason BEFORE UPDATE OF status ON review_cycles
  FOR EACH ROW EXECUTE FUNCTION refuse_reopening_closed_cycle();
--> statement-breakpoint
-- Re-opens a closed cycle and records who did it and why; no row when the cycle is not closed (any more).
CREATE FUNCTION reopen_review_cycle(p_cycle_id integer, p_actor_id integer, p_reason text)
RETURNS TABLE (id integer, name varchar, ends_on date)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
#variable_conflict use_column
BEGIN
  IF coalesce(btrim(p_reason), '') = '' THEN
    RAISE EXCEPTION 're-opening a closed cycle needs a reason' USING ERRCODE = 'check_violation';
  END IF;
  RETURN QUERY
    WITH reopened AS (
      UPDATE review_cycles c SET status = 'open'
      WHERE c.id = p_cycle_id AND c.status = 'closed'
      RETURNING c.id, c.name, c.ends_on
    )
    SELECT r.id, r.name, r.ends_on FROM reopened r;
  IF FOUND THEN
    INSERT INTO audit_log (actor_id, action, target_type, target_id, details)
    SELECT p_actor_id, 'cycle.reopened', 'cycle', p_cycle_id::text,
           jsonb_build_object('name', c.name, 'reason', btrim(p_reason))
    FROM review_cycles c WHERE c.id = p_cycle_id;
  END IF;
END;
$$;
--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION reopen_review_cycle(integer, integer, text) FROM PUBLIC;
