CREATE TABLE "occupation_ai_applicability" (
	"soc_code" varchar(7) PRIMARY KEY NOT NULL,
	"title" varchar(200) NOT NULL,
	"score" double precision NOT NULL,
	"score_user" double precision NOT NULL,
	"score_ai" double precision NOT NULL,
	CONSTRAINT "occupation_ai_applicability_code_format" CHECK ("occupation_ai_applicability"."soc_code" ~ '^[0-9]{2}-[0-9]{4}$'),
	CONSTRAINT "occupation_ai_applicability_range" CHECK ("occupation_ai_applicability"."score" between 0 and 1 and "occupation_ai_applicability"."score_user" between 0 and 1 and "occupation_ai_applicability"."score_ai" between 0 and 1)
);
--> statement-breakpoint
ALTER TABLE "role_tasks" ALTER COLUMN "text" SET DATA TYPE varchar(400);--> statement-breakpoint
ALTER TABLE "role_tasks" ADD CONSTRAINT "role_tasks_text_length" CHECK (char_length("role_tasks"."text") <= 200 or "role_tasks"."occupation_task_id" is not null);--> statement-breakpoint
-- Tasks saved in later role versions lost their link to the O*NET statement: link them again where the
-- text is the statement, or the statement cut at 200 characters with an ellipsis (then made whole).
UPDATE "role_tasks" SET "occupation_task_id" = ot."id", "text" = ot."statement"
FROM "role_profile_versions" v, "role_profiles" r, "occupation_tasks" ot
WHERE "role_tasks"."role_version_id" = v."id" AND v."role_profile_id" = r."id"
  AND ot."occupation_code" = r."occupation_code"
  AND "role_tasks"."occupation_task_id" IS NULL
  AND ("role_tasks"."text" = ot."statement"
    OR ("role_tasks"."text" LIKE '%…' AND ot."statement" LIKE replace(replace(replace(left("role_tasks"."text", -1), '\', '\\'), '%', '\%'), '_', '\_') || '%'));--> statement-breakpoint
UPDATE "role_tasks" SET "text" = ot."statement"
FROM "occupation_tasks" ot
WHERE "role_tasks"."occupation_task_id" = ot."id" AND "role_tasks"."text" LIKE '%…' AND "role_tasks"."text" <> ot."statement";
