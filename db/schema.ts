import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  bigint,
  boolean,
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  type PgColumnBuilderBase,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  unique,
  uniqueIndex,
  varchar,
} from "drizzle-orm/pg-core";
import type { AssessmentDraftValues } from "../lib/assessment-schema";
import {
  ASSESSMENT_TASKS_MAX,
  CALIBRATION_REASON_MAX,
  CALIBRATION_REASON_MIN,
  CYCLE_NAME_MAX,
  EMAIL_MAX,
  NAME_MAX,
  NOTES_MAX,
  OCCUPATION_TASK_TEXT_MAX,
  RETURN_MESSAGE_MAX,
  REVIEW_COMMENT_MAX,
  ROLE_DESCRIPTION_MAX,
  TASK_TEXT_MAX,
} from "../lib/limits";

export const appRole = pgEnum("app_role", ["employee", "manager", "leader", "admin"]);
export const cycleStatus = pgEnum("cycle_status", ["draft", "open", "closed"]);
export const assessmentKind = pgEnum("assessment_kind", ["self", "manager"]);
export const assessmentStatus = pgEnum("assessment_status", ["draft", "submitted", "returned", "finalized"]);

/** A required reference, an integer column named `name` pointing at `target` (as `() => table.id`). */
const requiredRef = (name: string, target: () => AnyPgColumn) => integer(name).notNull().references(target);
const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp("updated_at", { withTimezone: true }).notNull().defaultNow();

export const departments = pgTable(
  "departments",
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    name: varchar({ length: NAME_MAX }).notNull().unique(),
    createdAt: createdAt(),
  },
  (t) => [check("departments_name_not_blank", sql`char_length(trim(${t.name})) > 0`)],
);

export const people = pgTable(
  "people",
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    name: varchar({ length: NAME_MAX }).notNull(),
    email: varchar({ length: EMAIL_MAX }).notNull().unique(),
    passwordHash: varchar("password_hash", { length: 100 }).notNull(),
    appRole: appRole("app_role").notNull().default("employee"),
    active: boolean().notNull().default(true),
    /** When the person last set their own password (invite or reset); null: never. */
    passwordSetAt: timestamp("password_set_at", { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check("people_name_not_blank", sql`char_length(trim(${t.name})) > 0`),
    check("people_email_lowercase", sql`${t.email} = lower(${t.email}) and position('@' in ${t.email}) > 1`),
    // The admin's search matches any part of a name or email (ILIKE '%…%'): trigram indexes serve it.
    index("people_name_trgm_idx").using("gin", sql`${t.name} gin_trgm_ops`),
    index("people_email_trgm_idx").using("gin", sql`${t.email} gin_trgm_ops`),
  ],
);

export const teams = pgTable(
  "teams",
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    departmentId: requiredRef("department_id", () => departments.id),
    name: varchar({ length: NAME_MAX }).notNull().unique(),
    managerId: integer("manager_id").references(() => people.id),
    createdAt: createdAt(),
  },
  (t) => [
    check("teams_name_not_blank", sql`char_length(trim(${t.name})) > 0`),
    index("teams_manager_idx").on(t.managerId),
    index("teams_name_trgm_idx").using("gin", sql`${t.name} gin_trgm_ops`),
  ],
);

/**
 * O*NET occupations with the published exposure scores of Eloundou et al. (2023), occ_level.csv.
 * Reference data: loaded from db/reference/ on start (db/reference-data.ts), never edited by the app.
 */
export const occupations = pgTable(
  "occupations",
  {
    code: varchar({ length: 10 }).primaryKey(),
    title: varchar({ length: 200 }).notNull(),
    /** beta = share of E1 tasks + half the share of E2 tasks, 0–1, from the annotators' labels. */
    publishedBetaHuman: doublePrecision("published_beta_human").notNull(),
    /** The same from GPT-4's labels. */
    publishedBetaGpt4: doublePrecision("published_beta_gpt4").notNull(),
  },
  (t) => [
    check("occupations_code_format", sql`${t.code} ~ '^[0-9]{2}-[0-9]{4}\\.[0-9]{2}$'`),
    check(
      "occupations_beta_range",
      sql`${t.publishedBetaHuman} between 0 and 1 and ${t.publishedBetaGpt4} between 0 and 1`,
    ),
  ],
);

/** O*NET 27.2 task statements with their exposure labels (0 = E0, 1 = E1, 2 = E2) and GPT-4's automation level (T0–T4). */
export const occupationTasks = pgTable(
  "occupation_tasks",
  {
    /** O*NET's Task ID. */
    id: integer().primaryKey(),
    occupationCode: varchar("occupation_code", { length: 10 })
      .notNull()
      .references(() => occupations.code),
    /** "core", "supplemental", or null where O*NET gives no type. */
    taskType: varchar("task_type", { length: 12 }),
    statement: text().notNull(),
    humanExposure: smallint("human_exposure").notNull(),
    gpt4Exposure: smallint("gpt4_exposure").notNull(),
    gpt4Automation: smallint("gpt4_automation").notNull(),
  },
  (t) => [
    index("occupation_tasks_occupation_idx").on(t.occupationCode),
    check("occupation_tasks_type", sql`${t.taskType} is null or ${t.taskType} in ('core', 'supplemental')`),
    check(
      "occupation_tasks_labels_range",
      sql`${t.humanExposure} between 0 and 2 and ${t.gpt4Exposure} between 0 and 2 and ${t.gpt4Automation} between 0 and 4`,
    ),
  ],
);

/**
 * Microsoft Research's occupation-level AI applicability (Tomlinson et al. 2025, "Working with AI"),
 * per SOC 2018 code: how much of the occupation's work people use Copilot for, and how successfully.
 * An O*NET-SOC code joins on its first seven characters (13-2011.01 → 13-2011). Reference data.
 */
export const occupationAiApplicability = pgTable(
  "occupation_ai_applicability",
  {
    socCode: varchar("soc_code", { length: 7 }).primaryKey(),
    title: varchar({ length: 200 }).notNull(),
    /** 0–1: the mean of the user-goal and AI-action scores. */
    score: doublePrecision().notNull(),
    /** From activities people ask AI to help with (close to the ladder's level 2). */
    scoreUser: doublePrecision("score_user").notNull(),
    /** From activities the AI itself performs (close to level 1). */
    scoreAi: doublePrecision("score_ai").notNull(),
  },
  (t) => [
    check("occupation_ai_applicability_code_format", sql`${t.socCode} ~ '^[0-9]{2}-[0-9]{4}$'`),
    check(
      "occupation_ai_applicability_range",
      sql`${t.score} between 0 and 1 and ${t.scoreUser} between 0 and 1 and ${t.scoreAi} between 0 and 1`,
    ),
  ],
);

/** Which reference file is loaded, by its checksum: the loader skips work when it matches. */
export const referenceDatasets = pgTable("reference_datasets", {
  name: varchar({ length: 60 }).primaryKey(),
  sha256: varchar({ length: 64 }).notNull(),
  rows: integer().notNull(),
  loadedAt: timestamp("loaded_at", { withTimezone: true }).notNull().defaultNow(),
});

/** A team's job role. Its mapping onto the ladder lives in versions, so past cycles keep theirs. */
export const roleProfiles = pgTable(
  "role_profiles",
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    teamId: requiredRef("team_id", () => teams.id),
    title: varchar({ length: NAME_MAX }).notNull(),
    archivedAt: timestamp("archived_at", { withTimezone: true }),
    /** The O*NET occupation this role was started from or compared with, if any. */
    occupationCode: varchar("occupation_code", { length: 10 }).references(() => occupations.code),
    createdAt: createdAt(),
  },
  (t) => [
    unique("role_profiles_team_title_unique").on(t.teamId, t.title),
    check("role_profiles_title_not_blank", sql`char_length(trim(${t.title})) > 0`),
  ],
);

const shareColumns = {
  s1: smallint().notNull(),
  s2: smallint().notNull(),
  s3: smallint().notNull(),
  s4: smallint().notNull(),
  s5: smallint().notNull(),
};

export const roleProfileVersions = pgTable(
  "role_profile_versions",
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    roleProfileId: requiredRef("role_profile_id", () => roleProfiles.id),
    version: integer().notNull(),
    description: varchar({ length: ROLE_DESCRIPTION_MAX }).notNull().default(""),
    ...shareColumns,
    createdById: integer("created_by_id").references(() => people.id),
    createdAt: createdAt(),
  },
  (t) => [
    unique("role_profile_versions_unique").on(t.roleProfileId, t.version),
    check("role_profile_versions_version_positive", sql`${t.version} >= 1`),
    check(
      "role_profile_versions_shares_range",
      sql`${t.s1} between 0 and 100 and ${t.s2} between 0 and 100 and ${t.s3} between 0 and 100 and ${t.s4} between 0 and 100 and ${t.s5} between 0 and 100`,
    ),
    check("role_profile_versions_shares_sum", sql`${t.s1} + ${t.s2} + ${t.s3} + ${t.s4} + ${t.s5} = 100`),
  ],
);

export const roleTasks = pgTable(
  "role_tasks",
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    roleVersionId: integer("role_version_id")
      .notNull()
      .references(() => roleProfileVersions.id, { onDelete: "cascade" }),
    position: smallint().notNull(),
    /** Typed tasks hold up to TASK_TEXT_MAX characters; O*NET statements are kept whole (check below). */
    text: varchar({ length: OCCUPATION_TASK_TEXT_MAX }).notNull(),
    level: smallint().notNull(),
    /** The O*NET task statement this task was taken from, kept across the role's versions. */
    occupationTaskId: integer("occupation_task_id").references(() => occupationTasks.id),
  },
  (t) => [
    unique("role_tasks_position_unique").on(t.roleVersionId, t.position),
    check("role_tasks_level_range", sql`${t.level} between 1 and 5`),
    check("role_tasks_text_not_blank", sql`char_length(trim(${t.text})) > 0`),
    check(
      "role_tasks_text_length",
      sql`char_length(${t.text}) <= ${sql.raw(String(TASK_TEXT_MAX))} or ${t.occupationTaskId} is not null`,
    ),
  ],
);

/** Who is in which team, over time. A current membership has no end date. */
export const teamMemberships = pgTable(
  "team_memberships",
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    teamId: requiredRef("team_id", () => teams.id),
    personId: requiredRef("person_id", () => people.id),
    roleProfileId: integer("role_profile_id").references(() => roleProfiles.id),
    startedOn: date("started_on").notNull(),
    endedOn: date("ended_on"),
  },
  (t) => [
    check("team_memberships_dates", sql`${t.endedOn} is null or ${t.endedOn} >= ${t.startedOn}`),
    uniqueIndex("team_memberships_one_current").on(t.personId).where(sql`${t.endedOn} is null`),
    index("team_memberships_team_idx").on(t.teamId),
  ],
);

export const reviewCycles = pgTable(
  "review_cycles",
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    name: varchar({ length: CYCLE_NAME_MAX }).notNull().unique(),
    startsOn: date("starts_on").notNull(),
    endsOn: date("ends_on").notNull(),
    status: cycleStatus().notNull().default("draft"),
    createdAt: createdAt(),
  },
  (t) => [
    check("review_cycles_name_format", sql`${t.name} ~ '^[0-9]{4} Q[1-4]$'`),
    check("review_cycles_dates", sql`${t.endsOn} > ${t.startsOn}`),
  ],
);

const nullableShareColumns = {
  s1: smallint(),
  s2: smallint(),
  s3: smallint(),
  s4: smallint(),
  s5: smallint(),
};

/** The five durable capabilities' ratings (1–5); null while an assessment is incomplete. */
const capabilityColumns = () => ({
  judgment: smallint(),
  communication: smallint(),
  stakeholders: smallint(),
  systemsThinking: smallint("systems_thinking"),
  ownership: smallint(),
});

export const assessments = pgTable(
  "assessments",
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    cycleId: requiredRef("cycle_id", () => reviewCycles.id),
    subjectId: requiredRef("subject_id", () => people.id),
    kind: assessmentKind().notNull(),
    authorId: requiredRef("author_id", () => people.id),
    /**
     * The subject's team and role as of this cycle, so history stays true after people move. Null for
     * someone in no team (the top of the organisation): their self-assessment is theirs alone and
     * counts in no team's figure, so the team and organisation figures keep their definition.
     */
    teamId: integer("team_id").references(() => teams.id),
    roleVersionId: integer("role_version_id").references(() => roleProfileVersions.id),
    ...nullableShareColumns,
    ...capabilityColumns(),
    notes: varchar({ length: NOTES_MAX }).notNull().default(""),
    /**
     * While a draft (or a returned assessment) is being edited: everything the author typed, exactly
     * as typed, including shares that do not add up to 100 yet and tasks without a level. The
     * columns above keep the last complete content; submitting writes them and clears this.
     */
    draftValues: jsonb("draft_values").$type<AssessmentDraftValues>(),
    status: assessmentStatus().notNull().default("draft"),
    returnMessage: varchar("return_message", { length: RETURN_MESSAGE_MAX }),
    version: integer().notNull().default(1),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    finalizedAt: timestamp("finalized_at", { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique("assessments_one_per_cycle_person_kind").on(t.cycleId, t.subjectId, t.kind),
    index("assessments_cycle_team_idx").on(t.cycleId, t.teamId),
    index("assessments_subject_idx").on(t.subjectId),
    check("assessments_shares_all_or_none", sql`num_nulls(${t.s1}, ${t.s2}, ${t.s3}, ${t.s4}, ${t.s5}) in (0, 5)`),
    check(
      "assessments_shares_range",
      sql`coalesce(${t.s1} between 0 and 100 and ${t.s2} between 0 and 100 and ${t.s3} between 0 and 100 and ${t.s4} between 0 and 100 and ${t.s5} between 0 and 100, true)`,
    ),
    check("assessments_shares_sum", sql`${t.s1} is null or ${t.s1} + ${t.s2} + ${t.s3} + ${t.s4} + ${t.s5} = 100`),
    check(
      "assessments_ratings_range",
      sql`coalesce(${t.judgment} between 1 and 5, true) and coalesce(${t.communication} between 1 and 5, true) and coalesce(${t.stakeholders} between 1 and 5, true) and coalesce(${t.systemsThinking} between 1 and 5, true) and coalesce(${t.ownership} between 1 and 5, true)`,
    ),
    check(
      "assessments_complete_unless_draft",
      sql`${t.status} in ('draft', 'returned') or (num_nulls(${t.s1}, ${t.judgment}, ${t.communication}, ${t.stakeholders}, ${t.systemsThinking}, ${t.ownership}) = 0 and ${t.submittedAt} is not null)`,
    ),
    check("assessments_self_by_subject", sql`${t.kind} = 'manager' or ${t.authorId} = ${t.subjectId}`),
    check("assessments_manager_not_by_subject", sql`${t.kind} = 'self' or ${t.authorId} <> ${t.subjectId}`),
    check("assessments_version_positive", sql`${t.version} >= 1`),
    check(
      "assessments_draft_values_only_while_editable",
      sql`${t.draftValues} is null or ${t.status} in ('draft', 'returned')`,
    ),
  ],
);

export const assessmentTasks = pgTable(
  "assessment_tasks",
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    assessmentId: integer("assessment_id")
      .notNull()
      .references(() => assessments.id, { onDelete: "cascade" }),
    position: smallint().notNull(),
    text: varchar({ length: TASK_TEXT_MAX }).notNull(),
    level: smallint().notNull(),
    aiUsed: boolean("ai_used").notNull().default(false),
  },
  (t) => [
    unique("assessment_tasks_position_unique").on(t.assessmentId, t.position),
    check("assessment_tasks_level_range", sql`${t.level} between 1 and 5`),
    check(
      "assessment_tasks_position_range",
      sql`${t.position} between 0 and ${sql.raw(String(ASSESSMENT_TASKS_MAX - 1))}`,
    ),
    check("assessment_tasks_text_not_blank", sql`char_length(trim(${t.text})) > 0`),
  ],
);

/** A manager's change to what the employee said, and why. */
export const calibrationRecords = pgTable(
  "calibration_records",
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    assessmentId: requiredRef("assessment_id", () => assessments.id),
    changedById: requiredRef("changed_by_id", () => people.id),
    field: varchar({ length: 40 }).notNull(),
    fromValue: jsonb("from_value").notNull(),
    toValue: jsonb("to_value").notNull(),
    reason: varchar({ length: CALIBRATION_REASON_MAX }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    check(
      "calibration_records_reason_length",
      sql`char_length(trim(${t.reason})) >= ${sql.raw(String(CALIBRATION_REASON_MIN))}`,
    ),
    index("calibration_records_assessment_idx").on(t.assessmentId),
  ],
);

/** A count or a sum kept by the rollup triggers, starting at nought. */
const tally = (name = "") => integer(name).notNull().default(0);

/** The five shares and the five capabilities, by the suffix of their tally's key and of its column. */
const SHARES = { S1: "s1", S2: "s2", S3: "s3", S4: "s4", S5: "s5" } as const;
const CAPABILITIES = {
  Judgment: "judgment",
  Communication: "communication",
  Stakeholders: "stakeholders",
  SystemsThinking: "systems_thinking",
  Ownership: "ownership",
} as const;

/** A tally of each of `of`, keyed `<prefix>S1`… (or `<prefix>Judgment`…), its column `<prefix>_s1`…. */
const tallies = <Prefix extends string, Suffix extends string>(prefix: Prefix, of: Record<Suffix, string>) =>
  Object.fromEntries(
    Object.entries<string>(of).map(([suffix, column]) => [`${prefix}${suffix}`, tally(`${prefix}_${column}`)]),
  ) as Record<`${Prefix}${Suffix}`, ReturnType<typeof tally>>;

/** The figure columns every rollup table has (migrations 0005, 0012, 0015 keep them). */
const shareSums = () => ({
  /** Effective assessments counted (the one per person: finalized manager review, else submitted self). */
  assessed: tally(),
  ...tallies("sum", SHARES),
  /** Of those, the finalized manager reviews, and their sums ("manager-reviewed only"). */
  reviewed: tally(),
  ...tallies("reviewed", SHARES),
  /** The durable capabilities' ratings (1–5) summed, over the same assessments and over the reviewed ones. */
  ...tallies("sum", CAPABILITIES),
  ...tallies("reviewed", CAPABILITIES),
  /**
   * Calibration: finalized reviews with a submitted self-assessment, the sum of their gaps and of
   * their distances in hundredths of an index point (self − manager), and the count per bucket.
   */
  pairs: tally(),
  gapSum: tally("gap_sum"),
  absGapSum: tally("abs_gap_sum"),
  managerHigherLots: tally("manager_higher_lots"),
  managerHigher: tally("manager_higher"),
  agree: tally(),
  selfHigher: tally("self_higher"),
  selfHigherLots: tally("self_higher_lots"),
});

/**
 * The effective assessment of each person in each cycle (see effective-assessments.ts), kept by a
 * trigger on assessments in the same transaction as every write (migration 0006), so pages read
 * one row per person instead of ranking all assessments of the organisation.
 */
export const effectiveAssessments = pgTable(
  "effective_assessments",
  {
    cycleId: requiredRef("cycle_id", () => reviewCycles.id),
    subjectId: requiredRef("subject_id", () => people.id),
    teamId: requiredRef("team_id", () => teams.id),
    roleVersionId: integer("role_version_id").references(() => roleProfileVersions.id),
    reviewed: boolean().notNull(),
    ...shareColumns,
    /** The capability ratings of the same assessment (a submitted or finalized one has all five). */
    ...capabilityColumns(),
    /** Self minus manager leverage index, in hundredths, when a finalized review meets a submitted self-assessment. */
    gap: integer(),
  },
  (t) => [
    primaryKey({ columns: [t.cycleId, t.subjectId] }),
    index("effective_assessments_team_cycle_idx").on(t.teamId, t.cycleId),
    index("effective_assessments_cycle_role_idx").on(t.cycleId, t.roleVersionId),
  ],
);

/**
 * A rollup table: the figures per cycle and per what its key column names (a team, a role, a
 * department), primary key (key, cycle), with an index on the cycle alone when `cycleIndex` names it.
 */
function cycleFiguresTable<Name extends string, Key extends string, Extra extends Record<string, PgColumnBuilderBase>>(
  name: Name,
  key: Key,
  keyColumn: ReturnType<typeof requiredRef>,
  cycleIndex: string | undefined,
  extra: Extra,
) {
  return pgTable(
    name,
    {
      ...({ [key]: keyColumn } as Record<Key, typeof keyColumn>),
      cycleId: requiredRef("cycle_id", () => reviewCycles.id),
      ...shareSums(),
      ...extra,
    },
    (t) => [primaryKey({ columns: [t[key], t.cycleId] }), ...(cycleIndex ? [index(cycleIndex).on(t.cycleId)] : [])],
  );
}

/**
 * The head-count behind the Organization page's coverage: active people who were members on the
 * cycle's last day (membership rows covering that day), kept by the triggers on team_memberships,
 * people.active and review_cycles (migration 0017).
 */
const members = () => ({ members: integer().notNull().default(0) });

/** Sums of the effective assessments per team and cycle, kept by the same trigger. */
export const teamCycleFigures = cycleFiguresTable(
  "team_cycle_figures",
  "teamId",
  requiredRef("team_id", () => teams.id),
  "team_cycle_figures_cycle_idx",
  members(),
);

/** Sums per role and cycle, by the role version recorded on each effective assessment. */
export const roleCycleFigures = cycleFiguresTable(
  "role_cycle_figures",
  "roleProfileId",
  requiredRef("role_profile_id", () => roleProfiles.id),
  "role_cycle_figures_cycle_idx",
  {
    /**
     * The medians behind a role's exposure class, percentile_cont(0.5) over its effective rows of the
     * cycle of s1 + s2 / 2 and of s3 + s4 + s5, for every row and for the reviewed ones; recomputed
     * from those rows (a role has few) by the trigger for the one role and cycle a write touches.
     */
    medianExposure: doublePrecision("median_exposure"),
    medianUpper: doublePrecision("median_upper"),
    reviewedMedianExposure: doublePrecision("reviewed_median_exposure"),
    reviewedMedianUpper: doublePrecision("reviewed_median_upper"),
  },
);

/** Sums per department and cycle, by the team's department now; kept by the triggers on assessments and teams. */
export const departmentCycleFigures = cycleFiguresTable(
  "department_cycle_figures",
  "departmentId",
  requiredRef("department_id", () => departments.id),
  undefined,
  members(),
);

/**
 * The Organization page's top movers over a range of cycles that are all closed, computed on first
 * request and read afterwards (db/queries/organization.ts). Migration 0018's triggers empty the
 * table whenever what they rank may change (a cycle re-opened or removed, a team or role moved or
 * removed, a closed cycle's rollup row written, the rollups rebuilt), so a kept ranking is never stale.
 */
export const closedRangeRankings = pgTable("closed_range_rankings", {
  /** md5 of the ranking query's text and parameters: what follows, and the definition itself. */
  key: varchar({ length: 32 }).primaryKey(),
  kind: varchar({ length: 8 }).notNull(),
  cycleIds: integer("cycle_ids").array().notNull(),
  departmentId: integer("department_id"),
  basis: varchar({ length: 16 }).notNull(),
  rowLimit: integer("row_limit"),
  /** The ranked ids, risers first, in the order the query returns them. */
  ids: integer().array().notNull(),
});

/**
 * The calibration sums per team over the closed cycles of a range the Organization page asked for,
 * kept on first request under a closed_range_rankings row of kind "calib" (the same key) and
 * deleted with it, so the triggers that clear the rankings clear these too. The page adds the
 * range's open cycles' rows to them instead of summing every team's closed history on each load.
 */
export const closedRangeCalibration = pgTable(
  "closed_range_calibration",
  {
    key: varchar({ length: 32 })
      .notNull()
      .references(() => closedRangeRankings.key, { onDelete: "cascade" }),
    teamId: integer("team_id").notNull(),
    pairs: integer().notNull(),
    gapSum: integer("gap_sum").notNull(),
    absGapSum: integer("abs_gap_sum").notNull(),
    managerHigherLots: integer("manager_higher_lots").notNull(),
    managerHigher: integer("manager_higher").notNull(),
    agree: integer().notNull(),
    selfHigher: integer("self_higher").notNull(),
    selfHigherLots: integer("self_higher_lots").notNull(),
  },
  (t) => [primaryKey({ columns: [t.key, t.teamId] })],
);

/** Append-only: a trigger in the migrations refuses UPDATE and DELETE. */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    actorId: integer("actor_id").references(() => people.id),
    action: varchar({ length: 60 }).notNull(),
    targetType: varchar("target_type", { length: 40 }),
    targetId: varchar("target_id", { length: 60 }),
    details: jsonb().notNull().default({}),
    ip: varchar({ length: 64 }),
  },
  (t) => [index("audit_log_at_idx").on(t.at), index("audit_log_action_idx").on(t.action)],
);

/** Failed sign-in counters, one row per throttle key ("email:…" or "ip:…"). */
export const signInThrottle = pgTable(
  "sign_in_throttle",
  {
    key: varchar({ length: 320 }).primaryKey(),
    failures: integer().notNull().default(0),
    windowStartedAt: timestamp("window_started_at", { withTimezone: true }).notNull(),
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
  },
  (t) => [check("sign_in_throttle_failures_nonnegative", sql`${t.failures} >= 0`)],
);

/**
 * A signed-in browser. The session cookie names one row; every request checks it is not ended,
 * not idle too long and not past its lifetime (lib/dal.ts), so ending the row ends the session.
 */
export const sessions = pgTable(
  "sessions",
  {
    id: varchar({ length: 64 }).primaryKey(),
    personId: requiredRef("person_id", () => people.id),
    createdAt: createdAt(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
    endedAt: timestamp("ended_at", { withTimezone: true }),
    endReason: varchar("end_reason", { length: 40 }),
    ip: varchar({ length: 64 }),
    userAgent: varchar("user_agent", { length: 300 }),
  },
  (t) => [index("sessions_person_idx").on(t.personId, t.createdAt)],
);

export const accessTokenPurpose = pgEnum("access_token_purpose", ["invite", "reset"]);

/** Invitation and password-reset links. Only the SHA-256 of the token is stored; each is used once. */
export const accessTokens = pgTable(
  "access_tokens",
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    personId: requiredRef("person_id", () => people.id),
    purpose: accessTokenPurpose().notNull(),
    tokenHash: varchar("token_hash", { length: 64 }).notNull().unique(),
    createdById: integer("created_by_id").references(() => people.id),
    createdAt: createdAt(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [
    index("access_tokens_person_idx").on(t.personId, t.purpose),
    check("access_tokens_expiry_after_creation", sql`${t.expiresAt} > ${t.createdAt}`),
  ],
);

/**
 * Mail that was not handed to an SMTP server (no SMTP_URL): admins read it under Admin → Outbox.
 */
export const outboxMails = pgTable(
  "outbox_mails",
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    createdAt: createdAt(),
    template: varchar({ length: 60 }).notNull(),
    to: varchar("to_address", { length: 254 }).notNull(),
    subject: varchar({ length: 300 }).notNull(),
    text: text().notNull(),
    html: text().notNull(),
  },
  (t) => [index("outbox_mails_created_idx").on(t.createdAt)],
);

export const jobStatus = pgEnum("job_status", ["queued", "running", "done", "failed"]);

/**
 * Background work (db/jobs.ts): claimed with FOR UPDATE SKIP LOCKED, so several server instances
 * can share the queue; progress is written as the job runs.
 */
export const jobs = pgTable(
  "jobs",
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    kind: varchar({ length: 60 }).notNull(),
    payload: jsonb().notNull().default({}),
    status: jobStatus().notNull().default("queued"),
    runAfter: timestamp("run_after", { withTimezone: true }).notNull().defaultNow(),
    attempts: integer().notNull().default(0),
    lockedAt: timestamp("locked_at", { withTimezone: true }),
    progressDone: integer("progress_done").notNull().default(0),
    progressTotal: integer("progress_total").notNull().default(0),
    error: text(),
    createdById: integer("created_by_id").references(() => people.id),
    createdAt: createdAt(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [index("jobs_claim_idx").on(t.status, t.runAfter)],
);

export const notificationKind = pgEnum("notification_kind", [
  "cycle_opened",
  "deadline_near",
  "nudge",
  "self_submitted",
  "returned",
  "finalized",
  "comment",
  "acknowledged",
]);

/**
 * What the app tells a person, in the bell and (unless they turned that kind off) by mail. The
 * dedupe key makes a notification happen once however many instances try: deadline reminders
 * ("deadline:<cycle>:<person>:<days>") and nudges ("nudge:<cycle>:<person>:<day>") insert with ON
 * CONFLICT DO NOTHING, and only the inserting transaction queues the mail.
 */
export const notifications = pgTable(
  "notifications",
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    personId: requiredRef("person_id", () => people.id),
    kind: notificationKind().notNull(),
    cycleId: integer("cycle_id").references(() => reviewCycles.id),
    title: varchar({ length: 300 }).notNull(),
    /** The in-app page the notification opens. */
    href: varchar({ length: 300 }).notNull(),
    dedupeKey: varchar("dedupe_key", { length: 120 }).unique(),
    readAt: timestamp("read_at", { withTimezone: true }),
    mailedAt: timestamp("mailed_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index("notifications_person_idx").on(t.personId, t.createdAt)],
);

/** A person's choice per kind; no row: mail on. */
export const notificationPreferences = pgTable(
  "notification_preferences",
  {
    personId: requiredRef("person_id", () => people.id),
    kind: notificationKind().notNull(),
    mail: boolean().notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.personId, t.kind] })],
);

export type NotificationKind = (typeof notificationKind.enumValues)[number];

/**
 * The conversation on one review (a cycle and its subject) between the subject and their
 * reviewer. Plain text, never edited; a closed cycle's conversation is read-only (a trigger in
 * the migrations, as for its assessments).
 */
export const reviewComments = pgTable(
  "review_comments",
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    cycleId: requiredRef("cycle_id", () => reviewCycles.id),
    subjectId: requiredRef("subject_id", () => people.id),
    authorId: requiredRef("author_id", () => people.id),
    body: varchar({ length: REVIEW_COMMENT_MAX }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index("review_comments_thread_idx").on(t.cycleId, t.subjectId, t.createdAt),
    check("review_comments_body_not_blank", sql`length(btrim(${t.body})) > 0`),
  ],
);

/** "I have read my review": once per review, by its subject, after the manager finalized it. */
export const reviewAcknowledgements = pgTable(
  "review_acknowledgements",
  {
    cycleId: requiredRef("cycle_id", () => reviewCycles.id),
    subjectId: requiredRef("subject_id", () => people.id),
    acknowledgedAt: timestamp("acknowledged_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.cycleId, t.subjectId] })],
);
/**
 * Organisation-wide settings an admin changes in the app: one row (id 1), created on first write.
 * `passwordSignInAdminsOnly` turns password sign-in off for everyone but admins once SSO works.
 */
export const organizationSettings = pgTable(
  "organization_settings",
  {
    id: integer().primaryKey().default(1),
    passwordSignInAdminsOnly: boolean("password_sign_in_admins_only").notNull().default(false),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    updatedById: integer("updated_by_id").references(() => people.id),
  },
  (t) => [check("organization_settings_single_row", sql`${t.id} = 1`)],
);

export type Person = typeof people.$inferSelect;
export type AppRole = (typeof appRole.enumValues)[number];
export type Team = typeof teams.$inferSelect;
export type Department = typeof departments.$inferSelect;
export type ReviewCycle = typeof reviewCycles.$inferSelect;
export type CycleStatus = (typeof cycleStatus.enumValues)[number];
export type Assessment = typeof assessments.$inferSelect;
export type NewAssessment = typeof assessments.$inferInsert;
export type AssessmentKind = (typeof assessmentKind.enumValues)[number];
export type AssessmentStatus = (typeof assessmentStatus.enumValues)[number];
export type AssessmentTask = typeof assessmentTasks.$inferSelect;
export type RoleProfile = typeof roleProfiles.$inferSelect;
export type RoleProfileVersion = typeof roleProfileVersions.$inferSelect;
export type RoleTask = typeof roleTasks.$inferSelect;
export type CalibrationRecord = typeof calibrationRecords.$inferSelect;
export type Occupation = typeof occupations.$inferSelect;
export type OccupationTask = typeof occupationTasks.$inferSelect;
export type AuditEntry = typeof auditLog.$inferSelect;
export type ReviewComment = typeof reviewComments.$inferSelect;
