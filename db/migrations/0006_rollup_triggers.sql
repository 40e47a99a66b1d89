-- The effective assessment of each person in each cycle, and its sums per team, department and
-- role, kept in the same transaction as every write to assessments (and to a team's department),
-- so the figures are true the moment a write commits, whatever wrote it (the app, the seed, a
-- console). Same-transaction rather than a periodic refresh: a manager who finalizes a review sees
-- it counted on the next page, and a write touches one effective row and three rollup rows.
-- Calibration gaps are kept in hundredths of an index point, so the ±0.10 / ±0.30 buckets are exact.
CREATE FUNCTION add_to_assessment_rollups(p_cycle integer, p_team integer, p_role_version integer, p_reviewed boolean,
  p_s1 integer, p_s2 integer, p_s3 integer, p_s4 integer, p_s5 integer, p_gap integer, p_sign integer) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  r integer := CASE WHEN p_reviewed THEN p_sign ELSE 0 END;
  pr integer := CASE WHEN p_gap IS NOT NULL THEN p_sign ELSE 0 END;
BEGIN
  INSERT INTO team_cycle_figures AS f (team_id, cycle_id, assessed, sum_s1, sum_s2, sum_s3, sum_s4, sum_s5, reviewed, reviewed_s1, reviewed_s2, reviewed_s3, reviewed_s4, reviewed_s5, pairs, gap_sum, abs_gap_sum, manager_higher_lots, manager_higher, agree, self_higher, self_higher_lots)
    VALUES (p_team, p_cycle, p_sign, p_sign * p_s1, p_sign * p_s2, p_sign * p_s3, p_sign * p_s4, p_sign * p_s5, r, r * p_s1, r * p_s2, r * p_s3, r * p_s4, r * p_s5, pr, pr * coalesce(p_gap, 0), pr * abs(coalesce(p_gap, 0)), CASE WHEN p_gap < -30 THEN pr ELSE 0 END, CASE WHEN p_gap >= -30 AND p_gap < -10 THEN pr ELSE 0 END, CASE WHEN p_gap BETWEEN -10 AND 10 THEN pr ELSE 0 END, CASE WHEN p_gap > 10 AND p_gap <= 30 THEN pr ELSE 0 END, CASE WHEN p_gap > 30 THEN pr ELSE 0 END)
  ON CONFLICT (team_id, cycle_id) DO UPDATE SET assessed = f.assessed + excluded.assessed, sum_s1 = f.sum_s1 + excluded.sum_s1, sum_s2 = f.sum_s2 + excluded.sum_s2, sum_s3 = f.sum_s3 + excluded.sum_s3, sum_s4 = f.sum_s4 + excluded.sum_s4, sum_s5 = f.sum_s5 + excluded.sum_s5, reviewed = f.reviewed + excluded.reviewed, reviewed_s1 = f.reviewed_s1 + excluded.reviewed_s1, reviewed_s2 = f.reviewed_s2 + excluded.reviewed_s2, reviewed_s3 = f.reviewed_s3 + excluded.reviewed_s3, reviewed_s4 = f.reviewed_s4 + excluded.reviewed_s4, reviewed_s5 = f.reviewed_s5 + excluded.reviewed_s5, pairs = f.pairs + excluded.pairs, gap_sum = f.gap_sum + excluded.gap_sum, abs_gap_sum = f.abs_gap_sum + excluded.abs_gap_sum, manager_higher_lots = f.manager_higher_lots + excluded.manager_higher_lots, manager_higher = f.manager_higher + excluded.manager_higher, agree = f.agree + excluded.agree, self_higher = f.self_higher + excluded.self_higher, self_higher_lots = f.self_higher_lots + excluded.self_higher_lots;
  INSERT INTO department_cycle_figures AS f (department_id, cycle_id, assessed, sum_s1, sum_s2, sum_s3, sum_s4, sum_s5, reviewed, reviewed_s1, reviewed_s2, reviewed_s3, reviewed_s4, reviewed_s5, pairs, gap_sum, abs_gap_sum, manager_higher_lots, manager_higher, agree, self_higher, self_higher_lots)
    SELECT t.department_id, p_cycle, p_sign, p_sign * p_s1, p_sign * p_s2, p_sign * p_s3, p_sign * p_s4, p_sign * p_s5, r, r * p_s1, r * p_s2, r * p_s3, r * p_s4, r * p_s5, pr, pr * coalesce(p_gap, 0), pr * abs(coalesce(p_gap, 0)), CASE WHEN p_gap < -30 THEN pr ELSE 0 END, CASE WHEN p_gap >= -30 AND p_gap < -10 THEN pr ELSE 0 END, CASE WHEN p_gap BETWEEN -10 AND 10 THEN pr ELSE 0 END, CASE WHEN p_gap > 10 AND p_gap <= 30 THEN pr ELSE 0 END, CASE WHEN p_gap > 30 THEN pr ELSE 0 END FROM teams t WHERE t.id = p_team
  ON CONFLICT (department_id, cycle_id) DO UPDATE SET assessed = f.assessed + excluded.assessed, sum_s1 = f.sum_s1 + excluded.sum_s1, sum_s2 = f.sum_s2 + excluded.sum_s2, sum_s3 = f.sum_s3 + excluded.sum_s3, sum_s4 = f.sum_s4 + excluded.sum_s4, sum_s5 = f.sum_s5 + excluded.sum_s5, reviewed = f.reviewed + excluded.reviewed, reviewed_s1 = f.reviewed_s1 + excluded.reviewed_s1, reviewed_s2 = f.reviewed_s2 + excluded.reviewed_s2, reviewed_s3 = f.reviewed_s3 + excluded.reviewed_s3, reviewed_s4 = f.reviewed_s4 + excluded.reviewed_s4, reviewed_s5 = f.reviewed_s5 + excluded.reviewed_s5, pairs = f.pairs + excluded.pairs, gap_sum = f.gap_sum + excluded.gap_sum, abs_gap_sum = f.abs_gap_sum + excluded.abs_gap_sum, manager_higher_lots = f.manager_higher_lots + excluded.manager_higher_lots, manager_higher = f.manager_higher + excluded.manager_higher, agree = f.agree + excluded.agree, self_higher = f.self_higher + excluded.self_higher, self_higher_lots = f.self_higher_lots + excluded.self_higher_lots;
  IF p_role_version IS NOT NULL THEN
  INSERT INTO role_cycle_figures AS f (role_profile_id, cycle_id, assessed, sum_s1, sum_s2, sum_s3, sum_s4, sum_s5, reviewed, reviewed_s1, reviewed_s2, reviewed_s3, reviewed_s4, reviewed_s5, pairs, gap_sum, abs_gap_sum, manager_higher_lots, manager_higher, agree, self_higher, self_higher_lots)
    SELECT v.role_profile_id, p_cycle, p_sign, p_sign * p_s1, p_sign * p_s2, p_sign * p_s3, p_sign * p_s4, p_sign * p_s5, r, r * p_s1, r * p_s2, r * p_s3, r * p_s4, r * p_s5, pr, pr * coalesce(p_gap, 0), pr * abs(coalesce(p_gap, 0)), CASE WHEN p_gap < -30 THEN pr ELSE 0 END, CASE WHEN p_gap >= -30 AND p_gap < -10 THEN pr ELSE 0 END, CASE WHEN p_gap BETWEEN -10 AND 10 THEN pr ELSE 0 END, CASE WHEN p_gap > 10 AND p_gap <= 30 THEN pr ELSE 0 END, CASE WHEN p_gap > 30 THEN pr ELSE 0 END FROM role_profile_versions v WHERE v.id = p_role_version
  ON CONFLICT (role_profile_id, cycle_id) DO UPDATE SET assessed = f.assessed + excluded.assessed, sum_s1 = f.sum_s1 + excluded.sum_s1, sum_s2 = f.sum_s2 + excluded.sum_s2, sum_s3 = f.sum_s3 + excluded.sum_s3, sum_s4 = f.sum_s4 + excluded.sum_s4, sum_s5 = f.sum_s5 + excluded.sum_s5, reviewed = f.reviewed + excluded.reviewed, reviewed_s1 = f.reviewed_s1 + excluded.reviewed_s1, reviewed_s2 = f.reviewed_s2 + excluded.reviewed_s2, reviewed_s3 = f.reviewed_s3 + excluded.reviewed_s3, reviewed_s4 = f.reviewed_s4 + excluded.reviewed_s4, reviewed_s5 = f.reviewed_s5 + excluded.reviewed_s5, pairs = f.pairs + excluded.pairs, gap_sum = f.gap_sum + excluded.gap_sum, abs_gap_sum = f.abs_gap_sum + excluded.abs_gap_sum, manager_higher_lots = f.manager_higher_lots + excluded.manager_higher_lots, manager_higher = f.manager_higher + excluded.manager_higher, agree = f.agree + excluded.agree, self_higher = f.self_higher + excluded.self_higher, self_higher_lots = f.self_higher_lots + excluded.self_higher_lots;
  END IF;
END;
$$;
--> statement-breakpoint
-- The rule of lib/ladder's effectiveAssessment: the finalized manager assessment, else the
-- submitted (or finalized) self-assessment; with a finalized review, its gap to the self-assessment.
CREATE FUNCTION refresh_effective_assessment(p_cycle integer, p_subject integer) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  was effective_assessments%ROWTYPE;
  now_row effective_assessments%ROWTYPE;
BEGIN
  -- Two transactions writing the same person's self and manager assessments take turns here.
  PERFORM pg_advisory_xact_lock(p_cycle, p_subject);
  DELETE FROM effective_assessments WHERE cycle_id = p_cycle AND subject_id = p_subject RETURNING * INTO was;
  IF FOUND THEN
    PERFORM add_to_assessment_rollups(was.cycle_id, was.team_id, was.role_version_id, was.reviewed,
      was.s1, was.s2, was.s3, was.s4, was.s5, was.gap, -1);
  END IF;
  INSERT INTO effective_assessments (cycle_id, subject_id, team_id, role_version_id, reviewed, s1, s2, s3, s4, s5, gap)
    SELECT a.cycle_id, a.subject_id, a.team_id, a.role_version_id, a.kind = 'manager', a.s1, a.s2, a.s3, a.s4, a.s5,
      CASE WHEN a.kind = 'manager' THEN
        (SELECT (s.s1 + 2 * s.s2 + 3 * s.s3 + 4 * s.s4 + 5 * s.s5) - (a.s1 + 2 * a.s2 + 3 * a.s3 + 4 * a.s4 + 5 * a.s5)
         FROM assessments s WHERE s.cycle_id = a.cycle_id AND s.subject_id = a.subject_id AND s.kind = 'self'
           AND s.status IN ('submitted', 'finalized') AND s.s1 IS NOT NULL)
      END
    FROM assessments a
    WHERE a.cycle_id = p_cycle AND a.subject_id = p_subject AND a.s1 IS NOT NULL
      AND ((a.kind = 'manager' AND a.status = 'finalized') OR (a.kind = 'self' AND a.status IN ('submitted', 'finalized')))
    ORDER BY CASE WHEN a.kind = 'manager' THEN 0 ELSE 1 END
    LIMIT 1
  RETURNING * INTO now_row;
  IF FOUND THEN
    PERFORM add_to_assessment_rollups(now_row.cycle_id, now_row.team_id, now_row.role_version_id, now_row.reviewed,
      now_row.s1, now_row.s2, now_row.s3, now_row.s4, now_row.s5, now_row.gap, 1);
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
  INSERT INTO department_cycle_figures AS d (department_id, cycle_id, assessed, sum_s1, sum_s2, sum_s3, sum_s4, sum_s5, reviewed, reviewed_s1, reviewed_s2, reviewed_s3, reviewed_s4, reviewed_s5, pairs, gap_sum, abs_gap_sum, manager_higher_lots, manager_higher, agree, self_higher, self_higher_lots)
    SELECT x.department_id, f.cycle_id, x.sign * f.assessed, x.sign * f.sum_s1, x.sign * f.sum_s2, x.sign * f.sum_s3, x.sign * f.sum_s4, x.sign * f.sum_s5, x.sign * f.reviewed, x.sign * f.reviewed_s1, x.sign * f.reviewed_s2, x.sign * f.reviewed_s3, x.sign * f.reviewed_s4, x.sign * f.reviewed_s5, x.sign * f.pairs, x.sign * f.gap_sum, x.sign * f.abs_gap_sum, x.sign * f.manager_higher_lots, x.sign * f.manager_higher, x.sign * f.agree, x.sign * f.self_higher, x.sign * f.self_higher_lots
    FROM team_cycle_figures f, (VALUES (OLD.department_id, -1), (NEW.department_id, 1)) AS x(department_id, sign)
    WHERE f.team_id = NEW.id
  ON CONFLICT (department_id, cycle_id) DO UPDATE SET assessed = d.assessed + excluded.assessed, sum_s1 = d.sum_s1 + excluded.sum_s1, sum_s2 = d.sum_s2 + excluded.sum_s2, sum_s3 = d.sum_s3 + excluded.sum_s3, sum_s4 = d.sum_s4 + excluded.sum_s4, sum_s5 = d.sum_s5 + excluded.sum_s5, reviewed = d.reviewed + excluded.reviewed, reviewed_s1 = d.reviewed_s1 + excluded.reviewed_s1, reviewed_s2 = d.reviewed_s2 + excluded.reviewed_s2, reviewed_s3 = d.reviewed_s3 + excluded.reviewed_s3, reviewed_s4 = d.reviewed_s4 + excluded.reviewed_s4, reviewed_s5 = d.reviewed_s5 + excluded.reviewed_s5, pairs = d.pairs + excluded.pairs, gap_sum = d.gap_sum + excluded.gap_sum, abs_gap_sum = d.abs_gap_sum + excluded.abs_gap_sum, manager_higher_lots = d.manager_higher_lots + excluded.manager_higher_lots, manager_higher = d.manager_higher + excluded.manager_higher, agree = d.agree + excluded.agree, self_higher = d.self_higher + excluded.self_higher, self_higher_lots = d.self_higher_lots + excluded.self_higher_lots;
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
  DELETE FROM role_cycle_figures;
  DELETE FROM department_cycle_figures;
  DELETE FROM team_cycle_figures;
  DELETE FROM effective_assessments;
  INSERT INTO effective_assessments (cycle_id, subject_id, team_id, role_version_id, reviewed, s1, s2, s3, s4, s5, gap)
    SELECT DISTINCT ON (a.cycle_id, a.subject_id) a.cycle_id, a.subject_id, a.team_id, a.role_version_id,
      a.kind = 'manager', a.s1, a.s2, a.s3, a.s4, a.s5,
      CASE WHEN a.kind = 'manager' THEN (s.s1 + 2 * s.s2 + 3 * s.s3 + 4 * s.s4 + 5 * s.s5) - (a.s1 + 2 * a.s2 + 3 * a.s3 + 4 * a.s4 + 5 * a.s5) END
    FROM assessments a
    LEFT JOIN assessments s ON s.cycle_id = a.cycle_id AND s.subject_id = a.subject_id AND s.kind = 'self'
      AND s.status IN ('submitted', 'finalized') AND s.s1 IS NOT NULL
    WHERE a.s1 IS NOT NULL
      AND ((a.kind = 'manager' AND a.status = 'finalized') OR (a.kind = 'self' AND a.status IN ('submitted', 'finalized')))
    ORDER BY a.cycle_id, a.subject_id, CASE WHEN a.kind = 'manager' THEN 0 ELSE 1 END;
  CREATE TEMP TABLE rollup_source ON COMMIT DROP AS
    SELECT e.cycle_id, e.team_id, t.department_id, v.role_profile_id,
      1 AS assessed, e.s1 AS sum_s1, e.s2 AS sum_s2, e.s3 AS sum_s3, e.s4 AS sum_s4, e.s5 AS sum_s5,
      e.reviewed::int AS reviewed, e.reviewed::int * e.s1 AS reviewed_s1, e.reviewed::int * e.s2 AS reviewed_s2,
      e.reviewed::int * e.s3 AS reviewed_s3, e.reviewed::int * e.s4 AS reviewed_s4, e.reviewed::int * e.s5 AS reviewed_s5,
      (e.gap IS NOT NULL)::int AS pairs, coalesce(e.gap, 0) AS gap_sum, abs(coalesce(e.gap, 0)) AS abs_gap_sum,
      (e.gap < -30)::int AS manager_higher_lots, (e.gap >= -30 AND e.gap < -10)::int AS manager_higher,
      (e.gap BETWEEN -10 AND 10)::int AS agree, (e.gap > 10 AND e.gap <= 30)::int AS self_higher,
      (e.gap > 30)::int AS self_higher_lots
    FROM effective_assessments e
    JOIN teams t ON t.id = e.team_id
    LEFT JOIN role_profile_versions v ON v.id = e.role_version_id;
  UPDATE rollup_source SET manager_higher_lots = coalesce(manager_higher_lots, 0), manager_higher = coalesce(manager_higher, 0),
    agree = coalesce(agree, 0), self_higher = coalesce(self_higher, 0), self_higher_lots = coalesce(self_higher_lots, 0);
  INSERT INTO team_cycle_figures (team_id, cycle_id, assessed, sum_s1, sum_s2, sum_s3, sum_s4, sum_s5, reviewed, reviewed_s1, reviewed_s2, reviewed_s3, reviewed_s4, reviewed_s5, pairs, gap_sum, abs_gap_sum, manager_higher_lots, manager_higher, agree, self_higher, self_higher_lots)
    SELECT team_id, cycle_id, sum(assessed), sum(sum_s1), sum(sum_s2), sum(sum_s3), sum(sum_s4), sum(sum_s5), sum(reviewed), sum(reviewed_s1), sum(reviewed_s2), sum(reviewed_s3), sum(reviewed_s4), sum(reviewed_s5), sum(pairs), sum(gap_sum), sum(abs_gap_sum), sum(manager_higher_lots), sum(manager_higher), sum(agree), sum(self_higher), sum(self_higher_lots) FROM rollup_source GROUP BY team_id, cycle_id;
  INSERT INTO department_cycle_figures (department_id, cycle_id, assessed, sum_s1, sum_s2, sum_s3, sum_s4, sum_s5, reviewed, reviewed_s1, reviewed_s2, reviewed_s3, reviewed_s4, reviewed_s5, pairs, gap_sum, abs_gap_sum, manager_higher_lots, manager_higher, agree, self_higher, self_higher_lots)
    SELECT department_id, cycle_id, sum(assessed), sum(sum_s1), sum(sum_s2), sum(sum_s3), sum(sum_s4), sum(sum_s5), sum(reviewed), sum(reviewed_s1), sum(reviewed_s2), sum(reviewed_s3), sum(reviewed_s4), sum(reviewed_s5), sum(pairs), sum(gap_sum), sum(abs_gap_sum), sum(manager_higher_lots), sum(manager_higher), sum(agree), sum(self_higher), sum(self_higher_lots) FROM rollup_source GROUP BY department_id, cycle_id;
  INSERT INTO role_cycle_figures (role_profile_id, cycle_id, assessed, sum_s1, sum_s2, sum_s3, sum_s4, sum_s5, reviewed, reviewed_s1, reviewed_s2, reviewed_s3, reviewed_s4, reviewed_s5, pairs, gap_sum, abs_gap_sum, manager_higher_lots, manager_higher, agree, self_higher, self_higher_lots)
    SELECT role_profile_id, cycle_id, sum(assessed), sum(sum_s1), sum(sum_s2), sum(sum_s3), sum(sum_s4), sum(sum_s5), sum(reviewed), sum(reviewed_s1), sum(reviewed_s2), sum(reviewed_s3), sum(reviewed_s4), sum(reviewed_s5), sum(pairs), sum(gap_sum), sum(abs_gap_sum), sum(manager_higher_lots), sum(manager_higher), sum(agree), sum(self_higher), sum(self_higher_lots) FROM rollup_source
    WHERE role_profile_id IS NOT NULL GROUP BY role_profile_id, cycle_id;
  DROP TABLE rollup_source;
END;
$$;
--> statement-breakpoint
SELECT rebuild_assessment_rollups();
