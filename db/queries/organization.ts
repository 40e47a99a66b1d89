import "server-only";
import { and, asc, eq, inArray, ne, type SQL, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { mixOf, sharesOf } from "@/db/helpers";
import { effectiveAssessmentsQuery, meanMixColumns } from "@/db/queries/effective-assessments";
import { assessments, departments, people, reviewCycles, roleProfiles, roleProfileVersions, teams } from "@/db/schema";
import { type Actor, assertRole, ORGANIZATION_ROLES } from "@/lib/authz";
import {
  calibrationGap,
  type ExposureClass,
  exposureClass,
  groupFigures,
  type LevelMix,
  upwardShift,
} from "@/lib/ladder";

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

export async function listTeamsWithDepartment(actor: Actor) {
  assertRole(actor, ORGANIZATION_ROLES);
  const db = await getDb();
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
    .orderBy(asc(departments.name), asc(teams.name));
}

async function listDepartmentsForOrganization(actor: Actor) {
  assertRole(actor, ORGANIZATION_ROLES);
  const db = await getDb();
  return db.select({ id: departments.id, name: departments.name }).from(departments).orderBy(asc(departments.name));
}

export type OrganizationFilter = { from?: string; to?: string; departmentId?: number };

export type CalibrationBucket = "manager_higher_lots" | "manager_higher" | "agree" | "self_higher" | "self_higher_lots";
/** Gap = L(self) − L(manager); within ±0.10 counts as agreement, beyond ±0.30 as a wide gap. */
export const CALIBRATION_BUCKETS: { key: CalibrationBucket; label: string; test: (gap: number) => boolean }[] = [
  { key: "manager_higher_lots", label: "Manager higher by > 0.30", test: (g) => g < -0.3 },
  { key: "manager_higher", label: "Manager higher by 0.10–0.30", test: (g) => g >= -0.3 && g < -0.1 },
  { key: "agree", label: "Within ±0.10", test: (g) => g >= -0.1 && g <= 0.1 },
  { key: "self_higher", label: "Self higher by 0.10–0.30", test: (g) => g > 0.1 && g <= 0.3 },
  { key: "self_higher_lots", label: "Self higher by > 0.30", test: (g) => g > 0.3 },
];

/**
 * Everything the Organization page shows, for a range of started cycles and an optional
 * department: sums and means come from SQL aggregates; only the exposure class (a median) and the
 * calibration gaps are computed here, from one cycle's or one range's rows, with lib/ladder.
 */
export async function organizationOverview(actor: Actor, filter: OrganizationFilter = {}) {
  assertRole(actor, ORGANIZATION_ROLES);
  const db = await getDb();
  const allCycles = await db
    .select({ id: reviewCycles.id, name: reviewCycles.name, status: reviewCycles.status })
    .from(reviewCycles)
    .where(ne(reviewCycles.status, "draft"))
    .orderBy(asc(reviewCycles.startsOn));
  const departmentList = await listDepartmentsForOrganization(actor);
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
  const teamList = (await listTeamsWithDepartment(actor)).filter(
    (t) => !department || t.departmentId === department.id,
  );
  const base = {
    allCycles,
    cycles,
    departments: departmentList,
    department,
    teams: teamList,
  };
  if (cycleIds.length === 0)
    return {
      ...base,
      org: [],
      teamSeries: [],
      heatmap: null,
      teamMovers: [],
      roleMovers: [],
      roles: [],
      calibration: [],
    };

  const effective = effectiveAssessmentsQuery(db);
  const inScope = (): SQL =>
    and(inArray(effective.cycleId, cycleIds), department ? eq(teams.departmentId, department.id) : undefined)!;

  const [orgRows, teamRows, roleRows] = await Promise.all([
    db
      .with(effective)
      .select({ cycleId: effective.cycleId, ...meanMixColumns(effective) })
      .from(effective)
      .innerJoin(teams, eq(teams.id, effective.teamId))
      .where(inScope())
      .groupBy(effective.cycleId),
    db
      .with(effective)
      .select({ cycleId: effective.cycleId, teamId: effective.teamId, ...meanMixColumns(effective) })
      .from(effective)
      .innerJoin(teams, eq(teams.id, effective.teamId))
      .where(inScope())
      .groupBy(effective.cycleId, effective.teamId),
    db
      .with(effective)
      .select({ cycleId: effective.cycleId, roleId: roleProfileVersions.roleProfileId, ...meanMixColumns(effective) })
      .from(effective)
      .innerJoin(teams, eq(teams.id, effective.teamId))
      .innerJoin(roleProfileVersions, eq(roleProfileVersions.id, effective.roleVersionId))
      .where(inScope())
      .groupBy(effective.cycleId, roleProfileVersions.roleProfileId),
  ]);

  // Cycles in range without any assessment (a new quarter not yet written in) are left out.
  const withData = new Set(orgRows.map((r) => r.cycleId));
  cycles = cycles.filter((c) => withData.has(c.id));
  base.cycles = cycles;
  const org = cycles.map((c) => ({
    cycle: c,
    figures: figuresOf(
      orgRows.find((r) => r.cycleId === c.id) ?? { count: 0, s1: null, s2: null, s3: null, s4: null, s5: null },
    ),
  }));
  const teamSeries = teamList
    .map((team) => ({
      team,
      points: cycles.map((c) => {
        const row = teamRows.find((r) => r.cycleId === c.id && r.teamId === team.id);
        return row ? figuresOf(row) : null;
      }),
    }))
    .filter((s) => s.points.some((p) => p !== null));

  // The heatmap, movers and role figures end at the latest closed cycle in range: an open cycle
  // is still filling up. Without a closed one, the latest with data stands in (marked open).
  const closedIndex = org.findLastIndex((o) => o.figures !== null && o.cycle.status === "closed");
  const latestIndex = closedIndex >= 0 ? closedIndex : org.findLastIndex((o) => o.figures !== null);
  const latest = latestIndex >= 0 ? cycles[latestIndex]! : null;
  const heatmap = latest
    ? {
        cycle: latest,
        rows: teamSeries.flatMap((s) => {
          const figures = s.points[latestIndex];
          return figures ? [{ team: s.team, figures }] : [];
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

  const roleIds = [...new Set(roleRows.map((r) => r.roleId))];
  const roleInfo = roleIds.length
    ? await db
        .select({ id: roleProfiles.id, title: roleProfiles.title, team: teams.name, teamId: teams.id })
        .from(roleProfiles)
        .innerJoin(teams, eq(teams.id, roleProfiles.teamId))
        .where(inArray(roleProfiles.id, roleIds))
    : [];
  const roleSeries = roleInfo.map((role) => ({
    role,
    points: cycles.map((c) => {
      const row = roleRows.find((r) => r.cycleId === c.id && r.roleId === role.id);
      return row ? figuresOf(row) : null;
    }),
  }));
  const roleMovers = roleSeries.flatMap((s) => {
    const shift = shiftOf(s.points);
    return shift
      ? [{ id: s.role.id, name: `${s.role.title} (${s.role.team})`, department: s.role.team, ...shift }]
      : [];
  });

  // Exposure class is a median over people, so it needs the latest cycle's individual mixes.
  let roles: {
    id: number;
    title: string;
    team: string;
    teamId: number;
    headCount: number;
    exposure: number;
    exposureClass: ExposureClass;
    ownershipAndSystem: number;
    trend: (number | null)[];
    change: number | null;
  }[] = [];
  if (latest) {
    const latestRows = await db
      .with(effective)
      .select({
        roleId: roleProfileVersions.roleProfileId,
        ...sharesOf(effective),
      })
      .from(effective)
      .innerJoin(teams, eq(teams.id, effective.teamId))
      .innerJoin(roleProfileVersions, eq(roleProfileVersions.id, effective.roleVersionId))
      .where(and(eq(effective.cycleId, latest.id), department ? eq(teams.departmentId, department.id) : undefined));
    const mixesByRole = new Map<number, LevelMix[]>();
    for (const row of latestRows) {
      const mix = mixOf(row);
      if (mix) mixesByRole.set(row.roleId, [...(mixesByRole.get(row.roleId) ?? []), mix]);
    }
    roles = roleSeries.flatMap((s) => {
      const mixes = mixesByRole.get(s.role.id);
      const figures = s.points[latestIndex];
      if (!mixes?.length || !figures) return [];
      const trend = s.points.map((p) => p?.aiExposure ?? null);
      const first = trend.find((v) => v !== null) ?? null;
      return [
        {
          id: s.role.id,
          title: s.role.title,
          team: s.role.team,
          teamId: s.role.teamId,
          headCount: figures.count,
          exposure: figures.aiExposure,
          exposureClass: exposureClass(mixes),
          ownershipAndSystem: figures.ownershipShare + figures.systemShare,
          trend,
          change: first === null || s.points.filter(Boolean).length < 2 ? null : figures.aiExposure - first,
        },
      ];
    });
    roles.sort((a, b) => b.exposure - a.exposure);
  }

  // Calibration: every person with a finalized review and a submitted self-assessment in range.
  const self = db.$with("self_a").as(
    db
      .select({
        cycleId: assessments.cycleId,
        subjectId: assessments.subjectId,
        ...sharesOf(assessments),
      })
      .from(assessments)
      .where(
        and(
          eq(assessments.kind, "self"),
          inArray(assessments.status, ["submitted", "finalized"]),
          inArray(assessments.cycleId, cycleIds),
        ),
      ),
  );
  const pairs = await db
    .with(self)
    .select({
      teamId: assessments.teamId,
      self: { s1: self.s1, s2: self.s2, s3: self.s3, s4: self.s4, s5: self.s5 },
      manager: { s1: assessments.s1, s2: assessments.s2, s3: assessments.s3, s4: assessments.s4, s5: assessments.s5 },
    })
    .from(assessments)
    .innerJoin(self, and(eq(self.cycleId, assessments.cycleId), eq(self.subjectId, assessments.subjectId)))
    .innerJoin(teams, eq(teams.id, assessments.teamId))
    .where(
      and(
        eq(assessments.kind, "manager"),
        eq(assessments.status, "finalized"),
        inArray(assessments.cycleId, cycleIds),
        department ? eq(teams.departmentId, department.id) : undefined,
      ),
    );
  const gapsByTeam = new Map<number, number[]>();
  for (const pair of pairs) {
    const self = mixOf(pair.self);
    const manager = mixOf(pair.manager);
    if (!self || !manager) continue;
    gapsByTeam.set(pair.teamId, [...(gapsByTeam.get(pair.teamId) ?? []), calibrationGap(self, manager)]);
  }
  const calibration = teamList.flatMap((team) => {
    const gaps = gapsByTeam.get(team.id);
    if (!gaps?.length) return [];
    const meanGap = gaps.reduce((a, b) => a + b, 0) / gaps.length;
    const meanAbsGap = gaps.reduce((a, b) => a + Math.abs(b), 0) / gaps.length;
    return [
      {
        team,
        pairs: gaps.length,
        meanGap,
        meanAbsGap,
        buckets: CALIBRATION_BUCKETS.map((b) => gaps.filter(b.test).length),
      },
    ];
  });
  calibration.sort((a, b) => b.meanAbsGap - a.meanAbsGap);

  return { ...base, org, teamSeries, heatmap, teamMovers, roleMovers, roles, calibration };
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
  return {
    team,
    cycles: rows.map((r) => ({ id: r.cycleId, name: r.cycleName, status: r.status, figures: figuresOf(r) })),
    roles: [...new Map(roleRows.map((r) => [r.roleId, r.title]))].map(([id, title]) => ({
      id,
      title,
      points: rows.map((c) => {
        const row = roleRows.find((r) => r.roleId === id && r.cycleId === c.cycleId);
        return row ? figuresOf(row) : null;
      }),
    })),
  };
}
