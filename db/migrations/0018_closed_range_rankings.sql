CREATE TABLE "closed_range_rankings" (
	"key" varchar(32) PRIMARY KEY NOT NULL,
	"kind" varchar(8) NOT NULL,
	"cycle_ids" integer[] NOT NULL,
	"department_id" integer,
	"basis" varchar(16) NOT NULL,
	"row_limit" integer,
	"ids" integer[] NOT NULL
);
--> statement-breakpoint
-- The Organization page's top movers over a range of closed cycles, kept once computed
-- (db/queries/organization.ts, topMoverIds): a closed cycle's assessments cannot change (0002's
-- triggers), so such a ranking changes only when a cycle is re-opened or removed, a team changes
-- department, a team or role is moved or removed, or the rollups change under a closed cycle
-- (rebuild_assessment_rollups()). Each of those clears the whole table, so a kept ranking is never
-- stale; the next request computes it again.
-- The clearing takes advisory lock 160018 exclusively, and a request filling the table takes it
-- shared (one transaction, before its one statement that checks the cycles are closed, computes
-- and inserts): a fill never lands after a clearing it did not see.
CREATE FUNCTION clear_closed_range_rankings() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(160018);
  DELETE FROM closed_range_rankings;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER review_cycles_clear_rankings AFTER UPDATE OR DELETE OR TRUNCATE ON review_cycles
  FOR EACH STATEMENT EXECUTE FUNCTION clear_closed_range_rankings();
--> statement-breakpoint
CREATE TRIGGER teams_clear_rankings AFTER UPDATE OF department_id OR DELETE OR TRUNCATE ON teams
  FOR EACH STATEMENT EXECUTE FUNCTION clear_closed_range_rankings();
--> statement-breakpoint
CREATE TRIGGER role_profiles_clear_rankings AFTER UPDATE OF team_id OR DELETE OR TRUNCATE ON role_profiles
  FOR EACH STATEMENT EXECUTE FUNCTION clear_closed_range_rankings();
--> statement-breakpoint
CREATE TRIGGER team_cycle_figures_truncate_clears_rankings AFTER TRUNCATE ON team_cycle_figures
  FOR EACH STATEMENT EXECUTE FUNCTION clear_closed_range_rankings();
--> statement-breakpoint
CREATE TRIGGER role_cycle_figures_truncate_clears_rankings AFTER TRUNCATE ON role_cycle_figures
  FOR EACH STATEMENT EXECUTE FUNCTION clear_closed_range_rankings();
--> statement-breakpoint
-- Anything else that changes a closed cycle's rollup row clears them too: one primary-key lookup
-- of the row's cycle; a write to the open cycle goes no further.
CREATE FUNCTION cycle_figures_clear_rankings() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (
    SELECT 1 FROM review_cycles c
    WHERE c.status = 'closed'
      AND c.id IN (CASE WHEN TG_OP = 'INSERT' THEN NULL ELSE OLD.cycle_id END,
                   CASE WHEN TG_OP = 'DELETE' THEN NULL ELSE NEW.cycle_id END)
  ) THEN
    PERFORM pg_advisory_xact_lock(160018);
    IF EXISTS (SELECT 1 FROM closed_range_rankings) THEN
      DELETE FROM closed_range_rankings;
    END IF;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER team_cycle_figures_clear_rankings_write AFTER INSERT OR DELETE ON team_cycle_figures
  FOR EACH ROW EXECUTE FUNCTION cycle_figures_clear_rankings();
--> statement-breakpoint
CREATE TRIGGER team_cycle_figures_clear_rankings_update AFTER UPDATE ON team_cycle_figures
  FOR EACH ROW WHEN ((OLD.team_id, OLD.cycle_id, OLD.assessed, OLD.sum_s1, OLD.sum_s2, OLD.sum_s3, OLD.sum_s4, OLD.sum_s5,
    OLD.reviewed, OLD.reviewed_s1, OLD.reviewed_s2, OLD.reviewed_s3, OLD.reviewed_s4, OLD.reviewed_s5)
    IS DISTINCT FROM (NEW.team_id, NEW.cycle_id, NEW.assessed, NEW.sum_s1, NEW.sum_s2, NEW.sum_s3, NEW.sum_s4, NEW.sum_s5,
    NEW.reviewed, NEW.reviewed_s1, NEW.reviewed_s2, NEW.reviewed_s3, NEW.reviewed_s4, NEW.reviewed_s5))
  EXECUTE FUNCTION cycle_figures_clear_rankings();
--> statement-breakpoint
CREATE TRIGGER role_cycle_figures_clear_rankings_write AFTER INSERT OR DELETE ON role_cycle_figures
  FOR EACH ROW EXECUTE FUNCTION cycle_figures_clear_rankings();
--> statement-breakpoint
CREATE TRIGGER role_cycle_figures_clear_rankings_update AFTER UPDATE ON role_cycle_figures
  FOR EACH ROW WHEN ((OLD.role_profile_id, OLD.cycle_id, OLD.assessed, OLD.sum_s1, OLD.sum_s2, OLD.sum_s3, OLD.sum_s4, OLD.sum_s5,
    OLD.reviewed, OLD.reviewed_s1, OLD.reviewed_s2, OLD.reviewed_s3, OLD.reviewed_s4, OLD.reviewed_s5)
    IS DISTINCT FROM (NEW.role_profile_id, NEW.cycle_id, NEW.assessed, NEW.sum_s1, NEW.sum_s2, NEW.sum_s3, NEW.sum_s4, NEW.sum_s5,
    NEW.reviewed, NEW.reviewed_s1, NEW.reviewed_s2, NEW.reviewed_s3, NEW.reviewed_s4, NEW.reviewed_s5))
  EXECUTE FUNCTION cycle_figures_clear_rankings();
--> statement-breakpoint
-- The rebuild clears them first, under the lock, so its own row writes find nothing to clear.
CREATE OR REPLACE FUNCTION rebuild_assessment_rollups() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(160018);
  DELETE FROM closed_range_rankings;
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
