/**
 * The deterministic "living demo organisation": Northwind, four departments, eight teams, about
 * eighty people and eight quarterly review cycles of assessments telling four team stories.
 * The story is data in `db/demo/northwind.ts`, drafted into assessments by `db/demo/`; this module
 * inserts the drafts, one short function per table.
 *
 * Everything is derived from fixed data and seeded PRNG streams (no Math.random, no clock), and all
 * timestamps come from the cycle dates, so two seeds of empty databases are identical, ids included
 * (but for the password hash, whose salt is random as it must be).
 * Must not import "server-only": the CLI (tsx) and the tests import it directly.
 */
import bcrypt from "bcryptjs";
import { inArray, sql } from "drizzle-orm";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "../lib/demo-accounts";
import type { Database } from "./client";
import { at, cycleInfo, emailFor, isoDate, roleKey, toMix } from "./demo/model";
import {
  ADMINS,
  CYCLE_COUNT,
  DEPARTMENTS,
  LEADERS,
  MOVERS,
  OPEN_CYCLE,
  ORG_CREATED,
  TEAMS,
  type Vec,
} from "./demo/northwind";
import {
  type AssessmentDraft,
  type CalibrationDraft,
  draftAssessments,
  type Stint,
  teamHistory,
} from "./demo/quarters";
import { draftRoleVersions, pickRoleTasks } from "./demo/roles";
import { chunks, type Transaction as Tx } from "./helpers";
import { ensureReferenceData } from "./reference-data";
import {
  type AppRole,
  type AssessmentKind,
  assessments,
  assessmentTasks,
  calibrationRecords,
  departments,
  people,
  reviewCycles,
  roleProfiles,
  roleProfileVersions,
  roleTasks,
  teamMemberships,
  teams,
} from "./schema";
import { linkDemoRolesToOccupations } from "./seed-occupations";
import { createRandom } from "./seed-random";

export type SeedSummary = {
  departments: number;
  teams: number;
  people: number;
  cycles: number;
  assessments: number;
  assessmentTasks: number;
  calibrationRecords: number;
};

const CHUNK = 500;

const nullableShareColumns = (v: Vec | null) => (v ? toMix(v) : { s1: null, s2: null, s3: null, s4: null, s5: null });

/** The database ids of what the demo names: people, teams, roles and their versions, cycles. */
type Ids = {
  person: (name: string) => number;
  team: Map<string, number>;
  profile: Map<string, number>;
  version: Map<string, number>;
  cycle: (index: number) => number;
};

type PersonSpec = { name: string; email: string; appRole: AppRole };

/** Everyone once, with the highest application role they hold; checked against the demo accounts. */
function peopleSpecs(): PersonSpec[] {
  const out: PersonSpec[] = [];
  const add = (name: string, appRole: AppRole) => {
    if (!out.some((p) => p.name === name)) out.push({ name, email: emailFor(name), appRole });
  };
  for (const name of LEADERS) add(name, "leader");
  for (const name of ADMINS) add(name, "admin");
  for (const team of TEAMS) add(team.manager, "manager");
  for (const team of TEAMS) for (const [name] of team.members) add(name, "employee");
  for (const account of DEMO_ACCOUNTS) {
    const spec = out.find((p) => p.email === account.email);
    if (!spec || spec.name !== account.name || spec.appRole !== account.role) {
      throw new Error(`The demo organisation lacks the demo account ${account.email}`);
    }
  }
  if (new Set(out.map((p) => p.email)).size !== out.length) {
    throw new Error("The demo organisation has duplicate email addresses");
  }
  return out;
}

async function seedPeople(tx: Tx) {
  const passwordHash = bcrypt.hashSync(DEMO_PASSWORD, 10);
  const orgCreated = at(ORG_CREATED);
  const movers = new Set(MOVERS.map((m) => m.name));
  const rows = await tx
    .insert(people)
    .values(
      peopleSpecs().map((p) => ({
        name: p.name,
        email: p.email,
        passwordHash,
        appRole: p.appRole,
        createdAt: orgCreated,
        updatedAt: movers.has(p.name) ? at("2026-01-01", 0, 9, 0) : orgCreated,
      })),
    )
    .returning({ id: people.id, name: people.name });
  const personId = new Map(rows.map((p) => [p.name, p.id]));
  const idOf = (name: string) => {
    const id = personId.get(name);
    if (id === undefined) throw new Error(`Unknown person ${name}`);
    return id;
  };
  return { count: rows.length, idOf };
}

async function seedDepartmentsAndTeams(tx: Tx, idOf: Ids["person"]) {
  const orgCreated = at(ORG_CREATED);
  const departmentRows = await tx
    .insert(departments)
    .values(DEPARTMENTS.map((name) => ({ name, createdAt: orgCreated })))
    .returning({ id: departments.id, name: departments.name });
  const departmentId = new Map(departmentRows.map((d) => [d.name, d.id]));
  const teamRows = await tx
    .insert(teams)
    .values(
      TEAMS.map((t) => ({
        name: t.name,
        departmentId: departmentId.get(t.department)!,
        managerId: idOf(t.manager),
        createdAt: orgCreated,
      })),
    )
    .returning({ id: teams.id, name: teams.name });
  return {
    departments: departmentRows.length,
    teams: teamRows.length,
    teamId: new Map(teamRows.map((t) => [t.name, t.id])),
  };
}

/** Role profiles, their versions and each version's typical tasks. */
async function seedRoles(tx: Tx, ids: Pick<Ids, "person" | "team">) {
  const profileRows = await tx
    .insert(roleProfiles)
    .values(
      TEAMS.flatMap((t) =>
        t.roles.map((role) => ({ teamId: ids.team.get(t.name)!, title: role.title, createdAt: at(ORG_CREATED, 1) })),
      ),
    )
    .returning({ id: roleProfiles.id, teamId: roleProfiles.teamId, title: roleProfiles.title });
  const profile = new Map<string, number>();
  for (const t of TEAMS) {
    t.roles.forEach((role, i) => {
      const row = profileRows.find((p) => p.teamId === ids.team.get(t.name) && p.title === role.title)!;
      profile.set(roleKey(t.name, i), row.id);
    });
  }

  const versionDrafts = draftRoleVersions();
  const versionRows = await tx
    .insert(roleProfileVersions)
    .values(
      versionDrafts.map((v) => ({
        roleProfileId: profile.get(v.key)!,
        version: v.version,
        description: v.description,
        ...toMix(v.mix),
        createdById: ids.person(v.by),
        createdAt: v.createdAt,
      })),
    )
    .returning({
      id: roleProfileVersions.id,
      roleProfileId: roleProfileVersions.roleProfileId,
      version: roleProfileVersions.version,
    });
  const version = new Map<string, number>();
  for (const v of versionDrafts) {
    const row = versionRows.find((x) => x.roleProfileId === profile.get(v.key) && x.version === v.version)!;
    version.set(`${v.key}@${v.version}`, row.id);
  }

  await tx.insert(roleTasks).values(
    versionDrafts.flatMap((v) =>
      pickRoleTasks(v).map((task, position) => ({
        roleVersionId: version.get(`${v.key}@${v.version}`)!,
        position,
        ...task,
      })),
    ),
  );
  return { profile, version };
}

/** One membership per stint: the first from a random hiring date, a move ending the day before the next. */
async function seedMemberships(tx: Tx, history: Map<string, Stint[]>, ids: Pick<Ids, "person" | "team" | "profile">) {
  const rows: (typeof teamMemberships.$inferInsert)[] = [];
  for (const [name, stints] of history) {
    const r = createRandom(`membership:${name}`);
    stints.forEach((stint, i) => {
      const next = stints[i + 1];
      const startedOn = i === 0 ? isoDate(at("2018-03-01", r.int(0, 2400))) : cycleInfo(stint.fromCycle).startsOn;
      const endedOn = next ? isoDate(at(cycleInfo(next.fromCycle).startsOn, -1)) : null;
      rows.push({
        teamId: ids.team.get(stint.team)!,
        personId: ids.person(name),
        roleProfileId: ids.profile.get(roleKey(stint.team, stint.role))!,
        startedOn,
        endedOn,
      });
    });
  }
  await tx.insert(teamMemberships).values(rows);
}

async function seedCycles(tx: Tx) {
  const cycleDefs = Array.from({ length: CYCLE_COUNT }, (_, i) => cycleInfo(i));
  const rows = await tx
    .insert(reviewCycles)
    .values(
      cycleDefs.map((c) => ({
        name: c.name,
        startsOn: c.startsOn,
        endsOn: c.endsOn,
        // Written while open; the past cycles close at the end (a closed cycle refuses writes).
        status: "open" as const,
        createdAt: at(c.startsOn, -10, 10, 0),
      })),
    )
    .returning({ id: reviewCycles.id, name: reviewCycles.name });
  return { count: rows.length, cycleId: (index: number) => rows.find((c) => c.name === cycleDefs[index]!.name)!.id };
}

/** Inserts the assessments in their drafted order; returns how to find one's id again. */
async function seedAssessments(tx: Tx, drafts: AssessmentDraft[], ids: Ids) {
  const key = (cycleId: number, subjectId: number, kind: string) => `${cycleId}:${subjectId}:${kind}`;
  const assessmentId = new Map<string, number>();
  for (const batch of chunks(drafts, CHUNK)) {
    const rows = await tx
      .insert(assessments)
      .values(
        batch.map((a) => ({
          cycleId: ids.cycle(a.cycle),
          subjectId: ids.person(a.subject),
          kind: a.kind,
          authorId: ids.person(a.author),
          teamId: ids.team.get(a.team)!,
          roleVersionId: a.roleVersion ? ids.version.get(a.roleVersion)! : null,
          ...nullableShareColumns(a.mix),
          judgment: a.ratings?.judgment ?? null,
          communication: a.ratings?.communication ?? null,
          stakeholders: a.ratings?.stakeholders ?? null,
          systemsThinking: a.ratings?.systemsThinking ?? null,
          ownership: a.ratings?.ownership ?? null,
          notes: a.notes,
          status: a.status,
          submittedAt: a.submittedAt,
          finalizedAt: a.finalizedAt,
          createdAt: a.createdAt,
          updatedAt: a.updatedAt,
        })),
      )
      .returning({
        id: assessments.id,
        cycleId: assessments.cycleId,
        subjectId: assessments.subjectId,
        kind: assessments.kind,
      });
    for (const row of rows) assessmentId.set(key(row.cycleId, row.subjectId, row.kind), row.id);
  }
  return (cycle: number, subject: string, kind: AssessmentKind) =>
    assessmentId.get(key(ids.cycle(cycle), ids.person(subject), kind))!;
}

type AssessmentIdOf = Awaited<ReturnType<typeof seedAssessments>>;

async function seedAssessmentTasks(tx: Tx, drafts: AssessmentDraft[], idOfAssessment: AssessmentIdOf) {
  const rows: (typeof assessmentTasks.$inferInsert)[] = [];
  for (const a of drafts) {
    const id = idOfAssessment(a.cycle, a.subject, a.kind);
    a.tasks.forEach((t, position) => {
      rows.push({ assessmentId: id, position, text: t.text, level: t.level, aiUsed: t.aiUsed });
    });
  }
  for (const batch of chunks(rows, CHUNK)) await tx.insert(assessmentTasks).values(batch);
  return rows.length;
}

async function seedCalibrations(tx: Tx, drafts: CalibrationDraft[], idOfAssessment: AssessmentIdOf, ids: Ids) {
  const rows: (typeof calibrationRecords.$inferInsert)[] = drafts.map((c) => ({
    assessmentId: idOfAssessment(c.cycle, c.subject, "manager"),
    changedById: ids.person(c.manager),
    field: "level_mix",
    fromValue: toMix(c.from),
    toValue: toMix(c.to),
    reason: c.reason,
    createdAt: c.createdAt,
  }));
  for (const batch of chunks(rows, CHUNK)) await tx.insert(calibrationRecords).values(batch);
  return rows.length;
}

async function closePastCycles(tx: Tx, cycleId: Ids["cycle"]) {
  const past = Array.from({ length: CYCLE_COUNT }, (_, i) => i).filter((i) => i !== OPEN_CYCLE);
  await tx
    .update(reviewCycles)
    .set({ status: "closed" })
    .where(inArray(reviewCycles.id, past.map(cycleId)));
}

async function seedInTransaction(tx: Tx): Promise<SeedSummary> {
  const people = await seedPeople(tx);
  const org = await seedDepartmentsAndTeams(tx, people.idOf);
  const roles = await seedRoles(tx, { person: people.idOf, team: org.teamId });
  const history = teamHistory();
  await seedMemberships(tx, history, { person: people.idOf, team: org.teamId, profile: roles.profile });
  const cycles = await seedCycles(tx);
  const ids: Ids = { person: people.idOf, team: org.teamId, ...roles, cycle: cycles.cycleId };

  const drafted = draftAssessments(history);
  const idOfAssessment = await seedAssessments(tx, drafted.assessments, ids);
  const taskCount = await seedAssessmentTasks(tx, drafted.assessments, idOfAssessment);
  const calibrationCount = await seedCalibrations(tx, drafted.calibrations, idOfAssessment, ids);
  await closePastCycles(tx, cycles.cycleId);

  return {
    departments: org.departments,
    teams: org.teams,
    people: people.count,
    cycles: cycles.count,
    assessments: drafted.assessments.length,
    assessmentTasks: taskCount,
    calibrationRecords: calibrationCount,
  };
}

/** Inserts the whole demo organisation in one transaction: all of it or none of it. */
export async function seedDemoOrganisation(db: Database): Promise<SeedSummary> {
  await ensureReferenceData(db);
  return db.transaction(async (tx) => {
    const summary = await seedInTransaction(tx);
    await linkDemoRolesToOccupations(tx);
    return summary;
  });
}

/** Seeds the demo organisation only into a database without people; null when it already has some. */
export async function seedDemoOrganisationIfEmpty(db: Database): Promise<SeedSummary | null> {
  await ensureReferenceData(db);
  return db.transaction(async (tx) => {
    // Two processes starting at once: the second waits here, then finds the first one's people.
    await tx.execute(sql`lock table ${people} in share row exclusive mode`);
    const existing = await tx.select({ id: people.id }).from(people).limit(1);
    if (existing.length > 0) return null;
    const summary = await seedInTransaction(tx);
    await linkDemoRolesToOccupations(tx);
    return summary;
  });
}
