// `npm run bench -- --people 1000,10000,50000 [--reuse]`: for each size, an organisation generated on
// PostgreSQL (database <BENCH_DB_PREFIX><size>), then the production server (`next build` first) is
// started on it and timed over HTTP as a leader and as the 50-person team's manager: each page's
// server time and bytes, the data-layer time of the same page measured in-process, their ratio,
// and the organization CSV's time to first byte; each a median of warm runs after one untimed
// run (the data layer's first, cold call printed beside it), and the machine's load average after
// each size. For the Organization page also the CPU one load costs (the server's processes or this
// one, plus the database's backends), which other work on the machine does not inflate as it does
// wall time. Figures, not assertions.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import postgres from "postgres";
import { setDatabaseHandle } from "@/db";
import { openPostgres } from "@/db/client";
import { organizationOverview } from "@/db/queries/organization";
import { reviewBoard } from "@/db/queries/reviews";
import { listManagedTeams } from "@/db/queries/team";
import { teamTrends } from "@/db/queries/team-trends";
import { ensureReferenceData } from "@/db/reference-data";
import { assessments, people, teams } from "@/db/schema";
import type { Actor } from "@/lib/authz";
import { BENCH_BIG_TEAM_MANAGER, BENCH_LEADER, BENCH_PASSWORD, generateOrganisation } from "./generate-org";

const root = path.resolve(import.meta.dirname, "..", "..");
const port = Number(process.env.BENCH_PORT ?? process.env.E2E_PORT ?? 3999);
export const base = `http://127.0.0.1:${port}`;

async function time<T>(fn: () => Promise<T>) {
  const started = performance.now();
  const result = await fn();
  return { ms: performance.now() - started, result };
}

/** The median of up to `runs` runs; one run only when the first is slower than 10 s. */
async function median(runs: number, fn: () => Promise<number>) {
  const first = await fn();
  if (first > 10_000) return first;
  const times = [first];
  for (let i = 1; i < runs; i++) times.push(await fn());
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

/** User + system CPU of these processes so far, in ms (Linux /proc; 0 elsewhere). */
export function cpuMsOf(pids: number[]) {
  const tick = 1000 / 100; // USER_HZ
  let ticks = 0;
  for (const pid of pids) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {}
  }
  return ticks * tick;
}

/** The processes of a process group (the server and its children). */
export function groupPids(pgid: number) {
  if (!fs.existsSync("/proc")) return [];
  return fs.readdirSync("/proc").flatMap((d) => {
    if (!/^\d+$/.test(d)) return [];
    try {
      const stat = fs.readFileSync(`/proc/${d}/stat`, "utf8");
      return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[2]) === pgid ? [Number(d)] : [];
    } catch {
      return [];
    }
  });
}

/** Calls `fn` until three calls in a row succeed: a pool's connections ended under it fail once each. */
async function settle(fn: () => Promise<unknown>) {
  // A failed call can leave queries it had started in parallel failing after it, unawaited.
  const ignore = () => {};
  process.on("unhandledRejection", ignore);
  let ok = 0;
  try {
    for (let i = 0; i < 40 && ok < 3; i++) {
      try {
        await fn();
        ok++;
      } catch {
        ok = 0;
      }
    }
  } finally {
    await new Promise((resolve) => setTimeout(resolve, 200));
    process.off("unhandledRejection", ignore);
  }
}

/**
 * The CPU one call of `fn` costs, in ms, averaged over `runs`: `ownPids()`'s (this process or the
 * server's) plus the PostgreSQL backends serving the database. Unlike wall time it does not grow
 * when other work shares the cores, so it compares sizes on a loaded machine too. Parallel query
 * workers are turned off for it (for the database, its open connections ended so the pools reconnect),
 * as their CPU would leave with them uncounted; turned on again afterwards.
 */
async function cpuPerCall(dbUrl: string, ownPids: () => number[], runs: number, fn: () => Promise<unknown>) {
  const admin = postgres(dbUrl, { max: 1, onnotice: () => {} });
  const name = new URL(dbUrl).pathname.slice(1);
  const reconnectAll = () =>
    admin`select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`;
  const backends = async () =>
    (
      await admin<
        { pid: number }[]
      >`select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`
    ).map((r) => r.pid);
  try {
    await admin.unsafe(`alter database ${name} set max_parallel_workers_per_gather = 0`);
    await reconnectAll();
    await settle(fn);
    const before = cpuMsOf([...ownPids(), ...(await backends())]);
    for (let i = 0; i < runs; i++) await fn();
    const after = cpuMsOf([...ownPids(), ...(await backends())]);
    return (after - before) / runs;
  } finally {
    await admin.unsafe(`alter database ${name} reset max_parallel_workers_per_gather`);
    await reconnectAll();
    await admin.end();
    await settle(fn);
  }
}

async function waitForServer(child: ReturnType<typeof spawn>) {
  for (let i = 0; i < 240; i++) {
    if (child.exitCode !== null) throw new Error("the server exited");
    try {
      const response = await fetch(`${base}/login`);
      if (response.ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("the server did not start");
}

/** Signs in through Auth.js's credentials endpoint and returns the session cookie header. */
export async function signInCookies(email: string) {
  const cookies = new Map<string, string>();
  const keep = (response: Response) => {
    for (const c of response.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const at = pair!.indexOf("=");
      cookies.set(pair!.slice(0, at), pair!.slice(at + 1));
    }
  };
  const header = () => [...cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  const csrf = await fetch(`${base}/api/auth/csrf`);
  keep(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const signIn = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: header(), origin: base },
    body: new URLSearchParams({ csrfToken, email, password: BENCH_PASSWORD }),
    redirect: "manual",
  });
  keep(signIn);
  if (![...cookies.keys()].some((k) => k.includes("session-token"))) throw new Error(`could not sign in as ${email}`);
  return header();
}

/** Time to first byte and to the last, and the bytes of one GET. */
async function get(pathname: string, cookie: string) {
  const started = performance.now();
  const response = await fetch(`${base}${pathname}`, { headers: { cookie }, signal: AbortSignal.timeout(600_000) });
  if (!response.ok) throw new Error(`${pathname}: HTTP ${response.status}`);
  const reader = response.body!.getReader();
  let firstByte = 0;
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (!firstByte) firstByte = performance.now() - started;
    bytes += value.length;
  }
  return { firstByte, ms: performance.now() - started, bytes };
}

type Row = {
  people: number;
  generateMs: number | null;
  counts: string;
  org: { ms: number; bytes: number; sqlMs: number; coldMs: number; cpuMs: number; sqlCpuMs: number };
  team: { ms: number; bytes: number; sqlMs: number };
  csv: { firstByte: number; ms: number; bytes: number };
};

/** The generated organisation of `size` people: database <BENCH_DB_PREFIX><size>, made again unless `reuse`. */
export async function prepareDatabase(url: string, size: number, reuse: boolean) {
  const prefix = process.env.BENCH_DB_PREFIX ?? "ll_bench_";
  const name = `${prefix}${size}`;
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  const dbUrl = new URL(url);
  dbUrl.pathname = `/${name}`;
  const [exists] = await admin`select 1 from pg_database where datname = ${name}`;
  let generateMs: number | null = null;
  if (!reuse || !exists) {
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.unsafe(`create database ${name}`);
    const handle = openPostgres(dbUrl.toString());
    await handle.migrate();
    await ensureReferenceData(handle.db);
    await handle.close();
    const client = postgres(dbUrl.toString(), { max: 1, onnotice: () => {} });
    const generated = await time(() => generateOrganisation(client, size));
    await client.end();
    generateMs = generated.ms;
  }
  await admin.end();
  return { dbUrl: dbUrl.toString(), generateMs };
}

/**
 * `next start` (the production build) on the database; `stop` ends it and its children. With
 * `workers` > 1, `npm start`'s way of serving with WEB_CONCURRENCY processes on the port.
 */
export async function startServer(dbUrl: string, extraArgs: string[] = [], workers = 1) {
  const server = spawn(
    process.execPath,
    workers > 1
      ? [...extraArgs, path.join(root, "scripts", "start.mjs")]
      : [...extraArgs, path.join(root, "node_modules", "next", "dist", "bin", "next"), "start", "-p", String(port)],
    {
      cwd: root,
      env: {
        ...process.env,
        DATABASE_URL: dbUrl,
        LEVERAGE_DEMO: "0",
        NEXT_TELEMETRY_DISABLED: "1",
        PORT: String(port),
        WEB_CONCURRENCY: String(workers),
        AUTH_SECRET: process.env.AUTH_SECRET ?? "bench-secret-bench-secret-bench-secret",
        NEXT_SERVER_ACTIONS_ENCRYPTION_KEY:
          process.env.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY ?? "YmVuY2gtb25seS1rZXktbm90LWZvci1wcm9kLXVzZSE=",
      },
      stdio: ["ignore", "ignore", "inherit"],
      detached: true,
    },
  );
  const stop = () => {
    try {
      process.kill(-server.pid!, "SIGTERM");
    } catch {}
  };
  try {
    await waitForServer(server);
  } catch (error) {
    stop();
    throw error;
  }
  return { stop, pid: server.pid! };
}

async function benchSize(url: string, size: number, reuse: boolean): Promise<Row> {
  const { dbUrl: databaseUrl, generateMs } = await prepareDatabase(url, size, reuse);
  const dbUrl = new URL(databaseUrl);
  const handle = openPostgres(dbUrl.toString());
  await handle.migrate();
  setDatabaseHandle(handle);
  const c = {
    people: await handle.db.$count(people),
    teams: await handle.db.$count(teams),
    assessments: await handle.db.$count(assessments),
  };
  const [leaderRow] = await handle.db.select().from(people).where(eq(people.email, BENCH_LEADER));
  const [managerRow] = await handle.db.select().from(people).where(eq(people.email, BENCH_BIG_TEAM_MANAGER));
  const leader: Actor = { id: leaderRow!.id, name: leaderRow!.name, email: leaderRow!.email, role: "leader" };
  const manager: Actor = { id: managerRow!.id, name: managerRow!.name, email: managerRow!.email, role: "manager" };
  const [bigTeam] = await listManagedTeams(manager);
  // The first call pays what the server has already paid before it is timed: the pool's new
  // connections (each a new backend with cold catalog caches) and the database's pages read back
  // into memory. It is printed apart; the median is of warm calls, like the server's.
  const orgCold = (await time(() => organizationOverview(leader, {}))).ms;
  const orgSql = await median(5, async () => (await time(() => organizationOverview(leader, {}))).ms);
  const orgSqlCpu = await cpuPerCall(
    dbUrl.toString(),
    () => [process.pid],
    10,
    () => organizationOverview(leader, {}),
  );
  const teamCall = async () => {
    await listManagedTeams(manager);
    await teamTrends(manager, bigTeam!.id);
    await reviewBoard(manager);
  };
  await teamCall();
  const teamSql = await median(5, async () => (await time(teamCall)).ms);
  await handle.close();

  const server = await startServer(dbUrl.toString());
  try {
    const leaderCookie = await signInCookies(BENCH_LEADER);
    const managerCookie = await signInCookies(BENCH_BIG_TEAM_MANAGER);
    let orgBytes = 0;
    await get("/organization", leaderCookie);
    const orgMs = await median(5, async () => {
      const r = await get("/organization", leaderCookie);
      orgBytes = r.bytes;
      return r.ms;
    });
    const orgCpu = await cpuPerCall(
      dbUrl.toString(),
      () => groupPids(server.pid),
      10,
      () => get("/organization", leaderCookie),
    );
    let teamBytes = 0;
    await get("/team", managerCookie);
    const teamMs = await median(5, async () => {
      const r = await get("/team", managerCookie);
      teamBytes = r.bytes;
      return r.ms;
    });
    const csv = await get("/api/export/organization", leaderCookie);
    return {
      people: size,
      generateMs,
      counts: `${c.people} people, ${c.teams} teams, ${c.assessments} assessments`,
      org: { ms: orgMs, bytes: orgBytes, sqlMs: orgSql, coldMs: orgCold, cpuMs: orgCpu, sqlCpuMs: orgSqlCpu },
      team: { ms: teamMs, bytes: teamBytes, sqlMs: teamSql },
      csv,
    };
  } finally {
    server.stop();
  }
}

export async function scaleBench(args: string[]) {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("The scale benchmark runs on PostgreSQL: set DATABASE_URL.");
  if (!fs.existsSync(path.join(root, ".next", "BUILD_ID"))) throw new Error("Run `npx next build` first.");
  const sizes = args[args.indexOf("--people") + 1]!.split(",").map(Number);
  const reuse = args.includes("--reuse");
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
  for (const size of sizes) {
    const r = await benchSize(url, size, reuse);
    console.log(`${r.people} people (${r.counts})${r.generateMs ? `, generated in ${s(r.generateMs)}` : ""}`);
    console.log(
      `  /organization  server ${s(r.org.ms)}  ${kb(r.org.bytes)}  data layer ${s(r.org.sqlMs)} (first call ${s(r.org.coldMs)})  ratio ${(r.org.ms / r.org.sqlMs).toFixed(1)}`,
    );
    console.log(
      `                 CPU per load: server + database ${s(r.org.cpuMs)}, data layer in-process + database ${s(r.org.sqlCpuMs)}`,
    );
    console.log(
      `  /team (50)     server ${s(r.team.ms)}  ${kb(r.team.bytes)}  data layer ${s(r.team.sqlMs)}  ratio ${(r.team.ms / r.team.sqlMs).toFixed(1)}`,
    );
    console.log(`  org CSV        first byte ${s(r.csv.firstByte)}  whole ${s(r.csv.ms)}  ${kb(r.csv.bytes)}`);
    console.log(
      `  load average   ${os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(", ")} (${os.cpus().length} cores)`,
    );
  }
}
