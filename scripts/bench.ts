// `npm run bench`: prints how long the database start-up, the O*NET reference load, the demo seed, the Organization page's
// aggregate queries and a 50-person team's review board and trends take, and the memory used, on
// PGlite (and PostgreSQL if DATABASE_URL).
// `npm run bench -- --people 1000,10000,50000` instead times the pages of generated organisations
// over HTTP on PostgreSQL (scripts/scale/scale-bench.ts).
// Figures, not assertions: compare them between changes.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { setDatabaseHandle } from "@/db";
import { type DatabaseHandle, openPglite, openPostgres } from "@/db/client";
import { listPeople } from "@/db/queries/admin-people";
import { applyImport, dryRunImport } from "@/db/queries/import";
import { organizationOverview } from "@/db/queries/organization";
import { reviewBoard } from "@/db/queries/reviews";
import { teamTrends } from "@/db/queries/team-trends";
import { ensureReferenceData } from "@/db/reference-data";
import { assessments, departments, people, reviewCycles, teamMemberships, teams } from "@/db/schema";
import { seedDemoOrganisation } from "@/db/seed";
import type { Actor } from "@/lib/authz";

const leader: Actor = { id: 0, name: "Benchmark", email: "bench@example.test", role: "leader" };
// The audit log names a real person, so the benchmark acts as the seeded demo admin.
const admin: Actor = { id: 0, name: "Sam Taylor", email: "sam.taylor@northwind.example", role: "admin" };

/** A people-and-teams file of `rows` people in teams of 25, each team's manager on its first row. */
function importFile(rows: number) {
  const lines = ["name,email,team,department,manager email,role"];
  for (let i = 0; i < rows; i++) {
    const team = Math.floor(i / 25);
    const manager = `person.${team * 25}@bench.example`;
    lines.push(
      `Person ${i},person.${i}@bench.example,Team ${team},Department ${team % 12},${manager},${i % 25 === 0 ? "manager" : "employee"}`,
    );
  }
  return `${lines.join("\n")}\n`;
}

async function time<T>(fn: () => Promise<T>) {
  const started = performance.now();
  const result = await fn();
  return { ms: performance.now() - started, result };
}

async function medianMs(runs: number, fn: () => Promise<unknown>) {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push((await time(fn)).ms);
  times.sort((a, b) => a - b);
  return times[Math.floor(runs / 2)]!;
}

const TEAM_SIZE = 50;

/** A team of 50 with eight quarters of assessments each, managed by a manager of its own. */
async function addLargeTeam(handle: DatabaseHandle): Promise<{ manager: Actor; teamId: number }> {
  const { db } = handle;
  const [manager] = await db
    .insert(people)
    .values({
      name: "Bench Manager",
      email: "bench.manager@example.test",
      passwordHash: "x".repeat(60),
      appRole: "manager",
    })
    .returning();
  const [department] = await db.select().from(departments).limit(1);
  const [team] = await db
    .insert(teams)
    .values({ name: "Bench Team", departmentId: department!.id, managerId: manager!.id })
    .returning();
  const members = await db
    .insert(people)
    .values(
      Array.from({ length: TEAM_SIZE }, (_, i) => ({
        name: `Bench Person ${i + 1}`,
        email: `bench.person.${i + 1}@example.test`,
        passwordHash: "x".repeat(60),
      })),
    )
    .returning();
  await db
    .insert(teamMemberships)
    .values(members.map((m) => ({ teamId: team!.id, personId: m.id, startedOn: "2020-01-01" })));
  const cycles = await db.select().from(reviewCycles);
  // Closed cycles refuse writes: open them for the insert, then close them again.
  const closed = cycles.filter((c) => c.status === "closed");
  for (const c of closed) await db.update(reviewCycles).set({ status: "open" }).where(eq(reviewCycles.id, c.id));
  const rows: (typeof assessments.$inferInsert)[] = [];
  const now = new Date();
  cycles.forEach((cycle, ci) => {
    members.forEach((m, mi) => {
      const s1 = Math.max(0, 40 - ci * 4 - (mi % 5)),
        s2 = 30,
        s3 = 20 + ci * 2,
        s4 = 10 + (mi % 5),
        s5 = 100 - s1 - s2 - s3 - s4;
      const base = {
        cycleId: cycle.id,
        subjectId: m.id,
        teamId: team!.id,
        s1,
        s2,
        s3,
        s4,
        s5,
        judgment: 3,
        communication: 3,
        stakeholders: 3,
        systemsThinking: 3,
        ownership: 3,
        submittedAt: now,
      };
      const closedCycle = cycle.status === "closed";
      rows.push({
        ...base,
        kind: "self",
        authorId: m.id,
        status: closedCycle ? "finalized" : "submitted",
        finalizedAt: closedCycle ? now : null,
      });
      if (closedCycle)
        rows.push({ ...base, kind: "manager", authorId: manager!.id, status: "finalized", finalizedAt: now });
    });
  });
  for (let i = 0; i < rows.length; i += 500) await db.insert(assessments).values(rows.slice(i, i + 500));
  for (const c of closed) await db.update(reviewCycles).set({ status: "closed" }).where(eq(reviewCycles.id, c.id));
  return {
    manager: { id: manager!.id, name: manager!.name, email: manager!.email, role: "manager" },
    teamId: team!.id,
  };
}

async function bench(label: string, open: () => Promise<DatabaseHandle>, cleanup = async () => {}) {
  const opened = await time(open);
  const handle = opened.result;
  const migrated = await time(() => handle.migrate());
  setDatabaseHandle(handle);
  const reference = await time(() => ensureReferenceData(handle.db));
  const referenceAgain = await time(() => ensureReferenceData(handle.db));
  const seeded = await time(() => seedDemoOrganisation(handle.db));
  const overview = await medianMs(7, () => organizationOverview(leader, {}));
  const [sam] = await handle.db.select({ id: people.id }).from(people).where(eq(people.email, admin.email));
  admin.id = sam!.id;
  const file = importFile(10_000);
  const dryRun = await time(() => dryRunImport(admin, file));
  const applied = await time(() => applyImport(admin, file));
  const rerun = await time(() => applyImport(admin, file));
  const firstPage = await medianMs(9, () => listPeople(admin, { page: 1, pageSize: 25, sort: "name" }));
  const searched = await medianMs(9, () =>
    listPeople(admin, { page: 1, pageSize: 25, q: "son 12", sort: "team", desc: true }),
  );
  const deepPage = await medianMs(9, () => listPeople(admin, { page: 300, pageSize: 25, sort: "department" }));
  const large = await addLargeTeam(handle);
  const board = await medianMs(15, () => reviewBoard(large.manager));
  const trends = await medianMs(15, () => teamTrends(large.manager, large.teamId));
  await handle.close();
  await cleanup();
  const f = (ms: number) => `${ms.toFixed(1)} ms`.padStart(10);
  console.log(`${label}`);
  console.log(`  open           ${f(opened.ms)}`);
  console.log(`  migrate        ${f(migrated.ms)}`);
  console.log(
    `  O*NET load     ${f(reference.ms)}  (first start; the second start checks and skips in ${referenceAgain.ms.toFixed(1)} ms)`,
  );
  console.log(
    `  seed demo org  ${f(seeded.ms)}  (${seeded.result.assessments} assessments, ${seeded.result.assessmentTasks} tasks)`,
  );
  console.log(`  org overview   ${f(overview)}  (the whole Organization page, median of 7)`);
  console.log(
    `  import 10k dry ${f(dryRun.ms)}  (${dryRun.result.counts.create} to create, ${dryRun.result.counts.reject} rejected)`,
  );
  console.log(
    `  import 10k     ${f(applied.ms)}  (one transaction: ${applied.result.created} people, ${applied.result.teamsCreated} teams)`,
  );
  console.log(
    `  import rerun   ${f(rerun.ms)}  (idempotent: ${rerun.result.created} created, ${rerun.result.unchanged} unchanged)`,
  );
  console.log(`  people page 1  ${f(firstPage)}  (10,080 people, sorted by name, median of 9)`);
  console.log(`  people search  ${f(searched)}  (search + sort by team, median of 9)`);
  console.log(`  people p. 300  ${f(deepPage)}  (sorted by department, median of 9)`);
  console.log(`  review board   ${f(board)}  (team of ${TEAM_SIZE}, median of 15)`);
  console.log(`  team trends    ${f(trends)}  (team of ${TEAM_SIZE}, eight quarters, median of 15)`);
}

if (process.argv.includes("--writes")) {
  const { writeBench } = await import("./scale/write-bench");
  await writeBench(process.argv);
  process.exit(0);
}
if (process.argv.includes("--people")) {
  const { scaleBench } = await import("./scale/scale-bench");
  await scaleBench(process.argv);
  process.exit(0);
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ll-bench-"));
await bench(
  "PGlite, file-backed (new folder)",
  () => openPglite(dir),
  async () => fs.rmSync(dir, { recursive: true, force: true }),
);

const url = process.env.DATABASE_URL;
if (url) {
  const postgres = (await import("postgres")).default;
  const name = `ll_bench_${process.pid}`;
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const benchUrl = new URL(url);
  benchUrl.pathname = `/${name}`;
  await bench(
    "PostgreSQL (new database)",
    async () => openPostgres(benchUrl.toString()),
    async () => {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  );
}
const { rss, heapUsed } = process.memoryUsage();
console.log(`memory: rss ${(rss / 2 ** 20).toFixed(0)} MiB, heap ${(heapUsed / 2 ** 20).toFixed(0)} MiB`);
