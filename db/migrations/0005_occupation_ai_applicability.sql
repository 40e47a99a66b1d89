CREATE TABLE "occupation_ai_applicability" (
	"soc_code" varchar(7) PRIMARY KEY NOT NULL,
	"title" varchar(200) NOT NULL,
	"score" double precision NOT NULL,
	"score_user" double precision NOT NULL,
	"score_ai" double precision NOT NULL,
	CONSTRAINT "occupation_ai_applicability_code_format" CHECK ("occupation_ai_applicability"."soc_code" ~ '^[0-9]{2}-[0-9]{4}$'),
	CONSTRAINT "occupation_ai_applicability_range" CHECK ("occupation_ai_applicability"."score" between 0 and 1 and "occupation_ai_applicability"."score_user" between 0 and 1 and "occupation_ai_applicability"."score_ai" between 0 and 1)
);
