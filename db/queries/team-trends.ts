import "server-only";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { latestRoleVersions, mixOf, sharesOf } from "@/db/helpers";
import { databaseFor } from "@/db/queries/database-for";
import { effectiveAssessmentsQuery, meanMixColumns } from "@/db/queries/effective-assessments";
import { reviewCycles, roleProfiles, roleProfileVersions, teams } from "@/db/schema";
import { AccessDeniedError, type Actor } from "@/lib/authz";
import { groupFigures, type LevelMix } from "@/lib/ladder";

const meanOf = (r: {
  count: number;
  s1: number | null;
  s2: number | null;
  s3: number | null;
  s4: number | null;
  s5: number | null;
}) => groupFigures({ count: r.count, s1: r.s1 ?? 0, s2: r.s2 ?? 0, s3: r.s3 ?? 0, s4: r.s4 ?? 0, s5: r.s5 ?? 0 });

export type TeamTrends = Awaited<ReturnType<typeof teamTrends>>;

/**
 * A managed team's movement on the ladder, all aggregated in SQL over the effective assessments
 * and by the team recorded on each one: the mean level mix per cycle, and for the latest cycle
 * with assessments the members by dominant level and each role's mix against its target.
 */
export async function teamTrends(actor: Actor, teamId: number) {
  const db = await databaseFor(actor, ["manager"]);
  const [team] = await db
    .select({ id: teams.id, name: teams.name })
    .from(teams)
    .where(and(eq(teams.id, teamId), eq(teams.managerId, actor.id)));
  if (!team) throw new AccessDeniedError("You can only see the trends of teams you manage.");
  const effective = effectiveAssessmentsQuery(db);

  const byCycle = await db
    .with(effective)
    .select({
      cycleId: reviewCycles.id,
      cycleName: reviewCycles.name,
      cycleStatus: reviewCycles.status,
      ...meanMixColumns(effective),
    })
    .from(effective)
    .innerJoin(reviewCycles, eq(reviewCycles.id, effective.cycleId))
    .where(eq(effective.teamId, teamId))
    .groupBy(reviewCycles.id)
    .orderBy(asc(reviewCycles.startsOn));
  const cycles = byCycle.map((r) => ({
    cycleId: r.cycleId,
    cycleName: r.cycleName,
    open: r.cycleStatus === "open",
    figures: meanOf(r),
  }));
  const latest = cycles.at(-1);
  if (!latest) return { team, cycles, latest: null };

  // The level holding the largest share, ties to the lower level: the twin of lib/ladder's dominantLevel.
  const dominant = sql<number>`(case
    when ${effective.s1} >= greatest(${effective.s2}, ${effective.s3}, ${effective.s4}, ${effective.s5}) then 1
    when ${effective.s2} >= greatest(${effective.s3}, ${effective.s4}, ${effective.s5}) then 2
    when ${effective.s3} >= greatest(${effective.s4}, ${effective.s5}) then 3
    when ${effective.s4} >= ${effective.s5} then 4
    else 5 end)::int`;
  const distributionRows = await db
    .with(effective)
    .select({ level: dominant, count: sql<number>`count(*)::int` })
    .from(effective)
    .where(and(eq(effective.teamId, teamId), eq(effective.cycleId, latest.cycleId)))
    .groupBy(dominant);
  const distribution = [1, 2, 3, 4, 5].map((level) => ({
    level,
    count: distributionRows.find((r) => r.level === level)?.count ?? 0,
  }));

  const roleRows = await db
    .with(effective)
    .select({ roleId: roleProfiles.id, title: roleProfiles.title, ...meanMixColumns(effective) })
    .from(effective)
    .innerJoin(roleProfileVersions, eq(roleProfileVersions.id, effective.roleVersionId))
    .innerJoin(roleProfiles, eq(roleProfiles.id, roleProfileVersions.roleProfileId))
    .where(and(eq(effective.teamId, teamId), eq(effective.cycleId, latest.cycleId)))
    .groupBy(roleProfiles.id, roleProfiles.title)
    .orderBy(asc(roleProfiles.title));
  const latestTarget = latestRoleVersions(db);
  const targets = roleRows.length
    ? await db
        .select({
          roleId: latestTarget.roleProfileId,
          ...sharesOf(latestTarget),
        })
        .from(latestTarget)
        .where(
          inArray(
            latestTarget.roleProfileId,
            roleRows.map((r) => r.roleId),
          ),
        )
    : [];
  const roles = roleRows.map((r) => {
    const t = targets.find((x) => x.roleId === r.roleId);
    const target: LevelMix | null = t ? mixOf(t) : null;
    return { roleId: r.roleId, title: r.title, actual: meanOf(r), target };
  });
  return { team, cycles, latest: { ...latest, distribution, roles } };
}
