ALTER TABLE "department_cycle_figures" ADD COLUMN "members" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "role_cycle_figures" ADD COLUMN "median_exposure" double precision;--> statement-breakpoint
ALTER TABLE "role_cycle_figures" ADD COLUMN "median_upper" double precision;--> statement-breakpoint
ALTER TABLE "role_cycle_figures" ADD COLUMN "reviewed_median_exposure" double precision;--> statement-breakpoint
ALTER TABLE "role_cycle_figures" ADD COLUMN "reviewed_median_upper" double precision;--> statement-breakpoint
ALTER TABLE "team_cycle_figures" ADD COLUMN "members" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- The Organization page at any size reads one row per role and per department and cycle, never the
-- individual rows of the whole organisation:
-- 1. A role's medians behind its exposure class (percentile_cont(0.5) of s1 + s2 / 2 and of
--    s3 + s4 + s5 over its effective rows of a cycle, every row and the reviewed ones) are kept in
--    role_cycle_figures. A median cannot be updated by a difference, so the trigger recomputes it
--    from the role's rows of that cycle (a role is a team's, so few rows, found by the
--    (cycle_id, role_version_id) index) for the role or two a write touches.
-- 2. The coverage head-count, active people who were members of a team on a cycle's last day
--    (membership rows covering that day, as the page counted them), is kept per team and cycle and
--    per department and cycle (the team's department now, moved along with the sums), by statement
--    triggers on team_memberships, a row trigger on people.active and one on review_cycles (a new
--    cycle, or a new last day, is counted afresh). Kept for every cycle, drafts too, so opening a
--    cycle changes nothing. The membership and people triggers take a shared advisory lock and the
--    cycle trigger an exclusive one, and a membership write locks its people's rows FOR SHARE, so
--    concurrent writes cannot count against a state the other has not seen.
CREATE FUNCTION refresh_role_medians(p_cycle integer, p_role integer) RETURNS void LANGUAGE sql AS $$
  UPDATE role_cycle_figures f SET median_exposure = m.median_exposure, median_upper = m.median_upper,
    reviewed_median_exposure = m.reviewed_median_exposure, reviewed_median_upper = m.reviewed_median_upper
  FROM (
    SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY e.s1 + e.s2 / 2.0::float8) AS median_exposure,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY (e.s3 + e.s4 + e.s5)::float8) AS median_upper,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY e.s1 + e.s2 / 2.0::float8) FILTER (WHERE e.reviewed) AS reviewed_median_exposure,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY (e.s3 + e.s4 + e.s5)::float8) FILTER (WHERE e.reviewed) AS reviewed_median_upper
    FROM effective_assessments e
    JOIN role_profile_versions v ON v.id = e.role_version_id
    WHERE e.cycle_id = p_cycle AND v.role_profile_id = p_role
  ) m
  WHERE f.role_profile_id = p_role AND f.cycle_id = p_cycle;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION refresh_effective_assessment(p_cycle integer, p_subject integer) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  was effective_assessments%ROWTYPE;
  now_row effective_assessments%ROWTYPE;
  was_role integer;
  now_role integer;
BEGIN
  -- Two transactions writing the same person's self and manager assessments take turns here.
  PERFORM pg_advisory_xact_lock(p_cycle, p_subject);
  DELETE FROM effective_assessments WHERE cycle_id = p_cycle AND subject_id = p_subject RETURNING * INTO was;
  IF FOUND THEN
    PERFORM add_to_assessment_rollups(was.cycle_id, was.team_id, was.role_version_id, was.reviewed,
      was.s1, was.s2, was.s3, was.s4, was.s5, was.judgment, was.communication, was.stakeholders, was.systems_thinking, was.ownership, was.gap, -1);
    SELECT v.role_profile_id INTO was_role FROM role_profile_versions v WHERE v.id = was.role_version_id;
  END IF;
  INSERT INTO effective_assessments (cycle_id, subject_id, team_id, role_version_id, reviewed, s1, s2, s3, s4, s5, judgment, communication, stakeholders, systems_thinking, ownership, gap)
    SELECT a.cycle_id, a.subject_id, a.team_id, a.role_version_id, a.kind = 'manager', a.s1, a.s2, a.s3, a.s4, a.s5, a.judgment, a.communication, a.stakeholders, a.systems_thinking, a.ownership,
      CASE WHEN a.kind = 'manager' THEN
        (SELECT (s.s1 + 2 * s.s2 + 3 * s.s3 + 4 * s.s4 + 5 * s.s5) - (a.s1 + 2 * a.s2 + 3 * a.s3 + 4 * a.s4 + 5 * a.s5)
         FROM assessments s WHERE s.cycle_id = a.cycle_id AND s.subject_id = a.subject_id AND s.kind = 'self'
           AND s.status IN ('submitted', 'finalized') AND s.s1 IS NOT NULL)
      END
    FROM assessments a
    WHERE a.cycle_id = p_cycle AND a.subject_id = p_subject AND a.s1 IS NOT NULL AND a.team_id IS NOT NULL
      AND ((a.kind = 'manager' AND a.status = 'finalized') OR (a.kind = 'self' AND a.status IN ('submitted', 'finalized')))
    ORDER BY CASE WHEN a.kind = 'manager' THEN 0 ELSE 1 END
    LIMIT 1
  RETURNING * INTO now_row;
  IF FOUND THEN
    PERFORM add_to_assessment_rollups(now_row.cycle_id, now_row.team_id, now_row.role_version_id, now_row.reviewed,
      now_row.s1, now_row.s2, now_row.s3, now_row.s4, now_row.s5, now_row.judgment, now_row.communication, now_row.stakeholders, now_row.systems_thinking, now_row.ownership, now_row.gap, 1);
    SELECT v.role_profile_id INTO now_role FROM role_profile_versions v WHERE v.id = now_row.role_version_id;
  END IF;
  -- The medians of the role (or two) whose rows changed, from those rows as they are now.
  IF was_role IS NOT NULL THEN
    PERFORM refresh_role_medians(p_cycle, was_role);
  END IF;
  IF now_role IS NOT NULL AND now_role IS DISTINCT FROM was_role THEN
    PERFORM refresh_role_medians(p_cycle, now_role);
  END IF;
END;
$$;
--> statement-breakpoint
-- Adds p_sign for each membership (team, first day, last day or null) to the head-count of every
-- cycle (or only p_cycle) whose last day it covers, per team and per the team's department.
CREATE FUNCTION add_to_members(p_team integer[], p_started date[], p_ended date[], p_sign integer, p_cycle integer) RETURNS void
LANGUAGE sql AS $$
  WITH delta AS (
    SELECT m.team_id, c.id AS cycle_id, p_sign * count(*)::int AS n
    FROM unnest(p_team, p_started, p_ended) AS m(team_id, started_on, ended_on)
    JOIN review_cycles c ON m.started_on <= c.ends_on AND (m.ended_on IS NULL OR m.ended_on >= c.ends_on)
    WHERE p_cycle IS NULL OR c.id = p_cycle
    GROUP BY m.team_id, c.id
  ), by_team AS (
    INSERT INTO team_cycle_figures AS f (team_id, cycle_id, members) SELECT team_id, cycle_id, n FROM delta
    ON CONFLICT (team_id, cycle_id) DO UPDATE SET members = f.members + excluded.members
  )
  INSERT INTO department_cycle_figures AS f (department_id, cycle_id, members)
    SELECT t.department_id, d.cycle_id, sum(d.n) FROM delta d JOIN teams t ON t.id = d.team_id
    GROUP BY t.department_id, d.cycle_id
  ON CONFLICT (department_id, cycle_id) DO UPDATE SET members = f.members + excluded.members;
$$;
--> statement-breakpoint
CREATE FUNCTION team_memberships_keep_members() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock_shared(160017);
  IF TG_OP = 'INSERT' THEN
    PERFORM 1 FROM people p WHERE p.id IN (SELECT person_id FROM new_rows) FOR SHARE;
    PERFORM add_to_members(array_agg(n.team_id), array_agg(n.started_on), array_agg(n.ended_on), 1, NULL)
    FROM new_rows n JOIN people p ON p.id = n.person_id AND p.active;
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM add_to_members(array_agg(o.team_id), array_agg(o.started_on), array_agg(o.ended_on), -1, NULL)
    FROM old_rows o JOIN people p ON p.id = o.person_id AND p.active;
  ELSE
    PERFORM 1 FROM people p WHERE p.id IN (SELECT person_id FROM new_rows UNION SELECT person_id FROM old_rows) FOR SHARE;
    -- Only the rows whose team, person or dates changed (a role assignment changes none).
    PERFORM add_to_members(array_agg(o.team_id), array_agg(o.started_on), array_agg(o.ended_on), -1, NULL)
    FROM old_rows o JOIN people p ON p.id = o.person_id AND p.active
    WHERE NOT EXISTS (SELECT 1 FROM new_rows n WHERE n.id = o.id
      AND (n.team_id, n.person_id, n.started_on, n.ended_on) IS NOT DISTINCT FROM (o.team_id, o.person_id, o.started_on, o.ended_on));
    PERFORM add_to_members(array_agg(n.team_id), array_agg(n.started_on), array_agg(n.ended_on), 1, NULL)
    FROM new_rows n JOIN people p ON p.id = n.person_id AND p.active
    WHERE NOT EXISTS (SELECT 1 FROM old_rows o WHERE o.id = n.id
      AND (n.team_id, n.person_id, n.started_on, n.ended_on) IS NOT DISTINCT FROM (o.team_id, o.person_id, o.started_on, o.ended_on));
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER team_memberships_keep_members_insert AFTER INSERT ON team_memberships
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION team_memberships_keep_members();
--> statement-breakpoint
CREATE TRIGGER team_memberships_keep_members_update AFTER UPDATE ON team_memberships
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION team_memberships_keep_members();
--> statement-breakpoint
CREATE TRIGGER team_memberships_keep_members_delete AFTER DELETE ON team_memberships
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION team_memberships_keep_members();
--> statement-breakpoint
CREATE FUNCTION people_keep_members() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock_shared(160017);
  PERFORM add_to_members(array_agg(m.team_id), array_agg(m.started_on), array_agg(m.ended_on),
    CASE WHEN NEW.active THEN 1 ELSE -1 END, NULL)
  FROM team_memberships m WHERE m.person_id = NEW.id;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER people_keep_members AFTER UPDATE OF active ON people
  FOR EACH ROW WHEN (OLD.active IS DISTINCT FROM NEW.active) EXECUTE FUNCTION people_keep_members();
--> statement-breakpoint
-- One cycle's head-counts afresh, from the memberships of active people covering its last day.
CREATE FUNCTION recount_members(p_cycle integer) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  UPDATE team_cycle_figures SET members = 0 WHERE cycle_id = p_cycle AND members <> 0;
  UPDATE department_cycle_figures SET members = 0 WHERE cycle_id = p_cycle AND members <> 0;
  PERFORM add_to_members(array_agg(m.team_id), array_agg(m.started_on), array_agg(m.ended_on), 1, p_cycle)
  FROM team_memberships m JOIN people p ON p.id = m.person_id AND p.active;
END;
$$;
--> statement-breakpoint
CREATE FUNCTION review_cycles_keep_members() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.ends_on = NEW.ends_on THEN
    RETURN NULL;
  END IF;
  PERFORM pg_advisory_xact_lock(160017);
  PERFORM recount_members(NEW.id);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER review_cycles_keep_members AFTER INSERT OR UPDATE OF ends_on ON review_cycles
  FOR EACH ROW EXECUTE FUNCTION review_cycles_keep_members();
--> statement-breakpoint
-- A team moving to another department takes its head-counts along, as it takes its sums (0006).
CREATE FUNCTION teams_move_members() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO department_cycle_figures AS d (department_id, cycle_id, members)
    SELECT x.department_id, f.cycle_id, x.sign * f.members
    FROM team_cycle_figures f, (VALUES (OLD.department_id, -1), (NEW.department_id, 1)) AS x(department_id, sign)
    WHERE f.team_id = NEW.id AND f.members <> 0
  ON CONFLICT (department_id, cycle_id) DO UPDATE SET members = d.members + excluded.members;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER teams_move_members AFTER UPDATE OF department_id ON teams
  FOR EACH ROW WHEN (OLD.department_id IS DISTINCT FROM NEW.department_id) EXECUTE FUNCTION teams_move_members();
--> statement-breakpoint
-- From scratch, as before (after a bulk load that bypassed the triggers), now with the medians and head-counts.
ALTER FUNCTION rebuild_assessment_rollups() RENAME TO rebuild_assessment_sums;
--> statement-breakpoint
CREATE FUNCTION rebuild_assessment_rollups() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM rebuild_assessment_sums();
  UPDATE role_cycle_figures f SET median_exposure = m.median_exposure, median_upper = m.median_upper,
    reviewed_median_exposure = m.reviewed_median_exposure, reviewed_median_upper = m.reviewed_median_upper
  FROM (
    SELECT v.role_profile_id, e.cycle_id,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY e.s1 + e.s2 / 2.0::float8) AS median_exposure,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY (e.s3 + e.s4 + e.s5)::float8) AS median_upper,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY e.s1 + e.s2 / 2.0::float8) FILTER (WHERE e.reviewed) AS reviewed_median_exposure,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY (e.s3 + e.s4 + e.s5)::float8) FILTER (WHERE e.reviewed) AS reviewed_median_upper
    FROM effective_assessments e
    JOIN role_profile_versions v ON v.id = e.role_version_id
    GROUP BY v.role_profile_id, e.cycle_id
  ) m
  WHERE f.role_profile_id = m.role_profile_id AND f.cycle_id = m.cycle_id;
  UPDATE team_cycle_figures SET members = 0 WHERE members <> 0;
  UPDATE department_cycle_figures SET members = 0 WHERE members <> 0;
  PERFORM add_to_members(array_agg(m.team_id), array_agg(m.started_on), array_agg(m.ended_on), 1, NULL)
  FROM team_memberships m JOIN people p ON p.id = m.person_id AND p.active;
END;
$$;
--> statement-breakpoint
SELECT rebuild_assessment_rollups();
