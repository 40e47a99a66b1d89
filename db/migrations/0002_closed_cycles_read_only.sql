-- A closed review cycle is history: its assessments, their tasks and calibration records cannot be
-- written, even from a SQL console. Re-opening the cycle (an admin's decision) lifts the lock.
CREATE FUNCTION cycle_is_closed(p_cycle_id integer) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT coalesce((SELECT status = 'closed' FROM review_cycles WHERE id = p_cycle_id), false);
$$;
--> statement-breakpoint
CREATE FUNCTION assessment_in_closed_cycle(p_assessment_id integer) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT coalesce((SELECT cycle_is_closed(cycle_id) FROM assessments WHERE id = p_assessment_id), false);
$$;
--> statement-breakpoint
CREATE FUNCTION refuse_assessment_write_in_closed_cycle() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (TG_OP IN ('UPDATE', 'DELETE') AND cycle_is_closed(OLD.cycle_id))
     OR (TG_OP IN ('INSERT', 'UPDATE') AND cycle_is_closed(NEW.cycle_id)) THEN
    RAISE EXCEPTION 'review cycle is closed: its assessments are read-only' USING ERRCODE = 'check_violation';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END;
$$;
--> statement-breakpoint
CREATE FUNCTION refuse_assessment_child_write_in_closed_cycle() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (TG_OP IN ('UPDATE', 'DELETE') AND assessment_in_closed_cycle(OLD.assessment_id))
     OR (TG_OP IN ('INSERT', 'UPDATE') AND assessment_in_closed_cycle(NEW.assessment_id)) THEN
    RAISE EXCEPTION 'review cycle is closed: its assessments are read-only' USING ERRCODE = 'check_violation';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER assessments_closed_cycle_read_only BEFORE INSERT OR UPDATE OR DELETE ON assessments
  FOR EACH ROW EXECUTE FUNCTION refuse_assessment_write_in_closed_cycle();
--> statement-breakpoint
CREATE TRIGGER assessment_tasks_closed_cycle_read_only BEFORE INSERT OR UPDATE OR DELETE ON assessment_tasks
  FOR EACH ROW EXECUTE FUNCTION refuse_assessment_child_write_in_closed_cycle();
--> statement-breakpoint
CREATE TRIGGER calibration_records_closed_cycle_read_only BEFORE INSERT OR UPDATE OR DELETE ON calibration_records
  FOR EACH ROW EXECUTE FUNCTION refuse_assessment_child_write_in_closed_cycle();
