import "server-only";
import { and, asc, eq, gt, inArray, ne, or, type SQL, sql } from "drizzle-orm";
import { getDb } from "@/db";
import {
  type CapabilityMeans,
  type OrganizationFilter,
  organizationOverview,
  SMALL_GROUP_NOTE,
} from "@/db/queries/organization";
import { assessments, departments, people, reviewCycles, roleProfiles, roleProfileVersions, teams } from "@/db/schema";
import { type Actor, assertRole, ORGANIZATION_ROLES } from "@/lib/authz";
import { csvChunk } from "@/lib/csv";
import { aiExposure, CAPABILITIES, EXPOSURE_CLASSES, exposureClass, LEVELS, leverageIndex } from "@/lib/ladder";

const PAGE = 500;

function csvLines(rows: unknown[][], header?: string[]) {
  return csvChunk(header ? [header, ...rows] : rows);
}

export const ASSESSMENT_EXPORT_HEADER = [
  "cycle",
  "person",
  "email",
  "kind",
  "status",
  "team",
  "department",
  "role",
  ...LEVELS.map((l) => `s${l.level}`),
  "leverage_index",
  "ai_exposure",
  "exposure_class",
  ...CAPABILITIES.map((c) => c.key.replace(/[A-Z]/g, (m) => `_${m.toLowerCase()}`)),
  "submitted_at",
  "finalized_at",
];

/**
 * Which assessments the actor may export — never more than their pages show: leaders and admins
 * the finalized reviews and every self-assessment (figures only once submitted, see
 * showsFigures); a manager the teams they manage now (their own reviews in progress included, but
 * not one about themselves) plus their own; an employee their own self-assessments and their
 * finalized reviews.
 */
function assessmentScope(actor: Actor): SQL | undefined {
  const selfOrFinal = or(eq(assessments.kind, "self"), eq(assessments.status, "finalized"));
  if (actor.role === "leader" || actor.role === "admin") return selfOrFinal;
  const own = and(eq(assessments.subjectId, actor.id), selfOrFinal);
  if (actor.role === "manager") {
    return or(
      own,
      and(
        ne(assessments.subjectId, actor.id),
        sql`${assessments.teamId} in (select id from ${teams} where ${teams.managerId} = ${actor.id})`,
      ),
    );
  }
  return own;
}

/**
 * A self-assessment's figures belong to its author until submitted: a manager sees a report's once
 * submitted (a returned one's as last submitted), leaders and admins only submitted or finalized
 * ones — what the review and Organization pages show.
 */
function showsFigures(actor: Actor, row: { subjectId: number; kind: string; status: string }) {
  if (row.subjectId === actor.id || row.kind === "manager") return true;
  if (actor.role === "manager") return row.status !== "draft";
  return row.status === "submitted" || row.status === "finalized";
}

async function cycleIdsInRange(from?: string, to?: string) {
  const db = await getDb();
  const cycles = await db
    .select({ id: reviewCycles.id, name: reviewCycles.name })
    .from(reviewCycles)
    .orderBy(asc(reviewCycles.startsOn));
  let a = Math.max(
    0,
    cycles.findIndex((c) => c.name === from),
  );
  let b = cycles.findIndex((c) => c.name === to);
  if (b < 0) b = cycles.length - 1;
  if (a > b) [a, b] = [b, a];
  return cycles.slice(a, b + 1).map((c) => c.id);
}

/**
 * A CSV of assessments, one row per person per cycle per kind, read from the database a page at a
 * time (keyset on id) as the client pulls, so a large export never sits in memory whole.
 */
export async function assessmentsCsvStream(actor: Actor, range: { from?: string; to?: string; departmentId?: number }) {
  assertRole(actor, ["employee", "manager", "leader", "admin"]);
  const cycleIds = await cycleIdsInRange(range.from, range.to);
  const db = await getDb();
  const scope = assessmentScope(actor);
  let lastId = 0;
  let headerSent = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        controller.enqueue(csvLines([], ASSESSMENT_EXPORT_HEADER));
        if (cycleIds.length === 0) controller.close();
        return;
      }
      const rows = await db
        .select({
          id: assessments.id,
          cycle: reviewCycles.name,
          person: people.name,
          email: people.email,
          kind: assessments.kind,
          status: assessments.status,
          team: teams.name,
          department: departments.name,
          role: roleProfiles.title,
          a: assessments,
        })
        .from(assessments)
        .innerJoin(reviewCycles, eq(reviewCycles.id, assessments.cycleId))
        .innerJoin(people, eq(people.id, assessments.subjectId))
        .innerJoin(teams, eq(teams.id, assessments.teamId))
        .innerJoin(departments, eq(departments.id, teams.departmentId))
        .leftJoin(roleProfileVersions, eq(roleProfileVersions.id, assessments.roleVersionId))
        .leftJoin(roleProfiles, eq(roleProfiles.id, roleProfileVersions.roleProfileId))
        .where(
          and(
            gt(assessments.id, lastId),
            inArray(assessments.cycleId, cycleIds),
            scope,
            range.departmentId ? eq(teams.departmentId, range.departmentId) : undefined,
          ),
        )
        .orderBy(asc(assessments.id))
        .limit(PAGE);
      if (rows.length === 0) {
        controller.close();
        return;
      }
      lastId = rows.at(-1)!.id;
      controller.enqueue(
        csvLines(
          rows.map((r) => {
            const figures = showsFigures(actor, r.a);
            const mix =
              r.a.s1 === null || !figures ? null : { s1: r.a.s1, s2: r.a.s2!, s3: r.a.s3!, s4: r.a.s4!, s5: r.a.s5! };
            return [
              r.cycle,
              r.person,
              r.email,
              r.kind,
              r.status,
              r.team,
              r.department,
              r.role ?? "",
              ...(mix ? [mix.s1, mix.s2, mix.s3, mix.s4, mix.s5] : ["", "", "", "", ""]),
              mix ? leverageIndex(mix).toFixed(2) : "",
              mix ? aiExposure(mix).toFixed(1) : "",
              mix ? EXPOSURE_CLASSES[exposureClass(mix)].label : "",
              ...CAPABILITIES.map((c) => (figures ? (r.a[c.key] ?? "") : "")),
              r.a.submittedAt?.toISOString() ?? "",
              r.a.finalizedAt?.toISOString() ?? "",
            ];
          }),
        ),
      );
    },
  });
}

const AGGREGATE_EXPORT_HEADER = ["section", "cycle", "group", "department", "metric", "value"];

/** The Organization page's aggregates as CSV: the same figures, one row per number. */
export async function organizationCsvStream(actor: Actor, filter: OrganizationFilter) {
  assertRole(actor, ORGANIZATION_ROLES);
  // The header goes out at once; the figures (every team's, from the rollups) follow.
  let o: Awaited<ReturnType<typeof organizationOverview>>;
  let dept = "";
  const sections: (() => unknown[][])[] = [
    () =>
      o.org.flatMap(({ cycle, figures }) =>
        figures
          ? [
              ...LEVELS.map((l) => [
                "level mix",
                cycle.name,
                "Organisation",
                dept,
                `share level ${l.level} (${l.name}) %`,
                figures.mix[`s${l.level}` as "s1"].toFixed(1),
              ]),
              ["level mix", cycle.name, "Organisation", dept, "leverage index", figures.leverageIndex.toFixed(2)],
              ["level mix", cycle.name, "Organisation", dept, "ai exposure %", figures.aiExposure.toFixed(1)],
              ["level mix", cycle.name, "Organisation", dept, "people assessed", figures.count],
            ]
          : [],
      ),
    () => {
      const rows = (cycle: string, group: string, department: string, means: NonNullable<CapabilityMeans>) =>
        CAPABILITIES.map((c) => [
          "capabilities",
          cycle,
          group,
          department,
          `mean ${c.name.toLowerCase()} (1–5)`,
          means[c.key].toFixed(2),
        ]);
      return [
        ...o.org.flatMap((p) => (p.capabilities ? rows(p.cycle.name, "Organisation", dept, p.capabilities) : [])),
        ...(o.department ? [] : o.departmentCapabilities).flatMap((d) =>
          d.points.flatMap((p, i) =>
            p.means ? rows(o.cycles[i]!.name, d.department.name, d.department.name, p.means) : [],
          ),
        ),
      ];
    },
    () =>
      o.teamSeries.flatMap((s) =>
        s.points.flatMap((p, i) =>
          p
            ? [
                [
                  "team trend",
                  o.cycles[i]!.name,
                  s.team.name,
                  s.team.department,
                  "leverage index",
                  p.leverageIndex.toFixed(2),
                ],
                [
                  "team trend",
                  o.cycles[i]!.name,
                  s.team.name,
                  s.team.department,
                  "ai exposure %",
                  p.aiExposure.toFixed(1),
                ],
                ["team trend", o.cycles[i]!.name, s.team.name, s.team.department, "people assessed", p.count],
              ]
            : [],
        ),
      ),
    () =>
      o.heatmap
        ? o.heatmap.rows.flatMap((r) =>
            LEVELS.map((l) => [
              "heatmap",
              o.heatmap!.cycle.name,
              r.team.name,
              r.team.department,
              `share level ${l.level} %`,
              r.figures.mix[`s${l.level}` as "s1"].toFixed(1),
            ]),
          )
        : [],
    () => [
      ...o.teamMovers.map((m) => [
        "team movers",
        `${m.from}→${m.to}`,
        m.name,
        m.department,
        "index change",
        m.indexChange.toFixed(2),
      ]),
      ...o.roleMovers.map((m) => [
        "role movers",
        `${m.from}→${m.to}`,
        m.name,
        m.department,
        "index change",
        m.indexChange.toFixed(2),
      ]),
    ],
    () =>
      o.roles
        .flatMap((r) => [
          ["roles", o.heatmap?.cycle.name ?? "", `${r.title} (${r.team})`, "", "ai exposure %", r.exposure.toFixed(1)],
          [
            "roles",
            o.heatmap?.cycle.name ?? "",
            `${r.title} (${r.team})`,
            "",
            "exposure class",
            EXPOSURE_CLASSES[r.exposureClass].label,
          ],
          ["roles", o.heatmap?.cycle.name ?? "", `${r.title} (${r.team})`, "", "head-count", r.headCount],
        ])
        .concat(
          o.roleCounts.hidden
            ? [
                [
                  "roles",
                  o.heatmap?.cycle.name ?? "",
                  `roles with ${SMALL_GROUP_NOTE}`,
                  "",
                  "roles left out",
                  o.roleCounts.hidden,
                ],
              ]
            : [],
        ),
    () =>
      o.calibration.flatMap((c) => [
        [
          "calibration",
          `${o.cycles[0]?.name}→${o.cycles.at(-1)?.name}`,
          c.team.name,
          c.team.department,
          "mean gap (self − manager)",
          c.meanGap.toFixed(2),
        ],
        [
          "calibration",
          `${o.cycles[0]?.name}→${o.cycles.at(-1)?.name}`,
          c.team.name,
          c.team.department,
          "pairs",
          c.pairs,
        ],
      ]),
  ];
  let i = -1;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (i < 0) controller.enqueue(csvLines([], AGGREGATE_EXPORT_HEADER));
      else if (i < sections.length) {
        if (i === 0) {
          o = await organizationOverview(actor, filter, "complete");
          dept = o.department?.name ?? "All departments";
        }
        const rows = sections[i]!();
        if (rows.length) controller.enqueue(csvLines(rows));
      } else controller.close();
      i++;
    },
  });
}
