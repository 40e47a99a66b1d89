ALTER TABLE "department_cycle_figures" ADD COLUMN "sum_judgment" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "department_cycle_figures" ADD COLUMN "sum_communication" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "department_cycle_figures" ADD COLUMN "sum_stakeholders" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "department_cycle_figures" ADD COLUMN "sum_systems_thinking" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "department_cycle_figures" ADD COLUMN "sum_ownership" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "department_cycle_figures" ADD COLUMN "reviewed_judgment" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "department_cycle_figures" ADD COLUMN "reviewed_communication" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "department_cycle_figures" ADD COLUMN "reviewed_stakeholders" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "department_cycle_figures" ADD COLUMN "reviewed_systems_thinking" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "department_cycle_figures" ADD COLUMN "reviewed_ownership" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "effective_assessments" ADD COLUMN "judgment" smallint;--> statement-breakpoint
ALTER TABLE "effective_assessments" ADD COLUMN "communication" smallint;--> statement-breakpoint
ALTER TABLE "effective_assessments" ADD COLUMN "stakeholders" smallint;--> statement-breakpoint
ALTER TABLE "effective_assessments" ADD COLUMN "systems_thinking" smallint;--> statement-breakpoint
ALTER TABLE "effective_assessments" ADD COLUMN "ownership" smallint;--> statement-breakpoint
ALTER TABLE "role_cycle_figures" ADD COLUMN "sum_judgment" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "role_cycle_figures" ADD COLUMN "sum_communication" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "role_cycle_figures" ADD COLUMN "sum_stakeholders" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "role_cycle_figures" ADD COLUMN "sum_systems_thinking" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "role_cycle_figures" ADD COLUMN "sum_ownership" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "role_cycle_figures" ADD COLUMN "reviewed_judgment" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "role_cycle_figures" ADD COLUMN "reviewed_communication" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "role_cycle_figures" ADD COLUMN "reviewed_stakeholders" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "role_cycle_figures" ADD COLUMN "reviewed_systems_thinking" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "role_cycle_figures" ADD COLUMN "reviewed_ownership" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "team_cycle_figures" ADD COLUMN "sum_judgment" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "team_cycle_figures" ADD COLUMN "sum_communication" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "team_cycle_figures" ADD COLUMN "sum_stakeholders" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "team_cycle_figures" ADD COLUMN "sum_systems_thinking" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "team_cycle_figures" ADD COLUMN "sum_ownership" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "team_cycle_figures" ADD COLUMN "reviewed_judgment" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "team_cycle_figures" ADD COLUMN "reviewed_communication" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "team_cycle_figures" ADD COLUMN "reviewed_stakeholders" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "team_cycle_figures" ADD COLUMN "reviewed_systems_thinking" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "team_cycle_figures" ADD COLUMN "reviewed_ownership" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- The durable capabilities reach the rollups: the effective assessment keeps its five ratings, and
-- every team, department and role sums them per cycle beside the level mix (best available and
-- manager-reviewed only), kept by the same triggers in the same transaction, so the Organization
-- page reads capability means from one row per department and cycle at any size.
DROP FUNCTION add_to_assessment_rollups(integer, integer, integer, boolean, integer, integer, integer, integer, integer, integer, integer);
--> statement-breakpoint
CREATE FUNCTION add_to_assessment_rollups(p_cycle integer, p_team integer, p_role_version integer, p_reviewed boolean,
  p_s1 integer, p_s2 integer, p_s3 integer, p_s4 integer, p_s5 integer, p_judgment integer, p_communication integer, p_stakeholders integer, p_systems_thinking integer, p_ownership integer, p_gap integer, p_sign integer) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  r integer := CASE WHEN p_reviewed THEN p_sign ELSE 0 END;
  pr integer := CASE WHEN p_gap IS NOT NULL THEN p_sign ELSE 0 END;
BEGIN
  INSERT INTO team_cycle_figures AS f (team_id, cycle_id, assessed, sum_s1, sum_s2, sum_s3, sum_s4, sum_s5, sum_judgment, sum_communication, sum_stakeholders, sum_systems_thinking, sum_ownership, reviewed, reviewed_s1, reviewed_s2, reviewed_s3, reviewed_s4, reviewed_s5, reviewed_judgment, reviewed_communication, reviewed_stakeholders, reviewed_systems_thinking, reviewed_ownership, pairs, gap_sum, abs_gap_sum, manager_higher_lots, manager_higher, agree, self_higher, self_higher_lots)
    VALUES (p_team, p_cycle, p_sign, p_sign * p_s1, p_sign * p_s2, p_sign * p_s3, p_sign * p_s4, p_sign * p_s5, p_sign * p_judgment, p_sign * p_communication, p_sign * p_stakeholders, p_sign * p_systems_thinking, p_sign * p_ownership, r, r * p_s1, r * p_s2, r * p_s3, r * p_s4, r * p_s5, r * p_judgment, r * p_communication, r * p_stakeholders, r * p_systems_thinking, r * p_ownership, pr, pr * coalesce(p_gap, 0), pr * abs(coalesce(p_gap, 0)), CASE WHEN p_gap < -30 THEN pr ELSE 0 END, CASE WHEN p_gap >= -30 AND p_gap < -10 THEN pr ELSE 0 END, CASE WHEN p_gap BETWEEN -10 AND 10 THEN pr ELSE 0 END, CASE WHEN p_gap > 10 AND p_gap <= 30 THEN pr ELSE 0 END, CASE WHEN p_gap > 30 THEN pr ELSE 0 END)
  ON CONFLICT (team_id, cycle_id) DO UPDATE SET assessed = f.assessed + excluded.assessed, sum_s1 = f.sum_s1 + excluded.sum_s1, sum_s2 = f.sum_s2 + excluded.sum_s2, sum_s3 = f.sum_s3 + excluded.sum_s3, sum_s4 = f.sum_s4 + excluded.sum_s4, sum_s5 = f.sum_s5 + excluded.sum_s5, sum_judgment = f.sum_judgment + excluded.sum_judgment, sum_communication = f.sum_communication + excluded.sum_communication, sum_stakeholders = f.sum_stakeholders + excluded.sum_stakeholders, sum_systems_thinking = f.sum_systems_thinking + excluded.sum_systems_thinking, sum_ownership = f.sum_ownership + excluded.sum_ownership, reviewed = f.reviewed + excluded.reviewed, reviewed_s1 = f.reviewed_s1 + excluded.reviewed_s1, reviewed_s2 = f.reviewed_s2 + excluded.reviewed_s2, reviewed_s3 = f.reviewed_s3 + excluded.reviewed_s3, reviewed_s4 = f.reviewed_s4 + excluded.reviewed_s4, reviewed_s5 = f.reviewed_s5 + excluded.reviewed_s5, reviewed_judgment = f.reviewed_judgment + excluded.reviewed_judgment, reviewed_communication = f.reviewed_communication + excluded.reviewed_communication, reviewed_stakeholders = f.reviewed_stakeholders + excluded.reviewed_stakeholders, reviewed_systems_thinking = f.reviewed_systems_thinking + excluded.reviewed_systems_thinking, reviewed_ownership = f.reviewed_ownership + excluded.reviewed_ownership, pairs = f.pairs + excluded.pairs, gap_sum = f.gap_sum + excluded.gap_sum, abs_gap_sum = f.abs_gap_sum + excluded.abs_gap_sum, manager_higher_lots = f.manager_higher_lots + excluded.manager_higher_lots, manager_higher = f.manager_higher + excluded.manager_higher, agree = f.agree + excluded.agree, self_higher = f.self_higher + excluded.self_higher, self_higher_lots = f.self_higher_lots + excluded.self_higher_lots;
  INSERT INTO department_cycle_figures AS f (department_id, cycle_id, assessed, sum_s1, sum_s2, sum_s3, sum_s4, sum_s5, sum_judgment, sum_communication, sum_stakeholders, sum_systems_thinking, sum_ownership, reviewed, reviewed_s1, reviewed_s2, reviewed_s3, reviewed_s4, reviewed_s5, reviewed_judgment, reviewed_communication, reviewed_stakeholders, reviewed_systems_thinking, reviewed_ownership, pairs, gap_sum, abs_gap_sum, manager_higher_lots, manager_higher, agree, self_higher, self_higher_lots)
    SELECT t.department_id, p_cycle, p_sign, p_sign * p_s1, p_sign * p_s2, p_sign * p_s3, p_sign * p_s4, p_sign * p_s5, p_sign * p_judgment, p_sign * p_communication, p_sign * p_stakeholders, p_sign * p_systems_thinking, p_sign * p_ownership, r, r * p_s1, r * p_s2, r * p_s3, r * p_s4, r * p_s5, r * p_judgment, r * p_communication, r * p_stakeholders, r * p_systems_thinking, r * p_ownership, pr, pr * coalesce(p_gap, 0), pr * abs(coalesce(p_gap, 0)), CASE WHEN p_gap < -30 THEN pr ELSE 0 END, CASE WHEN p_gap >= -30 AND p_gap < -10 THEN pr ELSE 0 END, CASE WHEN p_gap BETWEEN -10 AND 10 THEN pr ELSE 0 END, CASE WHEN p_gap > 10 AND p_gap <= 30 THEN pr ELSE 0 END, CASE WHEN p_gap > 30 THEN pr ELSE 0 END FROM teams t WHERE t.id = p_team
  ON CONFLICT (department_id, cycle_id) DO UPDATE SET assessed = f.assessed + excluded.assessed, sum_s1 = f.sum_s1 + excluded.sum_s1, sum_s2 = f.sum_s2 + excluded.sum_s2, sum_s3 = f.sum_s3 + excluded.sum_s3, sum_s4 = f.sum_s4 + excluded.sum_s4, sum_s5 = f.sum_s5 + excluded.sum_s5, sum_judgment = f.sum_judgment + excluded.sum_judgment, sum_communication = f.sum_communication + excluded.sum_communication, sum_stakeholders = f.sum_stakeholders + excluded.sum_stakeholders, sum_systems_thinking = f.sum_systems_thinking + excluded.sum_systems_thinking, sum_ownership = f.sum_ownership + excluded.sum_ownership, reviewed = f.reviewed + excluded.reviewed, reviewed_s1 = f.reviewed_s1 + excluded.reviewed_s1, reviewed_s2 = f.reviewed_s2 + excluded.reviewed_s2, reviewed_s3 = f.reviewed_s3 + excluded.reviewed_s3, reviewed_s4 = f.reviewed_s4 + excluded.reviewed_s4, reviewed_s5 = f.reviewed_s5 + excluded.reviewed_s5, reviewed_judgment = f.reviewed_judgment + excluded.reviewed_judgment, reviewed_communication = f.reviewed_communication + excluded.reviewed_communication, reviewed_stakeholders = f.reviewed_stakeholders + excluded.reviewed_stakeholders, reviewed_systems_thinking = f.reviewed_systems_thinking + excluded.reviewed_systems_thinking, reviewed_ownership = f.reviewed_ownership + excluded.reviewed_ownership, pairs = f.pairs + excluded.pairs, gap_sum = f.gap_sum + excluded.gap_sum, abs_gap_sum = f.abs_gap_sum + excluded.abs_gap_sum, manager_higher_lots = f.manager_higher_lots + excluded.manager_higher_lots, manager_higher = f.manager_higher + excluded.manager_higher, agree = f.agree + excluded.agree, self_higher = f.self_higher + excluded.self_higher, self_higher_lots = f.self_higher_lots + excluded.self_higher_lots;
  IF p_role_version IS NOT NULL THEN
  INSERT INTO role_cycle_figures AS f (role_profile_id, cycle_id, assessed, sum_s1, sum_s2, sum_s3, sum_s4, sum_s5, sum_judgment, sum_communication, sum_stakeholders, sum_systems_thinking, sum_ownership, reviewed, reviewed_s1, reviewed_s2, reviewed_s3, reviewed_s4, reviewed_s5, reviewed_judgment, reviewed_communication, reviewed_stakeholders, reviewed_systems_thinking, reviewed_ownership, pairs, gap_sum, abs_gap_sum, manager_higher_lots, manager_higher, agree, self_higher, self_higher_lots)
    SELECT v.role_profile_id, p_cycle, p_sign, p_sign * p_s1, p_sign * p_s2, p_sign * p_s3, p_sign * p_s4, p_sign * p_s5, p_sign * p_judgment, p_sign * p_communication, p_sign * p_stakeholders, p_sign * p_systems_thinking, p_sign * p_ownership, r, r * p_s1, r * p_s2, r * p_s3, r * p_s4, r * p_s5, r * p_judgment, r * p_communication, r * p_stakeholders, r * p_systems_thinking, r * p_ownership, pr, pr * coalesce(p_gap, 0), pr * abs(coalesce(p_gap, 0)), CASE WHEN p_gap < -30 THEN pr ELSE 0 END, CASE WHEN p_gap >= -30 AND p_gap < -10 THEN pr ELSE 0 END, CASE WHEN p_gap BETWEEN -10 AND 10 THEN pr ELSE 0 END, CASE WHEN p_gap > 10 AND p_gap <= 30 THEN pr ELSE 0 END, CASE WHEN p_gap > 30 THEN pr ELSE 0 END FROM role_profile_versions v WHERE v.id = p_role_version
  ON CONFLICT (role_profile_id, cycle_id) DO UPDATE SET assessed = f.assessed + excluded.assessed, sum_s1 = f.sum_s1 + excluded.sum_s1, sum_s2 = f.sum_s2 + excluded.sum_s2, sum_s3 = f.sum_s3 + excluded.sum_s3, sum_s4 = f.sum_s4 + excluded.sum_s4, sum_s5 = f.sum_s5 + excluded.sum_s5, sum_judgment = f.sum_judgment + excluded.sum_judgment, sum_communication = f.sum_communication + excluded.sum_communication, sum_stakeholders = f.sum_stakeholders + excluded.sum_stakeholders, sum_systems_thinking = f.sum_systems_thinking + excluded.sum_systems_thinking, sum_ownership = f.sum_ownership + excluded.sum_ownership, reviewed = f.reviewed + excluded.reviewed, reviewed_s1 = f.reviewed_s1 + excluded.reviewed_s1, reviewed_s2 = f.reviewed_s2 + excluded.reviewed_s2, reviewed_s3 = f.reviewed_s3 + excluded.reviewed_s3, reviewed_s4 = f.reviewed_s4 + excluded.reviewed_s4, reviewed_s5 = f.reviewed_s5 + excluded.reviewed_s5, reviewed_judgment = f.reviewed_judgment + excluded.reviewed_judgment, reviewed_communication = f.reviewed_communication + excluded.reviewed_communication, reviewed_stakeholders = f.reviewed_stakeholders + excluded.reviewed_stakeholders, reviewed_systems_thinking = f.reviewed_systems_thinking + excluded.reviewed_systems_thinking, reviewed_ownership = f.reviewed_ownership + excluded.reviewed_ownership, pairs = f.pairs + excluded.pairs, gap_sum = f.gap_sum + excluded.gap_sum, abs_gap_sum = f.abs_gap_sum + excluded.abs_gap_sum, manager_higher_lots = f.manager_higher_lots + excluded.manager_higher_lots, manager_higher = f.manager_higher + excluded.manager_higher, agree = f.agree + excluded.agree, self_higher = f.self_higher + excluded.self_higher, self_higher_lots = f.self_higher_lots + excluded.self_higher_lots;
  END IF;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION refresh_effective_assessment(p_cycle integer, p_subject integer) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  was effective_assessments%ROWTYPE;
  now_row effective_assessments%ROWTYPE;
BEGIN
  -- Two transactions writing the same person's self and manager assessments take turns here.
  PERFORM pg_advisory_xact_lock(p_cycle, p_subject);
  DELETE FROM effective_assessments WHERE cycle_id = p_cycle AND subject_id = p_subject RETURNING * INTO was;
  IF FOUND THEN
    PERFORM add_to_assessment_rollups(was.cycle_id, was.team_id, was.role_version_id, was.reviewed,
      was.s1, was.s2, was.s3, was.s4, was.s5, was.judgment, was.communication, was.stakeholders, was.systems_thinking, was.ownership, was.gap, -1);
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
  END IF;
END;
$$;
--> statement-breakpoint
-- The capability ratings are rollup inputs too: a write that changes only them refreshes the sums.
DROP TRIGGER assessments_keep_rollups ON assessments;
--> statement-breakpoint
CREATE TRIGGER assessments_keep_rollups
  AFTER INSERT OR DELETE OR UPDATE OF cycle_id, subject_id, kind, status, team_id, role_version_id, s1, s2, s3, s4, s5,
    judgment, communication, stakeholders, systems_thinking, ownership
  ON assessments FOR EACH ROW EXECUTE FUNCTION assessments_keep_rollups();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION teams_move_rollups() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO department_cycle_figures AS d (department_id, cycle_id, assessed, sum_s1, sum_s2, sum_s3, sum_s4, sum_s5, sum_judgment, sum_communication, sum_stakeholders, sum_systems_thinking, sum_ownership, reviewed, reviewed_s1, reviewed_s2, reviewed_s3, reviewed_s4, reviewed_s5, reviewed_judgment, reviewed_communication, reviewed_stakeholders, reviewed_systems_thinking, reviewed_ownership, pairs, gap_sum, abs_gap_sum, manager_higher_lots, manager_higher, agree, self_higher, self_higher_lots)
    SELECT x.department_id, f.cycle_id, x.sign * f.assessed, x.sign * f.sum_s1, x.sign * f.sum_s2, x.sign * f.sum_s3, x.sign * f.sum_s4, x.sign * f.sum_s5, x.sign * f.sum_judgment, x.sign * f.sum_communication, x.sign * f.sum_stakeholders, x.sign * f.sum_systems_thinking, x.sign * f.sum_ownership, x.sign * f.reviewed, x.sign * f.reviewed_s1, x.sign * f.reviewed_s2, x.sign * f.reviewed_s3, x.sign * f.reviewed_s4, x.sign * f.reviewed_s5, x.sign * f.reviewed_judgment, x.sign * f.reviewed_communication, x.sign * f.reviewed_stakeholders, x.sign * f.reviewed_systems_thinking, x.sign * f.reviewed_ownership, x.sign * f.pairs, x.sign * f.gap_sum, x.sign * f.abs_gap_sum, x.sign * f.manager_higher_lots, x.sign * f.manager_higher, x.sign * f.agree, x.sign * f.self_higher, x.sign * f.self_higher_lots
    FROM team_cycle_figures f, (VALUES (OLD.department_id, -1), (NEW.department_id, 1)) AS x(department_id, sign)
    WHERE f.team_id = NEW.id
  ON CONFLICT (department_id, cycle_id) DO UPDATE SET assessed = d.assessed + excluded.assessed, sum_s1 = d.sum_s1 + excluded.sum_s1, sum_s2 = d.sum_s2 + excluded.sum_s2, sum_s3 = d.sum_s3 + excluded.sum_s3, sum_s4 = d.sum_s4 + excluded.sum_s4, sum_s5 = d.sum_s5 + excluded.sum_s5, sum_judgment = d.sum_judgment + excluded.sum_judgment, sum_communication = d.sum_communication + excluded.sum_communication, sum_stakeholders = d.sum_stakeholders + excluded.sum_stakeholders, sum_systems_thinking = d.sum_systems_thinking + excluded.sum_systems_thinking, sum_ownership = d.sum_ownership + excluded.sum_ownership, reviewed = d.reviewed + excluded.reviewed, reviewed_s1 = d.reviewed_s1 + excluded.reviewed_s1, reviewed_s2 = d.reviewed_s2 + excluded.reviewed_s2, reviewed_s3 = d.reviewed_s3 + excluded.reviewed_s3, reviewed_s4 = d.reviewed_s4 + excluded.reviewed_s4, reviewed_s5 = d.reviewed_s5 + excluded.reviewed_s5, reviewed_judgment = d.reviewed_judgment + excluded.reviewed_judgment, reviewed_communication = d.reviewed_communication + excluded.reviewed_communication, reviewed_stakeholders = d.reviewed_stakeholders + excluded.reviewed_stakeholders, reviewed_systems_thinking = d.reviewed_systems_thinking + excluded.reviewed_systems_thinking, reviewed_ownership = d.reviewed_ownership + excluded.reviewed_ownership, pairs = d.pairs + excluded.pairs, gap_sum = d.gap_sum + excluded.gap_sum, abs_gap_sum = d.abs_gap_sum + excluded.abs_gap_sum, manager_higher_lots = d.manager_higher_lots + excluded.manager_higher_lots, manager_higher = d.manager_higher + excluded.manager_higher, agree = d.agree + excluded.agree, self_higher = d.self_higher + excluded.self_higher, self_higher_lots = d.self_higher_lots + excluded.self_higher_lots;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- As in 0006, with the ratings, and leaving out someone in no team as the trigger does since 0012.
CREATE OR REPLACE FUNCTION rebuild_assessment_rollups() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM role_cycle_figures;
  DELETE FROM department_cycle_figures;
  DELETE FROM team_cycle_figures;
  DELETE FROM effective_assessments;
  INSERT INTO effective_assessments (cycle_id, subject_id, team_id, role_version_id, reviewed, s1, s2, s3, s4, s5, judgment, communication, stakeholders, systems_thinking, ownership, gap)
    SELECT DISTINCT ON (a.cycle_id, a.subject_id) a.cycle_id, a.subject_id, a.team_id, a.role_version_id,
      a.kind = 'manager', a.s1, a.s2, a.s3, a.s4, a.s5, a.judgment, a.communication, a.stakeholders, a.systems_thinking, a.ownership,
      CASE WHEN a.kind = 'manager' THEN (s.s1 + 2 * s.s2 + 3 * s.s3 + 4 * s.s4 + 5 * s.s5) - (a.s1 + 2 * a.s2 + 3 * a.s3 + 4 * a.s4 + 5 * a.s5) END
    FROM assessments a
    LEFT JOIN assessments s ON s.cycle_id = a.cycle_id AND s.subject_id = a.subject_id AND s.kind = 'self'
      AND s.status IN ('submitted', 'finalized') AND s.s1 IS NOT NULL
    WHERE a.s1 IS NOT NULL AND a.team_id IS NOT NULL
      AND ((a.kind = 'manager' AND a.status = 'finalized') OR (a.kind = 'self' AND a.status IN ('submitted', 'finalized')))
    ORDER BY a.cycle_id, a.subject_id, CASE WHEN a.kind = 'manager' THEN 0 ELSE 1 END;
  CREATE TEMP TABLE rollup_source ON COMMIT DROP AS
    SELECT e.cycle_id, e.team_id, t.department_id, v.role_profile_id,
      1 AS assessed, e.s1 AS sum_s1, e.s2 AS sum_s2, e.s3 AS sum_s3, e.s4 AS sum_s4, e.s5 AS sum_s5, e.judgment AS sum_judgment, e.communication AS sum_communication, e.stakeholders AS sum_stakeholders, e.systems_thinking AS sum_systems_thinking, e.ownership AS sum_ownership, e.reviewed::int AS reviewed, e.reviewed::int * e.s1 AS reviewed_s1, e.reviewed::int * e.s2 AS reviewed_s2, e.reviewed::int * e.s3 AS reviewed_s3, e.reviewed::int * e.s4 AS reviewed_s4, e.reviewed::int * e.s5 AS reviewed_s5, e.reviewed::int * e.judgment AS reviewed_judgment, e.reviewed::int * e.communication AS reviewed_communication, e.reviewed::int * e.stakeholders AS reviewed_stakeholders, e.reviewed::int * e.systems_thinking AS reviewed_systems_thinking, e.reviewed::int * e.ownership AS reviewed_ownership,
      (e.gap IS NOT NULL)::int AS pairs, coalesce(e.gap, 0) AS gap_sum, abs(coalesce(e.gap, 0)) AS abs_gap_sum,
      coalesce((e.gap < -30)::int, 0) AS manager_higher_lots, coalesce((e.gap >= -30 AND e.gap < -10)::int, 0) AS manager_higher,
      coalesce((e.gap BETWEEN -10 AND 10)::int, 0) AS agree, coalesce((e.gap > 10 AND e.gap <= 30)::int, 0) AS self_higher,
      coalesce((e.gap > 30)::int, 0) AS self_higher_lots
    FROM effective_assessments e
    JOIN teams t ON t.id = e.team_id
    LEFT JOIN role_profile_versions v ON v.id = e.role_version_id;
  INSERT INTO team_cycle_figures (team_id, cycle_id, assessed, sum_s1, sum_s2, sum_s3, sum_s4, sum_s5, sum_judgment, sum_communication, sum_stakeholders, sum_systems_thinking, sum_ownership, reviewed, reviewed_s1, reviewed_s2, reviewed_s3, reviewed_s4, reviewed_s5, reviewed_judgment, reviewed_communication, reviewed_stakeholders, reviewed_systems_thinking, reviewed_ownership, pairs, gap_sum, abs_gap_sum, manager_higher_lots, manager_higher, agree, self_higher, self_higher_lots)
    SELECT team_id, cycle_id, sum(assessed), sum(sum_s1), sum(sum_s2), sum(sum_s3), sum(sum_s4), sum(sum_s5), sum(sum_judgment), sum(sum_communication), sum(sum_stakeholders), sum(sum_systems_thinking), sum(sum_ownership), sum(reviewed), sum(reviewed_s1), sum(reviewed_s2), sum(reviewed_s3), sum(reviewed_s4), sum(reviewed_s5), sum(reviewed_judgment), sum(reviewed_communication), sum(reviewed_stakeholders), sum(reviewed_systems_thinking), sum(reviewed_ownership), sum(pairs), sum(gap_sum), sum(abs_gap_sum), sum(manager_higher_lots), sum(manager_higher), sum(agree), sum(self_higher), sum(self_higher_lots) FROM rollup_source GROUP BY team_id, cycle_id;
  INSERT INTO department_cycle_figures (department_id, cycle_id, assessed, sum_s1, sum_s2, sum_s3, sum_s4, sum_s5, sum_judgment, sum_communication, sum_stakeholders, sum_systems_thinking, sum_ownership, reviewed, reviewed_s1, reviewed_s2, reviewed_s3, reviewed_s4, reviewed_s5, reviewed_judgment, reviewed_communication, reviewed_stakeholders, reviewed_systems_thinking, reviewed_ownership, pairs, gap_sum, abs_gap_sum, manager_higher_lots, manager_higher, agree, self_higher, self_higher_lots)
    SELECT department_id, cycle_id, sum(assessed), sum(sum_s1), sum(sum_s2), sum(sum_s3), sum(sum_s4), sum(sum_s5), sum(sum_judgment), sum(sum_communication), sum(sum_stakeholders), sum(sum_systems_thinking), sum(sum_ownership), sum(reviewed), sum(reviewed_s1), sum(reviewed_s2), sum(reviewed_s3), sum(reviewed_s4), sum(reviewed_s5), sum(reviewed_judgment), sum(reviewed_communication), sum(reviewed_stakeholders), sum(reviewed_systems_thinking), sum(reviewed_ownership), sum(pairs), sum(gap_sum), sum(abs_gap_sum), sum(manager_higher_lots), sum(manager_higher), sum(agree), sum(self_higher), sum(self_higher_lots) FROM rollup_source GROUP BY department_id, cycle_id;
  INSERT INTO role_cycle_figures (role_profile_id, cycle_id, assessed, sum_s1, sum_s2, sum_s3, sum_s4, sum_s5, sum_judgment, sum_communication, sum_stakeholders, sum_systems_thinking, sum_ownership, reviewed, reviewed_s1, reviewed_s2, reviewed_s3, reviewed_s4, reviewed_s5, reviewed_judgment, reviewed_communication, reviewed_stakeholders, reviewed_systems_thinking, reviewed_ownership, pairs, gap_sum, abs_gap_sum, manager_higher_lots, manager_higher, agree, self_higher, self_higher_lots)
    SELECT role_profile_id, cycle_id, sum(assessed), sum(sum_s1), sum(sum_s2), sum(sum_s3), sum(sum_s4), sum(sum_s5), sum(sum_judgment), sum(sum_communication), sum(sum_stakeholders), sum(sum_systems_thinking), sum(sum_ownership), sum(reviewed), sum(reviewed_s1), sum(reviewed_s2), sum(reviewed_s3), sum(reviewed_s4), sum(reviewed_s5), sum(reviewed_judgment), sum(reviewed_communication), sum(reviewed_stakeholders), sum(reviewed_systems_thinking), sum(reviewed_ownership), sum(pairs), sum(gap_sum), sum(abs_gap_sum), sum(manager_higher_lots), sum(manager_higher), sum(agree), sum(self_higher), sum(self_higher_lots) FROM rollup_source
    WHERE role_profile_id IS NOT NULL GROUP BY role_profile_id, cycle_id;
  DROP TABLE rollup_source;
END;
$$;
--> statement-breakpoint
SELECT rebuild_assessment_rollups();
