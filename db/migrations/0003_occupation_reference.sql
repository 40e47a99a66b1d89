CREATE TABLE "occupation_tasks" (
	"id" integer PRIMARY KEY NOT NULL,
	"occupation_code" varchar(10) NOT NULL,
	"task_type" varchar(12),
	"statement" text NOT NULL,
	"human_exposure" smallint NOT NULL,
	"gpt4_exposure" smallint NOT NULL,
	"gpt4_automation" smallint NOT NULL,
	CONSTRAINT "occupation_tasks_type" CHECK ("occupation_tasks"."task_type" is null or "occupation_tasks"."task_type" in ('core', 'supplemental')),
	CONSTRAINT "occupation_tasks_labels_range" CHECK ("occupation_tasks"."human_exposure" between 0 and 2 and "occupation_tasks"."gpt4_exposure" between 0 and 2 and "occupation_tasks"."gpt4_automation" between 0 and 4)
);
--> statement-breakpoint
CREATE TABLE "occupations" (
	"code" varchar(10) PRIMARY KEY NOT NULL,
	"title" varchar(200) NOT NULL,
	"published_beta_human" double precision NOT NULL,
	"published_beta_gpt4" double precision NOT NULL,
	CONSTRAINT "occupations_code_format" CHECK ("occupations"."code" ~ '^[0-9]{2}-[0-9]{4}\.[0-9]{2}$'),
	CONSTRAINT "occupations_beta_range" CHECK ("occupations"."published_beta_human" between 0 and 1 and "occupations"."published_beta_gpt4" between 0 and 1)
);
--> statement-breakpoint
CREATE TABLE "reference_datasets" (
	"name" varchar(60) PRIMARY KEY NOT NULL,
	"sha256" varchar(64) NOT NULL,
	"rows" integer NOT NULL,
	"loaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "role_profiles" ADD COLUMN "occupation_code" varchar(10);--> statement-breakpoint
ALTER TABLE "role_tasks" ADD COLUMN "occupation_task_id" integer;--> statement-breakpoint
ALTER TABLE "occupation_tasks" ADD CONSTRAINT "occupation_tasks_occupation_code_occupations_code_fk" FOREIGN KEY ("occupation_code") REFERENCES "public"."occupations"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "occupation_tasks_occupation_idx" ON "occupation_tasks" USING btree ("occupation_code");--> statement-breakpoint
ALTER TABLE "role_profiles" ADD CONSTRAINT "role_profiles_occupation_code_occupations_code_fk" FOREIGN KEY ("occupation_code") REFERENCES "public"."occupations"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_tasks" ADD CONSTRAINT "role_tasks_occupation_task_id_occupation_tasks_id_fk" FOREIGN KEY ("occupation_task_id") REFERENCES "public"."occupation_tasks"("id") ON DELETE no action ON UPDATE no action;