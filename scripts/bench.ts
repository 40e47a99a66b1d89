// `npm run bench`: prints how long the database start-up, the demo seed and the Organization
// page's aggregate queries take, and the memory used, on PGlite (and PostgreSQL if DATABASE_URL).
// Figures, not assertions: compare them between changes.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openPglite, openPostgres, type DatabaseHandle } from "@/db/client";
import { setDatabaseHandle } from "@/db";
import { orgFiguresByCycle, teamFiguresByCycle } from "@/db/queries/organization";
import { seedDemoOrganisation } from "@/db/seed";
import type { Actor } from "@/lib/authz";

const leader: Actor = { id: 0, name: "Benchmark", email: "bench@example.test", role: "leader" };

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

async function bench(label: string, open: () => Promise<DatabaseHandle>, cleanup = async () => {}) {
  const opened = await time(open);
  const handle = opened.result;
  const migrated = await time(() => handle.migrate());
  setDatabaseHandle(handle);
  const seeded = await time(() => seedDemoOrganisation(handle.db));
  const org = await medianMs(15, () => orgFiguresByCycle(leader));
  const teams = await medianMs(15, () => teamFiguresByCycle(leader));
  await handle.close();
  await cleanup();
  const f = (ms: number) => `${ms.toFixed(1)} ms`.padStart(10);
  console.log(`${label}`);
  console.log(`  open           ${f(opened.ms)}`);
  console.log(`  migrate        ${f(migrated.ms)}`);
  console.log(`  seed demo org  ${f(seeded.ms)}  (${seeded.result.assessments} assessments, ${seeded.result.assessmentTasks} tasks)`);
  console.log(`  org by cycle   ${f(org)}  (median of 15)`);
  console.log(`  teams by cycle ${f(teams)}  (median of 15)`);
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ll-bench-"));
await bench("PGlite, file-backed (new folder)", () => openPglite(dir), async () => fs.rmSync(dir, { recursive: true, force: true }));

const url = process.env.DATABASE_URL;
if (url) {
  const postgres = (await import("postgres")).default;
  const name = `ll_bench_${process.pid}`;
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const benchUrl = new URL(url);
  benchUrl.pathname = `/${name}`;
  await bench("PostgreSQL (new database)", async () => openPostgres(benchUrl.toString()), async () => {
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  });
}
const { rss, heapUsed } = process.memoryUsage();
console.log(`memory: rss ${(rss / 2 ** 20).toFixed(0)} MiB, heap ${(heapUsed / 2 ** 20).toFixed(0)} MiB`);
