import "server-only";
import { createHash } from "node:crypto";
import { and, asc, eq, inArray, ne, type SQL, sql } from "drizzle-orm";
import { type AnyPgColumn, alias, PgDialect, type PgSelect } from "drizzle-orm/pg-core";
import { type Database, getDb } from "@/db";
import { containsPattern } from "@/db/helpers";
import { effectiveAssessmentsQuery, meanMixColumns } from "@/db/queries/effective-assessments";
import {
  closedRangeRankings,
  departmentCycleFigures,
  departments,
  effectiveAssessments,
  people,
  reviewCycles,
  roleCycleFigures,
  roleProfiles,
  roleProfileVersions,
  teamCycleFigures,
  teams,
} from "@/db/schema";
import { type Actor, assertRole, ORGANIZATION_ROLES } from "@/lib/authz";
import { CAPABILITIES, type CapabilityKey, type ExposureClass, groupFigures, upwardShift } from "@/lib/ladder";

type MeanMixRow = {
  count: number;
  s1: number | null;
  s2: number | null;
  s3: number | null;
  s4: number | null;
  s5: number | null;
};

function figuresOf(row: MeanMixRow) {
  if (row.count === 0 || row.s1 === null) return null;
  return groupFigures({
    count: row.count,
    s1: row.s1,
    s2: row.s2 ?? 0,
    s3: row.s3 ?? 0,
    s4: row.s4 ?? 0,
    s5: row.s5 ?? 0,
  });
}

export type GroupFigures = NonNullable<ReturnType<typeof figuresOf>>;

function teamsWithDepartment(db: Database, ids?: number[]) {
  if (ids?.length === 0) return Promise.resolve([]);
  return db
    .select({
      id: teams.id,
      name: teams.name,
      departmentId: teams.departmentId,
      department: departments.name,
      manager: sql<string | null>`${people.name}`,
    })
    .from(teams)
    .innerJoin(departments, eq(departments.id, teams.departmentId))
    .leftJoin(people, eq(people.id, teams.managerId))
    .where(ids ? inArray(teams.id, ids) : undefined)
    .orderBy(asc(departments.name), asc(teams.name));
}

export async function listTeamsWithDepartment(actor: Actor) {
  assertRole(actor, ORGANIZATION_ROLES);
  return teamsWithDepartment(await getDb());
}

async function listDepartmentsForOrganization(actor: Actor) {
  assertRole(actor, ORGANIZATION_ROLES);
  const db = await getDb();
  return db.select({ id: departments.id, name: departments.name }).from(departments).orderBy(asc(departments.name));
}

export type OrganizationFilter = { from?: string; to?: string; departmentId?: number; basis?: string };

export type CalibrationBucket = "manager_higher_lots" | "manager_higher" | "agree" | "self_higher" | "self_higher_lots";
/** Gap = L(self) − L(manager); within ±0.10 counts as agreement, beyond ±0.30 as a wide gap. */
export const CALIBRATION_BUCKETS: { key: CalibrationBucket; label: string; test: (gap: number) => boolean }[] = [
  { key: "manager_higher_lots", label: "Manager higher by > 0.30", test: (g) => g < -0.3 },
  { key: "manager_higher", label: "Manager higher by 0.10–0.30", test: (g) => g >= -0.3 && g < -0.1 },
  { key: "agree", label: "Within ±0.10", test: (g) => g >= -0.1 && g <= 0.1 },
  { key: "self_higher", label: "Self higher by 0.10–0.30", test: (g) => g > 0.1 && g <= 0.3 },
  { key: "self_higher_lots", label: "Self higher by > 0.30", test: (g) => g > 0.3 },
];

/** Beyond these counts the page draws departments instead of teams, and lists the top movers only. */
export const TEAM_LINES_MAX = 12;
export const HEATMAP_TEAMS_MAX = 30;
export const TOP_N = 10;
/** A cycle with fewer of its people assessed than this is provisional: drawn dashed, never the headline. */
const COVERAGE_THRESHOLD = 0.8;
/** Teams with fewer assessed people show no figures to leaders: a mean of two is nearly a person's answers. */
export const MIN_TEAM_ASSESSED = 3;
/** What a leader reads where a team's, role's or department's figure is left out for that reason. */
export const SMALL_GROUP_NOTE = `fewer than ${MIN_TEAM_ASSESSED} people — hidden so no one's answers can be read from it`;

export type Basis = "best" | "reviewed";

/** The sums of a rollup row for a basis: every effective assessment, or finalized manager reviews only. */
type RollupKey =
  | "assessed"
  | "sumS1"
  | "sumS2"
  | "sumS3"
  | "sumS4"
  | "sumS5"
  | "reviewed"
  | "reviewedS1"
  | "reviewedS2"
  | "reviewedS3"
  | "reviewedS4"
  | "reviewedS5"
  | "sumJudgment"
  | "sumCommunication"
  | "sumStakeholders"
  | "sumSystemsThinking"
  | "sumOwnership"
  | "reviewedJudgment"
  | "reviewedCommunication"
  | "reviewedStakeholders"
  | "reviewedSystemsThinking"
  | "reviewedOwnership";
function rollupColumns<T extends Record<RollupKey, AnyPgColumn>>(t: T, basis: Basis) {
  return basis === "reviewed"
    ? { count: t.reviewed, s1: t.reviewedS1, s2: t.reviewedS2, s3: t.reviewedS3, s4: t.reviewedS4, s5: t.reviewedS5 }
    : { count: t.assessed, s1: t.sumS1, s2: t.sumS2, s3: t.sumS3, s4: t.sumS4, s5: t.sumS5 };
}
/** The capability rating sums of a rollup row for a basis, keyed like CAPABILITIES. */
function capabilityColumns<T extends Record<RollupKey, AnyPgColumn>>(t: T, basis: Basis) {
  return basis === "reviewed"
    ? {
        judgment: t.reviewedJudgment,
        communication: t.reviewedCommunication,
        stakeholders: t.reviewedStakeholders,
        systemsThinking: t.reviewedSystemsThinking,
        ownership: t.reviewedOwnership,
      }
    : {
        judgment: t.sumJudgment,
        communication: t.sumCommunication,
        stakeholders: t.sumStakeholders,
        systemsThinking: t.sumSystemsThinking,
        ownership: t.sumOwnership,
      };
}

type SumRow = { count: number; s1: number; s2: number; s3: number; s4: number; s5: number };
type CapabilitySums = SumRow & Record<CapabilityKey, number>;
/** Mean rating (1–5) per capability; null for a group under MIN_TEAM_ASSESSED people. */
export type CapabilityMeans = Record<CapabilityKey, number> | null;

function capabilityMeansOf(row: CapabilitySums | undefined): CapabilityMeans {
  if (!row || row.count < MIN_TEAM_ASSESSED) return null;
  return Object.fromEntries(CAPABILITIES.map((c) => [c.key, row[c.key] / row.count])) as Record<CapabilityKey, number>;
}

function addCapabilitySums(into: CapabilitySums | undefined, row: CapabilitySums): CapabilitySums {
  if (!into) return { ...row };
  const next = { ...into, ...addSums(into, row) };
  for (const c of CAPABILITIES) next[c.key] = into[c.key] + row[c.key];
  return next;
}

function figuresOfSums(row: SumRow | undefined) {
  if (!row || row.count <= 0) return null;
  const n = row.count;
  return groupFigures({ count: n, s1: row.s1 / n, s2: row.s2 / n, s3: row.s3 / n, s4: row.s4 / n, s5: row.s5 / n });
}

function addSums(into: SumRow | undefined, row: SumRow): SumRow {
  if (!into) return { ...row };
  return {
    count: into.count + row.count,
    s1: into.s1 + row.s1,
    s2: into.s2 + row.s2,
    s3: into.s3 + row.s3,
    s4: into.s4 + row.s4,
    s5: into.s5 + row.s5,
  };
}

/**
 * The ids of the teams or roles whose leverage index moved most up and most down between their
 * first and last cycle with figures among `cycleIds` (three or more assessed), `limit` each way:
 * the risers by change, then the fallers. Over cycles that are all `closed`, the ranking is kept in
 * closed_range_rankings on first request and read from there afterwards (migration 0018 clears it
 * whenever it could change), so the page does not rank every team's or role's history each time.
 */
export async function topMoverIds(
  db: Database,
  kind: "team" | "role",
  cycleIds: number[],
  departmentId: number | null,
  basis: Basis,
  limit: number | null,
  closed: boolean,
) {
  if (cycleIds.length < 2) return [];
  const ranking = moversRanking(kind, cycleIds, departmentId, basis, limit);
  const ids = closed
    ? await keptIds(db, ranking, { kind, cycleIds, departmentId, basis, limit })
    : rowsOf<{ id: number }>(await db.execute(ranking)).map((r) => Number(r.id));
  return [...new Set(ids)];
}

type KeptMeta = { kind: string; cycleIds: number[]; departmentId: number | null; basis: string; limit: number | null };

/** The memo key of a query over closed cycles: md5 of its text and parameters. */
function keyOf(query: SQL) {
  const { sql: text, params } = new PgDialect().sqlToQuery(query);
  return createHash("md5")
    .update(JSON.stringify([text, params]))
    .digest("hex");
}

/**
 * The ids `ranking` returns (rows of `id`, in order), over cycles that are all closed: kept in
 * closed_range_rankings on first request and read from there afterwards (migrations 0018 and 0019
 * clear it whenever what it ranks could change).
 */
async function keptIds(db: Database, ranking: SQL, meta: KeptMeta): Promise<number[]> {
  const key = keyOf(ranking);
  const [kept] = await db
    .select({ ids: closedRangeRankings.ids })
    .from(closedRangeRankings)
    .where(eq(closedRangeRankings.key, key));
  if (kept) return kept.ids;
  // First request: checked closed, ranked and kept in one statement (one snapshot), under the lock
  // the clearing triggers take exclusively, so a ranking of cycles re-opened meanwhile is never kept.
  const ids = await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock_shared(160018)`);
    const [row] = rowsOf<{ ids: number[] }>(
      await tx.execute(sql`
        with ranked as materialized (${ranking}),
        list as (select coalesce(array_agg(id::int), '{}'::int[]) as ids from ranked),
        kept as (
          insert into closed_range_rankings (key, kind, cycle_ids, department_id, basis, row_limit, ids)
          select ${key}, ${meta.kind}, ${intArray(meta.cycleIds)}, ${meta.departmentId}::int,
            ${meta.basis}, ${meta.limit}::int, list.ids
          from list
          where ${allClosed(meta.cycleIds)}
          on conflict (key) do nothing
        )
        select ids from list`),
    );
    return row!.ids;
  });
  return ids.map(Number);
}

const intArray = (ids: number[]) => sql.raw(`array[${ids.map(Number).join(",")}]::int[]`);
const allClosed = (cycleIds: number[]) =>
  sql`(select count(*) from review_cycles c where c.id in ${cycleIds} and c.status = 'closed') = ${cycleIds.length}`;

function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

function moversRanking(
  kind: "team" | "role",
  cycleIds: number[],
  departmentId: number | null,
  basis: Basis,
  limit: number | null,
) {
  const table = kind === "team" ? sql`team_cycle_figures` : sql`role_cycle_figures`;
  const key = kind === "team" ? sql`f.team_id` : sql`f.role_profile_id`;
  const teamOf =
    kind === "team" ? sql`f.team_id` : sql`(select team_id from role_profiles rp where rp.id = f.role_profile_id)`;
  const p = basis === "reviewed" ? "reviewed_s" : "sum_s";
  const n = basis === "reviewed" ? sql`f.reviewed` : sql`f.assessed`;
  const index = sql.raw(`(f.${p}1 + 2 * f.${p}2 + 3 * f.${p}3 + 4 * f.${p}4 + 5 * f.${p}5)::float8`);
  // Each row's cycle position (cycleIds run oldest first) and index packed into one number,
  // position * 1000 + index in hundredths (100–500): max and min then pick the last and first
  // cycle's index in one pass, with no sort and no arrays. Deltas are compared rounded, so float
  // noise cannot break a tie differently from the id order. Without a limit the risers list them all.
  const at = sql`array_position(${intArray(cycleIds)}, f.cycle_id)`;
  const top = limit === null ? sql`` : sql`limit ${limit}`;
  return sql`
    with r as (
      select ${key} as id, ${at} * 1000 + ${index} / ${n} as packed
      from ${table} f
      where f.cycle_id in ${cycleIds} and ${n} >= ${MIN_TEAM_ASSESSED}
        ${departmentId === null ? sql`` : sql`and (select department_id from teams t where t.id = ${teamOf}) = ${departmentId}`}
    ),
    change as (
      select id, round(((max(packed) - floor(max(packed) / 1000) * 1000) - (min(packed) - floor(min(packed) / 1000) * 1000))::numeric, 6) as delta
      from r group by id having count(*) >= 2
    )
    select id from (
      (select id, 1 as side, -delta as k from change order by delta desc, id ${top})
      ${limit === null ? sql`` : sql`union all (select id, 2 as side, delta as k from change order by delta, id ${top})`}
    ) m
    order by side, k, id`;
}

type CalibrationRow = {
  teamId: number;
  pairs: number;
  gapSum: number;
  absGapSum: number;
  b1: number;
  b2: number;
  b3: number;
  b4: number;
  b5: number;
};
const CALIBRATION_TALLIES = sql.raw(
  "pairs, gap_sum, abs_gap_sum, manager_higher_lots, manager_higher, agree, self_higher, self_higher_lots",
);

/** Each team's calibration tallies in `cycleIds` (within a department), one row per team and cycle or none. */
function calibrationTallies(cycleIds: number[], departmentId: number | null) {
  return sql`
    select f.team_id, ${sql.raw(
      "f.pairs, f.gap_sum, f.abs_gap_sum, f.manager_higher_lots, f.manager_higher, f.agree, f.self_higher, f.self_higher_lots",
    )}
    from team_cycle_figures f
    ${departmentId === null ? sql`` : sql`join teams t on t.id = f.team_id and t.department_id = ${departmentId}`}
    where f.cycle_id in ${cycleIds}`;
}

/** The teams with three or more pairs in `tallies` (rows of calibrationTallies' columns), by mean distance, ties by id. */
function calibrationRanking(tallies: SQL, limit: number | undefined) {
  return sql`
    select team_id as "teamId", sum(pairs)::int as pairs, sum(gap_sum)::int as "gapSum",
      sum(abs_gap_sum)::int as "absGapSum", sum(manager_higher_lots)::int as b1, sum(manager_higher)::int as b2,
      sum(agree)::int as b3, sum(self_higher)::int as b4, sum(self_higher_lots)::int as b5
    from (${tallies}) t
    group by team_id
    having sum(pairs) >= ${MIN_TEAM_ASSESSED}
    order by sum(abs_gap_sum)::float8 / sum(pairs) desc, team_id
    limit ${limit ?? 1_000_000}`;
}

/**
 * Calibration per team over the range: finalized reviews against submitted self-assessments, from
 * the rollups. The closed cycles' sums per team are kept in closed_range_calibration on first
 * request, so a load adds only the open cycles' rows to them rather than every closed cycle's.
 */
export async function calibrationByTeam(
  db: Database,
  cycles: { id: number; status: string }[],
  departmentId: number | null,
  limit: number | undefined,
): Promise<CalibrationRow[]> {
  if (cycles.length === 0) return [];
  const closedIds = cycles.filter((c) => c.status === "closed").map((c) => c.id);
  const openIds = cycles.filter((c) => c.status !== "closed").map((c) => c.id);
  const live = async () =>
    rowsOf<CalibrationRow>(
      await db.execute(
        calibrationRanking(
          calibrationTallies(
            cycles.map((c) => c.id),
            departmentId,
          ),
          limit,
        ),
      ),
    );
  if (closedIds.length === 0) return live();
  const closedTallies = calibrationTallies(closedIds, departmentId);
  const key = keyOf(closedTallies);
  const openTallies = openIds.length ? sql`union all ${calibrationTallies(openIds, departmentId)}` : sql``;
  // The kept sums and whether they are kept, read in one statement (one snapshot), so a clearing
  // between the two cannot leave the closed part out.
  const rows = rowsOf<CalibrationRow & { kept: boolean }>(
    await db.execute(sql`
      with ranked as (${calibrationRanking(
        sql`select team_id, ${CALIBRATION_TALLIES} from closed_range_calibration where key = ${key} ${openTallies}`,
        limit,
      )})
      select k.kept, ranked.* from (select exists (select 1 from closed_range_rankings where key = ${key}) as kept) k
      left join ranked on k.kept
      order by ranked."absGapSum"::float8 / ranked.pairs desc, ranked."teamId"`),
  );
  if (rows[0]?.kept) return rows.filter((r) => r.teamId !== null).map(({ kept: _kept, ...r }) => r);
  // First request: checked closed and kept in one statement, under the lock the clearing triggers
  // take exclusively (as keptIds); a concurrent first request finds the key taken and keeps nothing.
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock_shared(160018)`);
    await tx.execute(sql`
      with marker as (
        insert into closed_range_rankings (key, kind, cycle_ids, department_id, basis, row_limit, ids)
        select ${key}, 'calib', ${intArray(closedIds)}, ${departmentId}::int, 'any', null, '{}'::int[]
        where ${allClosed(closedIds)}
        on conflict (key) do nothing
        returning key
      )
      insert into closed_range_calibration (key, team_id, ${CALIBRATION_TALLIES})
      select marker.key, t.team_id, ${sql.raw(
        "sum(pairs), sum(gap_sum), sum(abs_gap_sum), sum(manager_higher_lots), sum(manager_higher), sum(agree), sum(self_higher), sum(self_higher_lots)",
      )}
      from marker, (${closedTallies}) t
      group by marker.key, t.team_id`);
  });
  return live();
}

type RoleFigures = SumRow & { roleId: number; medianExposure: number; medianUpper: number };
type RoleCounts = { total: number; exposed: number; enhanced: number; hidden: number };
/** The roles the page lists by exposure (the CSV lists all). */
const ROLES_SHOWN = 8;
/** Ranking keys from the sums, the same IEEE division in SQL and here: 2 × mean exposure, mean s3 + s4 + s5. */
const exposureKey = (r: SumRow) => (2 * r.s1 + r.s2) / r.count;
const upperKey = (r: SumRow) => (r.s3 + r.s4 + r.s5) / r.count;

/**
 * Per role with an effective assessment in `cycleId`: count, share sums, and the medians of
 * s1 + s2 / 2 and of s3 + s4 + s5 behind the exposure class (percentile_cont(0.5)). For the whole
 * organisation, from one rollup row per role (the medians kept by the trigger, migration 0017), and
 * for the page (`top`) only the roles it can list, ranked in SQL, with the counts; within a
 * department, every role's figures computed from the effective rows written in its teams, as the
 * department is the assessment's team's.
 */
async function latestRoleFigures(
  db: Database,
  cycleId: number,
  departmentId: number | null,
  basis: Basis,
  top: boolean,
  closed: boolean,
): Promise<{ rows: RoleFigures[]; counts: RoleCounts | null }> {
  if (departmentId === null) {
    const rc = rollupColumns(roleCycleFigures, basis);
    const reviewed = basis === "reviewed";
    const median = reviewed ? roleCycleFigures.reviewedMedianExposure : roleCycleFigures.medianExposure;
    const upper = reviewed ? roleCycleFigures.reviewedMedianUpper : roleCycleFigures.medianUpper;
    const select = () =>
      db
        .select({
          roleId: roleCycleFigures.roleProfileId,
          ...rc,
          medianExposure: sql<number>`${median}`,
          medianUpper: sql<number>`${upper}`,
        })
        .from(roleCycleFigures);
    const inCycle = eq(roleCycleFigures.cycleId, cycleId);
    if (!top) return { rows: await select().where(and(inCycle, sql`${rc.count} > 0`)), counts: null };
    const shown = sql`${rc.count} >= ${MIN_TEAM_ASSESSED}`;
    const enhanced = sql`${median} < 50 and ${upper} >= 50`;
    const byExposure = db
      .select({ id: roleCycleFigures.roleProfileId })
      .from(roleCycleFigures)
      .where(and(inCycle, shown))
      .orderBy(sql`(2 * ${rc.s1} + ${rc.s2})::float8 / ${rc.count} desc`, roleCycleFigures.roleProfileId)
      .limit(ROLES_SHOWN);
    const byUpper = db
      .select({ id: roleCycleFigures.roleProfileId })
      .from(roleCycleFigures)
      .where(and(inCycle, shown, enhanced))
      .orderBy(sql`(${rc.s3} + ${rc.s4} + ${rc.s5})::float8 / ${rc.count} desc`, roleCycleFigures.roleProfileId)
      .limit(TOP_N);
    // The four counts, then the ids of the roles the page lists (the rows' order does not matter).
    const listed = sql`
      select unnest(array[
        count(*) filter (where ${shown})::int,
        count(*) filter (where ${shown} and ${median} >= 50)::int,
        count(*) filter (where ${shown} and ${enhanced})::int,
        count(*) filter (where ${rc.count} > 0 and ${rc.count} < ${MIN_TEAM_ASSESSED})::int
      ] || array((${byExposure}) union (${byUpper}))) as id
      from ${roleCycleFigures} where ${inCycle}`;
    // A closed cycle's ranking cannot change until a clearing trigger says so: kept (keptIds).
    const list = closed
      ? await keptIds(db, listed, { kind: "roles", cycleIds: [cycleId], departmentId: null, basis, limit: null })
      : rowsOf<{ id: number }>(await db.execute(listed)).map((r) => Number(r.id));
    const [total, exposed, enhancedCount, hidden, ...ids] = list as [number, number, number, number, ...number[]];
    const rows = ids.length ? await select().where(and(inCycle, inArray(roleCycleFigures.roleProfileId, ids))) : [];
    return { rows, counts: { total, exposed, enhanced: enhancedCount, hidden } };
  }
  const e = effectiveAssessments;
  const rows = await db
    .select({
      roleId: roleProfileVersions.roleProfileId,
      count: sql<number>`count(*)::int`,
      s1: sql<number>`sum(${e.s1})::int`,
      s2: sql<number>`sum(${e.s2})::int`,
      s3: sql<number>`sum(${e.s3})::int`,
      s4: sql<number>`sum(${e.s4})::int`,
      s5: sql<number>`sum(${e.s5})::int`,
      medianExposure: sql<number>`percentile_cont(0.5) within group (order by ${e.s1} + ${e.s2} / 2.0::float8)`,
      medianUpper: sql<number>`percentile_cont(0.5) within group (order by (${e.s3} + ${e.s4} + ${e.s5})::float8)`,
    })
    .from(e)
    .innerJoin(teams, eq(teams.id, e.teamId))
    .innerJoin(roleProfileVersions, eq(roleProfileVersions.id, e.roleVersionId))
    .where(
      and(
        eq(e.cycleId, cycleId),
        eq(teams.departmentId, departmentId),
        basis === "reviewed" ? eq(e.reviewed, true) : undefined,
      ),
    )
    .groupBy(roleProfileVersions.roleProfileId);
  return { rows, counts: null };
}

/**
 * Everything the Organization page shows, for a range of started cycles and an optional
 * department. Team and department figures come from the rollups kept by the triggers (one row per
 * team and cycle), so the cost follows the number of teams, not the history of assessments; only
 * a department's role figures (medians by the assessments' teams) read individual rows, of that
 * department and one cycle only.
 */
export async function organizationOverview(
  actor: Actor,
  filter: OrganizationFilter = {},
  /** "page" keeps what a reader can take in (top lists, departments beyond a few teams); "complete" is for the CSV. */
  detail: "page" | "complete" = "page",
) {
  assertRole(actor, ORGANIZATION_ROLES);
  const db = await getDb();
  const basis: Basis = filter.basis === "reviewed" ? "reviewed" : "best";
  const [allCycles, departmentList] = await Promise.all([
    db
      .select({
        id: reviewCycles.id,
        name: reviewCycles.name,
        status: reviewCycles.status,
        startsOn: reviewCycles.startsOn,
        endsOn: reviewCycles.endsOn,
      })
      .from(reviewCycles)
      .where(ne(reviewCycles.status, "draft"))
      .orderBy(asc(reviewCycles.startsOn)),
    listDepartmentsForOrganization(actor),
  ]);
  const department = departmentList.find((d) => d.id === filter.departmentId) ?? null;

  let fromIndex = Math.max(
    0,
    allCycles.findIndex((c) => c.name === filter.from),
  );
  let toIndex = allCycles.findIndex((c) => c.name === filter.to);
  if (toIndex < 0) toIndex = allCycles.length - 1;
  if (fromIndex > toIndex) [fromIndex, toIndex] = [toIndex, fromIndex];
  let cycles = allCycles.slice(fromIndex, toIndex + 1);
  const cycleIds = cycles.map((c) => c.id);
  const range = cycles;
  // Thousands of teams: the page counts them, and names only those it draws or lists (below).
  const [{ teamCount }] = (await db
    .select({ teamCount: sql<number>`count(*)::int` })
    .from(teams)
    .where(department ? eq(teams.departmentId, department.id) : undefined)) as [{ teamCount: number }];
  const base = {
    basis,
    allCycles,
    cycles,
    departments: departmentList,
    department,
    teamCount,
  };
  const empty = {
    ...base,
    org: [],
    coverage: [],
    teamSeries: [],
    departmentSeries: [],
    departmentCapabilities: [],
    latestIndex: -1,
    teamsPartial: false,
    roleCounts: { total: 0, exposed: 0, enhanced: 0, hidden: 0 },
    heatmap: null,
    departmentHeatmap: null,
    teamMovers: [],
    roleMovers: [],
    roles: [],
    calibration: [],
  };
  if (cycleIds.length === 0) return empty;

  const tc = rollupColumns(teamCycleFigures, basis);
  const dc = { ...rollupColumns(departmentCycleFigures, basis), ...capabilityColumns(departmentCycleFigures, basis) };
  const [departmentRows, headcounts] = await Promise.all([
    db
      .select({
        departmentId: departmentCycleFigures.departmentId,
        cycleId: departmentCycleFigures.cycleId,
        reviewedCount: departmentCycleFigures.reviewed,
        ...dc,
      })
      .from(departmentCycleFigures)
      .where(
        and(
          inArray(departmentCycleFigures.cycleId, cycleIds),
          sql`${dc.count} > 0`,
          department ? eq(departmentCycleFigures.departmentId, department.id) : undefined,
        ),
      ),
    // Coverage: the active people who were members of a team in scope on each cycle's last day,
    // kept per department and cycle by the triggers (migration 0017).
    db
      .select({
        cycleId: departmentCycleFigures.cycleId,
        members: sql<number>`sum(${departmentCycleFigures.members})::int`,
      })
      .from(departmentCycleFigures)
      .where(
        and(
          inArray(departmentCycleFigures.cycleId, cycleIds),
          department ? eq(departmentCycleFigures.departmentId, department.id) : undefined,
        ),
      )
      .groupBy(departmentCycleFigures.cycleId),
  ]);

  const orgSums = new Map<number, CapabilitySums>();
  const finalizedOf = new Map<number, number>();
  for (const r of departmentRows) {
    orgSums.set(r.cycleId, addCapabilitySums(orgSums.get(r.cycleId), r));
    finalizedOf.set(r.cycleId, (finalizedOf.get(r.cycleId) ?? 0) + r.reviewedCount);
  }
  // Cycles in range without any assessment (a new quarter not yet written in) are left out.
  cycles = cycles.filter((c) => orgSums.has(c.id));
  base.cycles = cycles;
  if (cycles.length === 0) return { ...empty, cycles };
  const cycleIndex = new Map(cycles.map((c, i) => [c.id, i]));
  const headcountOf = new Map(headcounts.map((h) => [h.cycleId, h.members]));
  const coverage = cycles.map((c) => {
    const assessed = orgSums.get(c.id)?.count ?? 0;
    const active = Math.max(headcountOf.get(c.id) ?? 0, assessed);
    const finalized = finalizedOf.get(c.id) ?? 0;
    const share = active ? assessed / active : 0;
    return {
      cycle: c,
      assessed,
      active,
      finalized,
      share,
      provisional: c.status === "open" || share < COVERAGE_THRESHOLD,
    };
  });
  const org = cycles.map((c, i) => ({
    cycle: c,
    figures: figuresOfSums(orgSums.get(c.id)),
    capabilities: capabilityMeansOf(orgSums.get(c.id)),
    coverage: coverage[i]!,
  }));

  const seriesOf = <R extends SumRow & { cycleId: number }, K>(rows: R[], keyOf: (r: R) => K) => {
    const byKey = new Map<K, (GroupFigures | null)[]>();
    for (const r of rows) {
      const i = cycleIndex.get(r.cycleId);
      if (i === undefined) continue;
      const points = byKey.get(keyOf(r)) ?? cycles.map(() => null);
      points[i] = figuresOfSums(r);
      byKey.set(keyOf(r), points);
    }
    return byKey;
  };
  // The heatmap, movers and role figures end at the latest cycle that is not provisional (closed
  // with enough coverage). Without one, the latest with data stands in, marked provisional.
  const solidIndex = org.findLastIndex((o) => o.figures !== null && !o.coverage.provisional);
  const latestIndex = solidIndex >= 0 ? solidIndex : org.findLastIndex((o) => o.figures !== null);
  const latest = latestIndex >= 0 ? cycles[latestIndex]! : null;
  const upToLatest = cycles.slice(0, latestIndex + 1).map((c) => c.id);
  const complete = detail === "complete";
  const limit = complete ? undefined : TOP_N;

  // Started together, the database works on them side by side; awaited together, so a failure of
  // one is the call's one rejection and none is left unhandled.
  // Over closed cycles only, the rankings are kept once computed (keptIds).
  const upToLatestClosed = cycles.slice(0, latestIndex + 1).every((c) => c.status === "closed");
  // Every team's series while there are few teams (or for the CSV); else only the top movers'.
  const teamsPartial = !complete && teamCount > HEATMAP_TEAMS_MAX;
  const teamRowsOf = async () => {
    const teamIds = teamsPartial
      ? await topMoverIds(db, "team", upToLatest, department?.id ?? null, basis, TOP_N, upToLatestClosed)
      : null;
    if (teamIds && teamIds.length === 0) return [];
    return db
      .select({ teamId: teamCycleFigures.teamId, cycleId: teamCycleFigures.cycleId, ...tc })
      .from(teamCycleFigures)
      .innerJoin(teams, eq(teams.id, teamCycleFigures.teamId))
      .where(
        and(
          inArray(teamCycleFigures.cycleId, cycleIds),
          sql`${tc.count} > 0`,
          teamIds ? inArray(teamCycleFigures.teamId, teamIds) : undefined,
          department ? eq(teams.departmentId, department.id) : undefined,
        ),
      );
  };
  const [latestRoles, roleMoverIds, calibrationRows, teamRows] = await Promise.all([
    latest
      ? latestRoleFigures(db, latest.id, department?.id ?? null, basis, detail === "page", latest.status === "closed")
      : Promise.resolve({ rows: [], counts: null }),
    topMoverIds(db, "role", upToLatest, department?.id ?? null, basis, complete ? null : 6, upToLatestClosed),
    calibrationByTeam(db, range, department?.id ?? null, limit),
    teamRowsOf(),
  ]);
  const teamList = await teamsWithDepartment(db, [
    ...new Set([...teamRows.map((r) => r.teamId), ...calibrationRows.map((r) => r.teamId)]),
  ]);
  const teamById = new Map(teamList.map((t) => [t.id, t]));
  const teamPoints = seriesOf(teamRows, (r) => r.teamId);
  // A team with fewer than three people assessed in a cycle shows no figure for it.
  for (const points of teamPoints.values())
    points.forEach((p, i) => {
      if (p && p.count < MIN_TEAM_ASSESSED) points[i] = null;
    });
  const teamSeries = teamList.flatMap((team) => {
    const points = teamPoints.get(team.id);
    return points?.some((p) => p !== null) ? [{ team, points }] : [];
  });
  const departmentPoints = seriesOf(departmentRows, (r) => r.departmentId);
  const departmentSeries = departmentList.flatMap((d) => {
    const points = departmentPoints.get(d.id);
    return points ? [{ department: d, points }] : [];
  });
  // Capability means per department and cycle (none under three people), beside the level mix.
  const capabilityPoints = new Map<number, { count: number; means: CapabilityMeans }[]>();
  for (const r of departmentRows) {
    const i = cycleIndex.get(r.cycleId);
    if (i === undefined) continue;
    const points = capabilityPoints.get(r.departmentId) ?? cycles.map(() => ({ count: 0, means: null }));
    points[i] = { count: r.count, means: capabilityMeansOf(r) };
    capabilityPoints.set(r.departmentId, points);
  }
  const departmentCapabilities = departmentList.flatMap((d) => {
    const points = capabilityPoints.get(d.id);
    return points ? [{ department: d, points }] : [];
  });

  const heatmap =
    latest && !teamsPartial
      ? {
          cycle: latest,
          rows: teamSeries.flatMap((s) => {
            const figures = s.points[latestIndex];
            return figures ? [{ team: s.team, figures }] : [];
          }),
        }
      : null;
  const departmentHeatmap = latest
    ? {
        cycle: latest,
        rows: departmentSeries.flatMap((s) => {
          const figures = s.points[latestIndex];
          return figures ? [{ department: s.department, figures }] : [];
        }),
      }
    : null;

  const firstWithData = (points: (GroupFigures | null)[]) => points.findIndex((p) => p !== null);
  const lastWithData = (points: (GroupFigures | null)[]) =>
    points.findLastIndex((p, i) => p !== null && i <= latestIndex);
  function shiftOf(points: (GroupFigures | null)[]) {
    const a = firstWithData(points);
    const b = lastWithData(points);
    if (a < 0 || b < 0 || a >= b) return null;
    const shift = upwardShift(points[a]!.mix, points[b]!.mix);
    return {
      from: cycles[a]!.name,
      to: cycles[b]!.name,
      fromIndex: points[a]!.leverageIndex,
      toIndex: points[b]!.leverageIndex,
      ...shift,
    };
  }
  const teamMovers = teamSeries.flatMap((s) => {
    const shift = shiftOf(s.points);
    return shift ? [{ id: s.team.id, name: s.team.name, department: s.team.department, ...shift }] : [];
  });

  // Roles at the latest cycle: their sums and the medians behind the exposure class (latestRoles).
  // A role with fewer than three people assessed shows no figure to leaders, like a team.
  const hiddenRoles = latestRoles.rows.filter((r) => r.count > 0 && r.count < MIN_TEAM_ASSESSED).length;
  const ranked = latestRoles.rows.flatMap((r) => {
    const figures = r.count < MIN_TEAM_ASSESSED ? null : figuresOfSums(r);
    if (!figures) return [];
    const cls: ExposureClass = r.medianExposure >= 50 ? "exposed" : r.medianUpper >= 50 ? "enhanced" : "in_transition";
    return [{ roleId: r.roleId, figures, exposureClass: cls, byExposure: exposureKey(r), byUpper: upperKey(r) }];
  });
  // Most exposed first, and the enhanced by ownership + system share; ties by id, as in SQL.
  ranked.sort((a, b) => b.byExposure - a.byExposure || a.roleId - b.roleId);
  const enhancedRanked = ranked
    .filter((r) => r.exposureClass === "enhanced")
    .sort((a, b) => b.byUpper - a.byUpper || a.roleId - b.roleId);
  const shownRoles = complete
    ? ranked
    : [
        ...new Map(
          [...ranked.slice(0, ROLES_SHOWN), ...enhancedRanked.slice(0, TOP_N)].map((r) => [r.roleId, r]),
        ).values(),
      ];
  const roleIds = [...new Set([...shownRoles.map((r) => r.roleId), ...roleMoverIds])];
  const rc = rollupColumns(roleCycleFigures, basis);
  const [roleInfo, roleRows] = roleIds.length
    ? await Promise.all([
        db
          .select({ id: roleProfiles.id, title: roleProfiles.title, team: teams.name, teamId: teams.id })
          .from(roleProfiles)
          .innerJoin(teams, eq(teams.id, roleProfiles.teamId))
          .where(inArray(roleProfiles.id, roleIds)),
        db
          .select({ roleId: roleCycleFigures.roleProfileId, cycleId: roleCycleFigures.cycleId, ...rc })
          .from(roleCycleFigures)
          .where(
            and(
              inArray(roleCycleFigures.roleProfileId, roleIds),
              inArray(roleCycleFigures.cycleId, cycleIds),
              sql`${rc.count} > 0`,
            ),
          ),
      ])
    : [[], []];
  const roleInfoById = new Map(roleInfo.map((r) => [r.id, r]));
  const rolePoints = seriesOf(
    roleRows.filter((r) => r.count >= MIN_TEAM_ASSESSED),
    (r) => r.roleId,
  );
  const roleMovers = roleMoverIds.flatMap((id) => {
    const role = roleInfoById.get(id);
    const shift = role && shiftOf(rolePoints.get(id) ?? []);
    return role && shift ? [{ id, name: `${role.title} (${role.team})`, department: role.team, ...shift }] : [];
  });
  const roles = shownRoles.flatMap((r) => {
    const role = roleInfoById.get(r.roleId);
    if (!role) return [];
    const points = rolePoints.get(r.roleId) ?? cycles.map(() => null);
    const trend = points.map((p) => p?.aiExposure ?? null);
    const first = trend.find((v) => v !== null) ?? null;
    return [
      {
        id: role.id,
        title: role.title,
        team: role.team,
        teamId: role.teamId,
        headCount: r.figures.count,
        exposure: r.figures.aiExposure,
        exposureClass: r.exposureClass,
        ownershipAndSystem: r.figures.ownershipShare + r.figures.systemShare,
        trend,
        change: first === null || points.filter(Boolean).length < 2 ? null : r.figures.aiExposure - first,
      },
    ];
  });
  // The page's counts come with its ranked roles from SQL; otherwise counted here from every role.
  const roleCounts = latestRoles.counts ?? {
    total: ranked.length,
    exposed: ranked.filter((r) => r.exposureClass === "exposed").length,
    enhanced: enhancedRanked.length,
    hidden: hiddenRoles,
  };

  // Calibration: finalized reviews against submitted self-assessments over the range, per team,
  // from the rollups (gaps kept in hundredths of an index point); teams under three pairs left out.
  const calibration = calibrationRows.flatMap((r) => {
    const team = teamById.get(r.teamId);
    if (!team) return [];
    return [
      {
        team,
        pairs: r.pairs,
        meanGap: r.gapSum / r.pairs / 100,
        meanAbsGap: r.absGapSum / r.pairs / 100,
        buckets: [r.b1, r.b2, r.b3, r.b4, r.b5],
      },
    ];
  });

  return {
    ...base,
    org,
    coverage,
    latestIndex,
    teamsPartial,
    roleCounts,
    teamSeries,
    departmentSeries,
    departmentCapabilities,
    heatmap,
    departmentHeatmap,
    teamMovers,
    roleMovers,
    roles,
    calibration,
  };
}

export type OrganizationOverview = Awaited<ReturnType<typeof organizationOverview>>;

/** One team's figures per started cycle, for leaders and admins drilling in from the Organization page. */
export async function teamTrendForOrganization(actor: Actor, teamId: number) {
  assertRole(actor, ORGANIZATION_ROLES);
  const db = await getDb();
  const [team] = (await listTeamsWithDepartment(actor)).filter((t) => t.id === teamId);
  if (!team) return null;
  const effective = effectiveAssessmentsQuery(db);
  const rows = await db
    .with(effective)
    .select({
      cycleId: reviewCycles.id,
      cycleName: reviewCycles.name,
      status: reviewCycles.status,
      ...meanMixColumns(effective),
    })
    .from(reviewCycles)
    .leftJoin(effective, and(eq(effective.cycleId, reviewCycles.id), eq(effective.teamId, teamId)))
    .where(ne(reviewCycles.status, "draft"))
    .groupBy(reviewCycles.id)
    .orderBy(asc(reviewCycles.startsOn));
  const roleRows = await db
    .with(effective)
    .select({
      cycleId: effective.cycleId,
      roleId: roleProfileVersions.roleProfileId,
      title: roleProfiles.title,
      ...meanMixColumns(effective),
    })
    .from(effective)
    .innerJoin(roleProfileVersions, eq(roleProfileVersions.id, effective.roleVersionId))
    .innerJoin(roleProfiles, eq(roleProfiles.id, roleProfileVersions.roleProfileId))
    .where(eq(effective.teamId, teamId))
    .groupBy(effective.cycleId, roleProfileVersions.roleProfileId, roleProfiles.title);
  // Under three people assessed, a cycle's team figure and a role's figure are left out for leaders.
  const shown = (r: MeanMixRow) => (r.count >= MIN_TEAM_ASSESSED ? figuresOf(r) : null);
  const roles = [...new Map(roleRows.map((r) => [r.roleId, r.title]))].map(([id, title]) => ({
    id,
    title,
    points: rows.map((c) => {
      const row = roleRows.find((r) => r.roleId === id && r.cycleId === c.cycleId);
      return row ? shown(row) : null;
    }),
  }));
  return {
    team,
    cycles: rows.map((r) => ({
      id: r.cycleId,
      name: r.cycleName,
      status: r.status,
      figures: shown(r),
      hidden: r.count > 0 && r.count < MIN_TEAM_ASSESSED,
    })),
    roles: roles.filter((r) => r.points.some((p) => p !== null)),
    hiddenRoles: roles.filter((r) => r.points.every((p) => p === null)).length,
  };
}

export const TEAM_TABLE_SORTS = ["index", "change", "exposure", "people", "team", "department"] as const;
export type TeamTableSort = (typeof TEAM_TABLE_SORTS)[number];
const TEAM_TABLE_PAGE_SIZE = 25;

/**
 * One page of the teams in scope with their figures in `cycleId` and the change since
 * `sinceCycleId`, searched by team, department or manager name, sorted and paged in SQL from the
 * rollups. Teams with fewer than three people assessed have no figures (shown as a dash).
 */
export async function teamFiguresPage(
  actor: Actor,
  options: {
    cycleId: number;
    sinceCycleId: number;
    departmentId?: number;
    basis: Basis;
    q?: string;
    sort: TeamTableSort;
    desc: boolean;
    page: number;
    /** Both cycles are closed: the order is kept once computed (checked again before keeping it). */
    closed?: boolean;
  },
) {
  assertRole(actor, ORGANIZATION_ROLES);
  const db = await getDb();
  const now = alias(teamCycleFigures, "now_f");
  const since = alias(teamCycleFigures, "since_f");
  const n = rollupColumns(now, options.basis);
  const s0 = rollupColumns(since, options.basis);
  const enough = (c: typeof n) => sql`${c.count} >= ${MIN_TEAM_ASSESSED}`;
  const indexOf = (c: typeof n) =>
    sql<
      number | null
    >`case when ${enough(c)} then (${c.s1} + 2 * ${c.s2} + 3 * ${c.s3} + 4 * ${c.s4} + 5 * ${c.s5})::float8 / ${c.count} / 100 end`;
  const exposureOf = (c: typeof n) =>
    sql<number | null>`case when ${enough(c)} then (${c.s1} + 0.5 * ${c.s2})::float8 / ${c.count} end`;
  const index = indexOf(n);
  const change = sql<number | null>`${index} - ${indexOf(s0 as typeof n)}`;
  const exposure = exposureOf(n);
  const q = options.q?.trim();
  const pattern = q ? containsPattern(q) : null;
  // A subquery, not a join: PostgreSQL then reads the managers of the page's 25 rows only, where a
  // join hashed all the people of the organisation before sorting (half the query's time at 50k).
  const manager = sql<string | null>`(select ${people.name} from ${people} where ${people.id} = ${teams.managerId})`;
  const where = and(
    options.departmentId ? eq(teams.departmentId, options.departmentId) : undefined,
    pattern
      ? sql`(${teams.name} ilike ${pattern} or ${departments.name} ilike ${pattern} or ${manager} ilike ${pattern})`
      : undefined,
  );
  const order = {
    index,
    change,
    exposure,
    people: sql`coalesce(${n.count}, 0)`,
    team: sql`${teams.name}`,
    department: sql`${departments.name}`,
  }[options.sort];
  const pageSize = TEAM_TABLE_PAGE_SIZE;
  const offset = (Math.max(1, options.page) - 1) * pageSize;
  const columns = {
    teamId: teams.id,
    team: teams.name,
    department: departments.name,
    manager,
    headCount: sql<number>`coalesce(${n.count}, 0)::int`,
    leverageIndex: index,
    indexChange: change,
    aiExposure: exposure,
  };
  const joined = <T extends PgSelect>(q: T) =>
    q
      .innerJoin(departments, eq(departments.id, teams.departmentId))
      .leftJoin(now, and(eq(now.teamId, teams.id), eq(now.cycleId, options.cycleId)))
      .leftJoin(since, and(eq(since.teamId, teams.id), eq(since.cycleId, options.sinceCycleId)));
  const orderBy = [options.desc ? sql`${order} desc nulls last` : sql`${order} asc nulls last`, asc(teams.name)];
  type Row = {
    teamId: number;
    team: string;
    department: string;
    manager: string | null;
    headCount: number;
    leverageIndex: number | null;
    indexChange: number | null;
    aiExposure: number | null;
  };
  const answer = (rows: Row[], total: number) => ({
    rows: rows.map((r) => ({
      ...r,
      indexChange: options.sinceCycleId === options.cycleId ? null : r.indexChange,
    })),
    total,
    pageSize,
  });
  if (options.closed && !pattern) {
    // Both cycles closed, no search: the order of every team in scope cannot change until a
    // clearing trigger says so (0018, 0019), so it is kept (keptIds) and a load reads its page's rows.
    const ordered = joined(db.select({ id: teams.id }).from(teams).$dynamic())
      .where(where)
      .orderBy(...orderBy);
    const ids = await keptIds(db, sql`${ordered}`, {
      kind: "teams",
      cycleIds: [...new Set([options.cycleId, options.sinceCycleId])],
      departmentId: options.departmentId ?? null,
      basis: options.basis,
      limit: null,
    });
    const pageIds = ids.slice(offset, offset + pageSize);
    const rows = pageIds.length
      ? await joined(db.select(columns).from(teams).$dynamic()).where(inArray(teams.id, pageIds))
      : [];
    const at = new Map(pageIds.map((id, i) => [id, i]));
    return answer(
      rows.sort((a, b) => at.get(a.teamId)! - at.get(b.teamId)!),
      ids.length,
    );
  }
  const rows = await joined(
    db
      .select({ ...columns, total: sql<number>`count(*) over ()::int` })
      .from(teams)
      .$dynamic(),
  )
    .where(where)
    .orderBy(...orderBy)
    .limit(pageSize)
    .offset(offset);
  return answer(
    rows.map(({ total: _total, ...r }) => r),
    rows[0]?.total ?? 0,
  );
}
