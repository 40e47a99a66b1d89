-- The effective assessment of each person in each cycle, and its sums per team and per department,
-- kept in the same transaction as every write to assessments (and to a team's department), so the
-- figures are true the moment a write commits, whatever wrote it (the app, the seed, a console).
-- Same-transaction rather than a periodic refresh: a manager who finalizes a review sees it counted
-- on the next page, and a write touches one effective row and two rollup rows.
CREATE FUNCTION add_to_assessment_rollups(p_cycle integer, p_team integer, p_reviewed boolean,
  p_s1 integer, p_s2 integer, p_s3 integer, p_s4 integer, p_s5 integer, p_sign integer) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  r integer := CASE WHEN p_reviewed THEN p_sign ELSE 0 END;
BEGIN
  INSERT INTO team_cycle_figures AS f (team_id, cycle_id, assessed, sum_s1, sum_s2, sum_s3, sum_s4, sum_s5,
      reviewed, reviewed_s1, reviewed_s2, reviewed_s3, reviewed_s4, reviewed_s5)
    VALUES (p_team, p_cycle, p_sign, p_sign * p_s1, p_sign * p_s2, p_sign * p_s3, p_sign * p_s4, p_sign * p_s5,
      r, r * p_s1, r * p_s2, r * p_s3, r * p_s4, r * p_s5)
  ON CONFLICT (team_id, cycle_id) DO UPDATE SET assessed = f.assessed + excluded.assessed,
    sum_s1 = f.sum_s1 + excluded.sum_s1, sum_s2 = f.sum_s2 + excluded.sum_s2, sum_s3 = f.sum_s3 + excluded.sum_s3,
    sum_s4 = f.sum_s4 + excluded.sum_s4, sum_s5 = f.sum_s5 + excluded.sum_s5, reviewed = f.reviewed + excluded.reviewed,
    reviewed_s1 = f.reviewed_s1 + excluded.reviewed_s1, reviewed_s2 = f.reviewed_s2 + excluded.reviewed_s2,
    reviewed_s3 = f.reviewed_s3 + excluded.reviewed_s3, reviewed_s4 = f.reviewed_s4 + excluded.reviewed_s4,
    reviewed_s5 = f.reviewed_s5 + excluded.reviewed_s5;
  INSERT INTO department_cycle_figures AS f (department_id, cycle_id, assessed, sum_s1, sum_s2, sum_s3, sum_s4, sum_s5,
      reviewed, reviewed_s1, reviewed_s2, reviewed_s3, reviewed_s4, reviewed_s5)
    SELECT t.department_id, p_cycle, p_sign, p_sign * p_s1, p_sign * p_s2, p_sign * p_s3, p_sign * p_s4, p_sign * p_s5,
      r, r * p_s1, r * p_s2, r * p_s3, r * p_s4, r * p_s5
    FROM teams t WHERE t.id = p_team
  ON CONFLICT (department_id, cycle_id) DO UPDATE SET assessed = f.assessed + excluded.assessed,
    sum_s1 = f.sum_s1 + excluded.sum_s1, sum_s2 = f.sum_s2 + excluded.sum_s2, sum_s3 = f.sum_s3 + excluded.sum_s3,
    sum_s4 = f.sum_s4 + excluded.sum_s4, sum_s5 = f.sum_s5 + excluded.sum_s5, reviewed = f.reviewed + excluded.reviewed,
    reviewed_s1 = f.reviewed_s1 + excluded.reviewed_s1, reviewed_s2 = f.reviewed_s2 + excluded.reviewed_s2,
    reviewed_s3 = f.reviewed_s3 + excluded.reviewed_s3, reviewed_s4 = f.reviewed_s4 + excluded.reviewed_s4,
    reviewed_s5 = f.reviewed_s5 + excluded.reviewed_s5;
END;
$$;
--> statement-breakpoint
-- The rule of effective-assessments.ts: the finalized manager assessment, else the submitted (or finalized) self-assessment.
CREATE FUNCTION refresh_effective_assessment(p_cycle integer, p_subject integer) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  was effective_assessments%ROWTYPE;
  now_row effective_assessments%ROWTYPE;
BEGIN
  -- Two transactions writing the same person's self and manager assessments take turns here.
  PERFORM pg_advisory_xact_lock(p_cycle, p_subject);
  DELETE FROM effective_assessments WHERE cycle_id = p_cycle AND subject_id = p_subject RETURNING * INTO was;
  IF FOUND THEN
    PERFORM add_to_assessment_rollups(was.cycle_id, was.team_id, was.reviewed, was.s1, was.s2, was.s3, was.s4, was.s5, -1);
  END IF;
  INSERT INTO effective_assessments (cycle_id, subject_id, team_id, role_version_id, reviewed, s1, s2, s3, s4, s5)
    SELECT cycle_id, subject_id, team_id, role_version_id, kind = 'manager', s1, s2, s3, s4, s5
    FROM assessments
    WHERE cycle_id = p_cycle AND subject_id = p_subject AND s1 IS NOT NULL
      AND ((kind = 'manager' AND status = 'finalized') OR (kind = 'self' AND status IN ('submitted', 'finalized')))
    ORDER BY CASE WHEN kind = 'manager' THEN 0 ELSE 1 END
    LIMIT 1
  RETURNING * INTO now_row;
  IF FOUND THEN
    PERFORM add_to_assessment_rollups(now_row.cycle_id, now_row.team_id, now_row.reviewed,
      now_row.s1, now_row.s2, now_row.s3, now_row.s4, now_row.s5, 1);
  END IF;
END;
$$;
--> statement-breakpoint
CREATE FUNCTION assessments_keep_rollups() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM refresh_effective_assessment(OLD.cycle_id, OLD.subject_id);
  END IF;
  IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND (NEW.cycle_id, NEW.subject_id) IS DISTINCT FROM (OLD.cycle_id, OLD.subject_id)) THEN
    PERFORM refresh_effective_assessment(NEW.cycle_id, NEW.subject_id);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER assessments_keep_rollups
  AFTER INSERT OR DELETE OR UPDATE OF cycle_id, subject_id, kind, status, team_id, role_version_id, s1, s2, s3, s4, s5
  ON assessments FOR EACH ROW EXECUTE FUNCTION assessments_keep_rollups();
--> statement-breakpoint
-- A team moving to another department takes its sums along.
CREATE FUNCTION teams_move_rollups() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO department_cycle_figures AS d (department_id, cycle_id, assessed, sum_s1, sum_s2, sum_s3, sum_s4, sum_s5,
      reviewed, reviewed_s1, reviewed_s2, reviewed_s3, reviewed_s4, reviewed_s5)
    SELECT x.department_id, f.cycle_id, x.sign * f.assessed, x.sign * f.sum_s1, x.sign * f.sum_s2, x.sign * f.sum_s3,
      x.sign * f.sum_s4, x.sign * f.sum_s5, x.sign * f.reviewed, x.sign * f.reviewed_s1, x.sign * f.reviewed_s2,
      x.sign * f.reviewed_s3, x.sign * f.reviewed_s4, x.sign * f.reviewed_s5
    FROM team_cycle_figures f, (VALUES (OLD.department_id, -1), (NEW.department_id, 1)) AS x(department_id, sign)
    WHERE f.team_id = NEW.id
  ON CONFLICT (department_id, cycle_id) DO UPDATE SET assessed = d.assessed + excluded.assessed,
    sum_s1 = d.sum_s1 + excluded.sum_s1, sum_s2 = d.sum_s2 + excluded.sum_s2, sum_s3 = d.sum_s3 + excluded.sum_s3,
    sum_s4 = d.sum_s4 + excluded.sum_s4, sum_s5 = d.sum_s5 + excluded.sum_s5, reviewed = d.reviewed + excluded.reviewed,
    reviewed_s1 = d.reviewed_s1 + excluded.reviewed_s1, reviewed_s2 = d.reviewed_s2 + excluded.reviewed_s2,
    reviewed_s3 = d.reviewed_s3 + excluded.reviewed_s3, reviewed_s4 = d.reviewed_s4 + excluded.reviewed_s4,
    reviewed_s5 = d.reviewed_s5 + excluded.reviewed_s5;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER teams_move_rollups AFTER UPDATE OF department_id ON teams
  FOR EACH ROW WHEN (OLD.department_id IS DISTINCT FROM NEW.department_id) EXECUTE FUNCTION teams_move_rollups();
--> statement-breakpoint
-- From scratch: after this migration, and after a bulk load that bypassed the triggers (the benchmark's generator).
CREATE FUNCTION rebuild_assessment_rollups() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM department_cycle_figures;
  DELETE FROM team_cycle_figures;
  DELETE FROM effective_assessments;
  INSERT INTO effective_assessments (cycle_id, subject_id, team_id, role_version_id, reviewed, s1, s2, s3, s4, s5)
    SELECT DISTINCT ON (cycle_id, subject_id) cycle_id, subject_id, team_id, role_version_id, kind = 'manager',
      s1, s2, s3, s4, s5
    FROM assessments
    WHERE s1 IS NOT NULL
      AND ((kind = 'manager' AND status = 'finalized') OR (kind = 'self' AND status IN ('submitted', 'finalized')))
    ORDER BY cycle_id, subject_id, CASE WHEN kind = 'manager' THEN 0 ELSE 1 END;
  INSERT INTO team_cycle_figures (team_id, cycle_id, assessed, sum_s1, sum_s2, sum_s3, sum_s4, sum_s5,
      reviewed, reviewed_s1, reviewed_s2, reviewed_s3, reviewed_s4, reviewed_s5)
    SELECT team_id, cycle_id, count(*), sum(s1), sum(s2), sum(s3), sum(s4), sum(s5),
      count(*) FILTER (WHERE reviewed), coalesce(sum(s1) FILTER (WHERE reviewed), 0),
      coalesce(sum(s2) FILTER (WHERE reviewed), 0), coalesce(sum(s3) FILTER (WHERE reviewed), 0),
      coalesce(sum(s4) FILTER (WHERE reviewed), 0), coalesce(sum(s5) FILTER (WHERE reviewed), 0)
    FROM effective_assessments GROUP BY team_id, cycle_id;
  INSERT INTO department_cycle_figures (department_id, cycle_id, assessed, sum_s1, sum_s2, sum_s3, sum_s4, sum_s5,
      reviewed, reviewed_s1, reviewed_s2, reviewed_s3, reviewed_s4, reviewed_s5)
    SELECT t.department_id, f.cycle_id, sum(f.assessed), sum(f.sum_s1), sum(f.sum_s2), sum(f.sum_s3), sum(f.sum_s4),
      sum(f.sum_s5), sum(f.reviewed), sum(f.reviewed_s1), sum(f.reviewed_s2), sum(f.reviewed_s3), sum(f.reviewed_s4),
      sum(f.reviewed_s5)
    FROM team_cycle_figures f JOIN teams t ON t.id = f.team_id GROUP BY t.department_id, f.cycle_id;
END;
$$;
--> statement-breakpoint
SELECT rebuild_assessment_rollups();
