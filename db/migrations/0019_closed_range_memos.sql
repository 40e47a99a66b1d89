CREATE TABLE "closed_range_calibration" (
	"key" varchar(32) NOT NULL,
	"team_id" integer NOT NULL,
	"pairs" integer NOT NULL,
	"gap_sum" integer NOT NULL,
	"abs_gap_sum" integer NOT NULL,
	"manager_higher_lots" integer NOT NULL,
	"manager_higher" integer NOT NULL,
	"agree" integer NOT NULL,
	"self_higher" integer NOT NULL,
	"self_higher_lots" integer NOT NULL,
	CONSTRAINT "closed_range_calibration_key_team_id_pk" PRIMARY KEY("key","team_id")
);
--> statement-breakpoint
ALTER TABLE "closed_range_calibration" ADD CONSTRAINT "closed_range_calibration_key_closed_range_rankings_key_fk" FOREIGN KEY ("key") REFERENCES "public"."closed_range_rankings"("key") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- What 0018 keeps now also includes the calibration sums per team (closed_range_calibration), the
-- latest closed cycle's listed roles and counts, and the team table's order for a closed cycle. So a
-- closed cycle's row also clears them when its calibration tallies or a role's medians change, and
-- the team table's order (ties by team name, sorts by team or department name, every team listed)
-- when a team is added or renamed or a department renamed or removed.
DROP TRIGGER team_cycle_figures_clear_rankings_update ON team_cycle_figures;
--> statement-breakpoint
DROP TRIGGER role_cycle_figures_clear_rankings_update ON role_cycle_figures;
--> statement-breakpoint
CREATE TRIGGER team_cycle_figures_clear_rankings_update AFTER UPDATE ON team_cycle_figures
  FOR EACH ROW WHEN ((OLD.team_id, OLD.cycle_id, OLD.assessed, OLD.sum_s1, OLD.sum_s2, OLD.sum_s3, OLD.sum_s4, OLD.sum_s5,
    OLD.reviewed, OLD.reviewed_s1, OLD.reviewed_s2, OLD.reviewed_s3, OLD.reviewed_s4, OLD.reviewed_s5,
    OLD.pairs, OLD.gap_sum, OLD.abs_gap_sum, OLD.manager_higher_lots, OLD.manager_higher, OLD.agree,
    OLD.self_higher, OLD.self_higher_lots)
    IS DISTINCT FROM (NEW.team_id, NEW.cycle_id, NEW.assessed, NEW.sum_s1, NEW.sum_s2, NEW.sum_s3, NEW.sum_s4, NEW.sum_s5,
    NEW.reviewed, NEW.reviewed_s1, NEW.reviewed_s2, NEW.reviewed_s3, NEW.reviewed_s4, NEW.reviewed_s5,
    NEW.pairs, NEW.gap_sum, NEW.abs_gap_sum, NEW.manager_higher_lots, NEW.manager_higher, NEW.agree,
    NEW.self_higher, NEW.self_higher_lots))
  EXECUTE FUNCTION cycle_figures_clear_rankings();
--> statement-breakpoint
CREATE TRIGGER role_cycle_figures_clear_rankings_update AFTER UPDATE ON role_cycle_figures
  FOR EACH ROW WHEN ((OLD.role_profile_id, OLD.cycle_id, OLD.assessed, OLD.sum_s1, OLD.sum_s2, OLD.sum_s3, OLD.sum_s4, OLD.sum_s5,
    OLD.reviewed, OLD.reviewed_s1, OLD.reviewed_s2, OLD.reviewed_s3, OLD.reviewed_s4, OLD.reviewed_s5,
    OLD.median_exposure, OLD.median_upper, OLD.reviewed_median_exposure, OLD.reviewed_median_upper)
    IS DISTINCT FROM (NEW.role_profile_id, NEW.cycle_id, NEW.assessed, NEW.sum_s1, NEW.sum_s2, NEW.sum_s3, NEW.sum_s4, NEW.sum_s5,
    NEW.reviewed, NEW.reviewed_s1, NEW.reviewed_s2, NEW.reviewed_s3, NEW.reviewed_s4, NEW.reviewed_s5,
    NEW.median_exposure, NEW.median_upper, NEW.reviewed_median_exposure, NEW.reviewed_median_upper))
  EXECUTE FUNCTION cycle_figures_clear_rankings();
--> statement-breakpoint
CREATE TRIGGER teams_named_clear_rankings AFTER INSERT OR UPDATE OF name ON teams
  FOR EACH STATEMENT EXECUTE FUNCTION clear_closed_range_rankings();
--> statement-breakpoint
CREATE TRIGGER departments_clear_rankings AFTER UPDATE OF name OR DELETE OR TRUNCATE ON departments
  FOR EACH STATEMENT EXECUTE FUNCTION clear_closed_range_rankings();
--> statement-breakpoint
-- The page adds the open cycle's calibration tallies of every team to the kept closed ones: read
-- from this index alone (the rollup rows are wide, one cycle's spread over as many pages as teams).
CREATE INDEX team_cycle_figures_calibration_idx ON team_cycle_figures (cycle_id)
  INCLUDE (team_id, pairs, gap_sum, abs_gap_sum, manager_higher_lots, manager_higher, agree, self_higher, self_higher_lots);
