import "server-only";
import { and, asc, desc, eq, ilike, inArray, isNotNull, isNull, like, or, type SQL, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { containsPattern, escapeLike, latestRoleVersions, mixOf, sharesOf } from "@/db/helpers";
import { effectiveAssessmentsQuery, meanMixColumns } from "@/db/queries/effective-assessments";
import { MIN_TEAM_ASSESSED } from "@/db/queries/organization";
import {
  occupationAiApplicability,
  occupations,
  occupationTasks,
  reviewCycles,
  roleProfiles,
  roleProfileVersions,
  roleTasks,
  teams,
} from "@/db/schema";
import { AccessDeniedError, type Actor, assertRole, hasRole, ORGANIZATION_ROLES } from "@/lib/authz";
import {
  type AutomationLevel,
  aiExposure,
  compareWithResearch,
  type ExposureLabel,
  groupFigures,
  type OccupationTaskType,
} from "@/lib/ladder";

/** Who may browse the occupations and compare roles with them: whoever maps roles or reads the org. */
const RESEARCH_ROLES = ["manager", "leader", "admin"] as const;

const SEARCH_LIMIT = 20;
const CODE_QUERY = /^\d{2}(-\d{0,4}(\.\d{0,2})?)?$/;

export type OccupationSearchResult = { code: string; title: string; taskCount: number };

/**
 * Occupations whose title holds every word typed ("financial analyst"), or whose O*NET-SOC code
 * starts with the code typed ("13-20"). Titles that start with the query come first. 923 rows: a
 * scan is faster than any index would be, on both drivers.
 */
export async function searchOccupations(actor: Actor, query: string): Promise<OccupationSearchResult[]> {
  assertRole(actor, RESEARCH_ROLES);
  const text = query.trim().replace(/\s+/g, " ").slice(0, 100);
  if (text.length < 2) return [];
  const db = await getDb();
  let where: SQL | undefined;
  if (CODE_QUERY.test(text)) {
    where = like(occupations.code, `${escapeLike(text)}%`);
  } else {
    const words = text.split(" ").map((word) => ilike(occupations.title, containsPattern(word)));
    where = and(...words);
  }
  const taskCount = db
    .select({ code: occupationTasks.occupationCode, count: sql<number>`count(*)::int`.as("count") })
    .from(occupationTasks)
    .groupBy(occupationTasks.occupationCode)
    .as("task_count");
  return db
    .select({
      code: occupations.code,
      title: occupations.title,
      taskCount: sql<number>`coalesce(${taskCount.count}, 0)`,
    })
    .from(occupations)
    .leftJoin(taskCount, eq(taskCount.code, occupations.code))
    .where(where)
    .orderBy(
      sql`case when ${occupations.title} ilike ${`${escapeLike(text)}%`} then 0 else 1 end`,
      sql`char_length(${occupations.title})`,
      asc(occupations.title),
    )
    .limit(SEARCH_LIMIT);
}

export type OccupationTaskRow = {
  id: number;
  statement: string;
  taskType: "core" | "supplemental" | null;
  humanExposure: ExposureLabel;
  gpt4Exposure: ExposureLabel;
  gpt4Automation: AutomationLevel;
};

/** One occupation with its published betas and its tasks: core (and untyped) first, then supplemental. */
export async function occupationWithTasks(actor: Actor, code: string) {
  assertRole(actor, RESEARCH_ROLES);
  const db = await getDb();
  const [occupation] = await db.select().from(occupations).where(eq(occupations.code, code));
  if (!occupation) return null;
  const tasks = await db
    .select({
      id: occupationTasks.id,
      statement: occupationTasks.statement,
      taskType: occupationTasks.taskType,
      humanExposure: occupationTasks.humanExposure,
      gpt4Exposure: occupationTasks.gpt4Exposure,
      gpt4Automation: occupationTasks.gpt4Automation,
    })
    .from(occupationTasks)
    .where(eq(occupationTasks.occupationCode, code))
    .orderBy(sql`case ${occupationTasks.taskType} when 'supplemental' then 1 else 0 end`, asc(occupationTasks.id));
  return { ...occupation, tasks: tasks as OccupationTaskRow[] };
}

export type RoleResearchComparison = {
  roleProfileId: number;
  roleTitle: string;
  teamId: number;
  teamName: string;
  occupationCode: string;
  occupationTitle: string;
  /** Published beta as a percent, 0–100, from the annotators' and from GPT-4's labels. */
  publishedBetaHuman: number;
  publishedBetaGpt4: number;
  /** Tomlinson et al.'s AI applicability of the occupation's SOC code, as percents; null where it has none. */
  applicability: { score: number; scoreUser: number; scoreAi: number } | null;
  /** Where the occupation ranks (0–1) among the occupations both sources cover, by beta and by applicability. */
  ranks: { beta: number; applicability: number } | null;
  /** E from the role's current target mix. */
  targetExposure: number | null;
  /** E from the mean of its people's effective assessments in the latest closed cycle that has any (else the open one). */
  measured: { exposure: number; count: number; cycleName: string } | null;
  /** Measured against the annotators' beta; the target mix when no one has been assessed yet. */
  comparison: ReturnType<typeof compareWithResearch> | null;
  basis: "people" | "target";
};

/**
 * Each role linked to an O*NET occupation, with the ladder's exposure (target mix and people's
 * assessments) next to the occupation's published beta. Managers see their own teams' roles;
 * leaders and admins every team's. `teamIds` narrows the list.
 */
export async function roleResearchComparisons(
  actor: Actor,
  options: { teamIds?: number[]; roleProfileId?: number; departmentId?: number } = {},
): Promise<RoleResearchComparison[]> {
  assertRole(actor, RESEARCH_ROLES);
  const db = await getDb();
  const scope: SQL[] = [isNotNull(roleProfiles.occupationCode), isNull(roleProfiles.archivedAt)];
  if (!hasRole(actor, ORGANIZATION_ROLES)) scope.push(eq(teams.managerId, actor.id));
  if (options.teamIds) scope.push(inArray(teams.id, options.teamIds.length ? options.teamIds : [-1]));
  if (options.roleProfileId !== undefined) scope.push(eq(roleProfiles.id, options.roleProfileId));
  if (options.departmentId !== undefined) scope.push(eq(teams.departmentId, options.departmentId));

  // Ranks among the 893 occupations both sources cover: the scales differ, the orders can be compared.
  const ranked = db
    .select({
      code: occupations.code,
      betaRank: sql<number>`percent_rank() over (order by ${occupations.publishedBetaHuman})`.as("beta_rank"),
      applicabilityRank: sql<number>`percent_rank() over (order by ${occupationAiApplicability.score})`.as(
        "applicability_rank",
      ),
      score: occupationAiApplicability.score,
      scoreUser: occupationAiApplicability.scoreUser,
      scoreAi: occupationAiApplicability.scoreAi,
    })
    .from(occupations)
    .innerJoin(occupationAiApplicability, eq(occupationAiApplicability.socCode, sql`left(${occupations.code}, 7)`))
    .as("ranked");

  const latestVersion = latestRoleVersions(db);

  const roles = await db
    .select({
      roleProfileId: roleProfiles.id,
      roleTitle: roleProfiles.title,
      teamId: teams.id,
      teamName: teams.name,
      teamManagerId: teams.managerId,
      occupationCode: occupations.code,
      occupationTitle: occupations.title,
      publishedBetaHuman: occupations.publishedBetaHuman,
      publishedBetaGpt4: occupations.publishedBetaGpt4,
      betaRank: ranked.betaRank,
      applicabilityRank: ranked.applicabilityRank,
      score: ranked.score,
      scoreUser: ranked.scoreUser,
      scoreAi: ranked.scoreAi,
      ...sharesOf(latestVersion),
    })
    .from(roleProfiles)
    .innerJoin(teams, eq(teams.id, roleProfiles.teamId))
    .innerJoin(occupations, eq(occupations.code, roleProfiles.occupationCode))
    .leftJoin(latestVersion, eq(latestVersion.roleProfileId, roleProfiles.id))
    .leftJoin(ranked, eq(ranked.code, occupations.code))
    .where(and(...scope))
    .orderBy(asc(teams.name), asc(roleProfiles.title));
  if (roles.length === 0) return [];

  const effective = effectiveAssessmentsQuery(db);
  const measuredRows = await db
    .with(effective)
    .select({
      roleProfileId: roleProfileVersions.roleProfileId,
      cycleName: reviewCycles.name,
      startsOn: reviewCycles.startsOn,
      ...meanMixColumns(effective),
    })
    .from(effective)
    .innerJoin(roleProfileVersions, eq(roleProfileVersions.id, effective.roleVersionId))
    .innerJoin(reviewCycles, eq(reviewCycles.id, effective.cycleId))
    .where(
      inArray(
        roleProfileVersions.roleProfileId,
        roles.map((r) => r.roleProfileId),
      ),
    )
    .groupBy(roleProfileVersions.roleProfileId, reviewCycles.id)
    // A closed cycle is complete; the open one holds only the assessments submitted so far.
    .orderBy(sql`case when ${reviewCycles.status} = 'closed' then 0 else 1 end`, desc(reviewCycles.startsOn));
  const latestMeasured = new Map<number, (typeof measuredRows)[number]>();
  for (const row of measuredRows)
    if (!latestMeasured.has(row.roleProfileId)) latestMeasured.set(row.roleProfileId, row);

  return roles.map((role) => {
    const target = mixOf(role);
    const row = latestMeasured.get(role.roleProfileId);
    // Above the team's manager, a role with fewer than three people assessed shows no measured figure.
    const visible = row && (row.count >= MIN_TEAM_ASSESSED || role.teamManagerId === actor.id);
    const measured =
      row && visible && row.count > 0 && row.s1 !== null
        ? {
            exposure: groupFigures({
              count: row.count,
              s1: row.s1,
              s2: row.s2 ?? 0,
              s3: row.s3 ?? 0,
              s4: row.s4 ?? 0,
              s5: row.s5 ?? 0,
            }).aiExposure,
            count: row.count,
            cycleName: row.cycleName,
          }
        : null;
    const targetExposure = target ? aiExposure(target) : null;
    const publishedBetaHuman = role.publishedBetaHuman * 100;
    const basis: "people" | "target" = measured ? "people" : "target";
    const ladderExposure = measured?.exposure ?? targetExposure;
    return {
      roleProfileId: role.roleProfileId,
      roleTitle: role.roleTitle,
      teamId: role.teamId,
      teamName: role.teamName,
      occupationCode: role.occupationCode,
      occupationTitle: role.occupationTitle,
      publishedBetaHuman,
      publishedBetaGpt4: role.publishedBetaGpt4 * 100,
      applicability:
        role.score === null
          ? null
          : { score: role.score * 100, scoreUser: role.scoreUser! * 100, scoreAi: role.scoreAi! * 100 },
      ranks:
        role.betaRank === null ? null : { beta: Number(role.betaRank), applicability: Number(role.applicabilityRank) },
      targetExposure,
      measured,
      comparison: ladderExposure === null ? null : compareWithResearch(ladderExposure, publishedBetaHuman),
      basis,
    };
  });
}

/** The org's linked roles for the Organization page's scatter, in one department or all: leaders and admins only. */
export async function orgRoleResearchPoints(actor: Actor, departmentId?: number) {
  if (!hasRole(actor, ORGANIZATION_ROLES))
    throw new AccessDeniedError("The organisation's roles are for leaders and admins.");
  return roleResearchComparisons(actor, { departmentId });
}

export type RoleOccupationTask = {
  roleProfileId: number;
  position: number;
  level: number;
  statement: string;
  humanExposure: ExposureLabel;
  gpt4Exposure: ExposureLabel;
  gpt4Automation: AutomationLevel;
  taskType: OccupationTaskType;
};

/** The current version's tasks of roles started from an occupation, with the O*NET labels they came from. */
export async function roleOccupationTasks(actor: Actor, roleProfileIds: number[]) {
  assertRole(actor, RESEARCH_ROLES);
  if (roleProfileIds.length === 0) return [];
  const db = await getDb();
  const scope: SQL[] = [inArray(roleProfiles.id, roleProfileIds)];
  if (!hasRole(actor, ORGANIZATION_ROLES)) scope.push(eq(teams.managerId, actor.id));
  const latest = latestRoleVersions(db);
  return (
    db
      .select({
        roleProfileId: roleProfiles.id,
        position: roleTasks.position,
        level: roleTasks.level,
        statement: occupationTasks.statement,
        humanExposure: occupationTasks.humanExposure,
        gpt4Exposure: occupationTasks.gpt4Exposure,
        gpt4Automation: occupationTasks.gpt4Automation,
        taskType: occupationTasks.taskType,
      })
      .from(roleProfiles)
      .innerJoin(teams, eq(teams.id, roleProfiles.teamId))
      .innerJoin(latest, eq(latest.roleProfileId, roleProfiles.id))
      .innerJoin(roleTasks, eq(roleTasks.roleVersionId, latest.id))
      // A later version saved in the role editor keeps the statements but not their ids: match those by text.
      .innerJoin(
        occupationTasks,
        or(
          eq(occupationTasks.id, roleTasks.occupationTaskId),
          and(
            eq(occupationTasks.occupationCode, roleProfiles.occupationCode),
            eq(occupationTasks.statement, roleTasks.text),
          ),
        ),
      )
      .where(and(...scope))
      .orderBy(asc(roleProfiles.id), asc(roleTasks.position)) as Promise<RoleOccupationTask[]>
  );
}
