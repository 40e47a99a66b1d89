CREATE TABLE "department_cycle_figures" (
	"department_id" integer NOT NULL,
	"cycle_id" integer NOT NULL,
	"assessed" integer DEFAULT 0 NOT NULL,
	"sum_s1" integer DEFAULT 0 NOT NULL,
	"sum_s2" integer DEFAULT 0 NOT NULL,
	"sum_s3" integer DEFAULT 0 NOT NULL,
	"sum_s4" integer DEFAULT 0 NOT NULL,
	"sum_s5" integer DEFAULT 0 NOT NULL,
	"reviewed" integer DEFAULT 0 NOT NULL,
	"reviewed_s1" integer DEFAULT 0 NOT NULL,
	"reviewed_s2" integer DEFAULT 0 NOT NULL,
	"reviewed_s3" integer DEFAULT 0 NOT NULL,
	"reviewed_s4" integer DEFAULT 0 NOT NULL,
	"reviewed_s5" integer DEFAULT 0 NOT NULL,
	"pairs" integer DEFAULT 0 NOT NULL,
	"gap_sum" integer DEFAULT 0 NOT NULL,
	"abs_gap_sum" integer DEFAULT 0 NOT NULL,
	"manager_higher_lots" integer DEFAULT 0 NOT NULL,
	"manager_higher" integer DEFAULT 0 NOT NULL,
	"agree" integer DEFAULT 0 NOT NULL,
	"self_higher" integer DEFAULT 0 NOT NULL,
	"self_higher_lots" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "department_cycle_figures_department_id_cycle_id_pk" PRIMARY KEY("department_id","cycle_id")
);
--> statement-breakpoint
CREATE TABLE "effective_assessments" (
	"cycle_id" integer NOT NULL,
	"subject_id" integer NOT NULL,
	"team_id" integer NOT NULL,
	"role_version_id" integer,
	"reviewed" boolean NOT NULL,
	"s1" smallint NOT NULL,
	"s2" smallint NOT NULL,
	"s3" smallint NOT NULL,
	"s4" smallint NOT NULL,
	"s5" smallint NOT NULL,
	"gap" integer,
	CONSTRAINT "effective_assessments_cycle_id_subject_id_pk" PRIMARY KEY("cycle_id","subject_id")
);
--> statement-breakpoint
CREATE TABLE "role_cycle_figures" (
	"role_profile_id" integer NOT NULL,
	"cycle_id" integer NOT NULL,
	"assessed" integer DEFAULT 0 NOT NULL,
	"sum_s1" integer DEFAULT 0 NOT NULL,
	"sum_s2" integer DEFAULT 0 NOT NULL,
	"sum_s3" integer DEFAULT 0 NOT NULL,
	"sum_s4" integer DEFAULT 0 NOT NULL,
	"sum_s5" integer DEFAULT 0 NOT NULL,
	"reviewed" integer DEFAULT 0 NOT NULL,
	"reviewed_s1" integer DEFAULT 0 NOT NULL,
	"reviewed_s2" integer DEFAULT 0 NOT NULL,
	"reviewed_s3" integer DEFAULT 0 NOT NULL,
	"reviewed_s4" integer DEFAULT 0 NOT NULL,
	"reviewed_s5" integer DEFAULT 0 NOT NULL,
	"pairs" integer DEFAULT 0 NOT NULL,
	"gap_sum" integer DEFAULT 0 NOT NULL,
	"abs_gap_sum" integer DEFAULT 0 NOT NULL,
	"manager_higher_lots" integer DEFAULT 0 NOT NULL,
	"manager_higher" integer DEFAULT 0 NOT NULL,
	"agree" integer DEFAULT 0 NOT NULL,
	"self_higher" integer DEFAULT 0 NOT NULL,
	"self_higher_lots" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "role_cycle_figures_role_profile_id_cycle_id_pk" PRIMARY KEY("role_profile_id","cycle_id")
);
--> statement-breakpoint
CREATE TABLE "team_cycle_figures" (
	"team_id" integer NOT NULL,
	"cycle_id" integer NOT NULL,
	"assessed" integer DEFAULT 0 NOT NULL,
	"sum_s1" integer DEFAULT 0 NOT NULL,
	"sum_s2" integer DEFAULT 0 NOT NULL,
	"sum_s3" integer DEFAULT 0 NOT NULL,
	"sum_s4" integer DEFAULT 0 NOT NULL,
	"sum_s5" integer DEFAULT 0 NOT NULL,
	"reviewed" integer DEFAULT 0 NOT NULL,
	"reviewed_s1" integer DEFAULT 0 NOT NULL,
	"reviewed_s2" integer DEFAULT 0 NOT NULL,
	"reviewed_s3" integer DEFAULT 0 NOT NULL,
	"reviewed_s4" integer DEFAULT 0 NOT NULL,
	"reviewed_s5" integer DEFAULT 0 NOT NULL,
	"pairs" integer DEFAULT 0 NOT NULL,
	"gap_sum" integer DEFAULT 0 NOT NULL,
	"abs_gap_sum" integer DEFAULT 0 NOT NULL,
	"manager_higher_lots" integer DEFAULT 0 NOT NULL,
	"manager_higher" integer DEFAULT 0 NOT NULL,
	"agree" integer DEFAULT 0 NOT NULL,
	"self_higher" integer DEFAULT 0 NOT NULL,
	"self_higher_lots" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "team_cycle_figures_team_id_cycle_id_pk" PRIMARY KEY("team_id","cycle_id")
);
--> statement-breakpoint
ALTER TABLE "department_cycle_figures" ADD CONSTRAINT "department_cycle_figures_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "department_cycle_figures" ADD CONSTRAINT "department_cycle_figures_cycle_id_review_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."review_cycles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "effective_assessments" ADD CONSTRAINT "effective_assessments_cycle_id_review_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."review_cycles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "effective_assessments" ADD CONSTRAINT "effective_assessments_subject_id_people_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "effective_assessments" ADD CONSTRAINT "effective_assessments_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "effective_assessments" ADD CONSTRAINT "effective_assessments_role_version_id_role_profile_versions_id_fk" FOREIGN KEY ("role_version_id") REFERENCES "public"."role_profile_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_cycle_figures" ADD CONSTRAINT "role_cycle_figures_role_profile_id_role_profiles_id_fk" FOREIGN KEY ("role_profile_id") REFERENCES "public"."role_profiles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_cycle_figures" ADD CONSTRAINT "role_cycle_figures_cycle_id_review_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."review_cycles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_cycle_figures" ADD CONSTRAINT "team_cycle_figures_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_cycle_figures" ADD CONSTRAINT "team_cycle_figures_cycle_id_review_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."review_cycles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "effective_assessments_team_cycle_idx" ON "effective_assessments" USING btree ("team_id","cycle_id");--> statement-breakpoint
CREATE INDEX "effective_assessments_cycle_role_idx" ON "effective_assessments" USING btree ("cycle_id","role_version_id");--> statement-breakpoint
CREATE INDEX "role_cycle_figures_cycle_idx" ON "role_cycle_figures" USING btree ("cycle_id");--> statement-breakpoint
CREATE INDEX "team_cycle_figures_cycle_idx" ON "team_cycle_figures" USING btree ("cycle_id");