// `npm run bench -- --people 10000 --writes [--reuse] [--seconds 6] [--warmup 12] [--concurrency 1,8,32] [--workers 2]`: the write
// path on a generated organisation. The production server is started on it, distinct employees and
// managers sign in (real sessions), and at each concurrency the real server actions are posted over
// HTTP as the browser posts them (Next-Action, the router state tree, React's encoded reply): save a
// self-assessment draft, submit a self-assessment, save a manager review. The same data-layer calls
// run in-process on postgres.js at the same concurrency, taking turns with the HTTP runs so a change
// in the machine's load falls on both. Prints operation × concurrency → HTTP req/s, raw tx/s and their
// ratio (`--cpu-prof`: the server's CPU profile, HTTP runs only). Figures, not assertions.
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import postgres from "postgres";
import { setDatabaseHandle } from "@/db";
import { openPostgres } from "@/db/client";
import { saveSelfAssessmentDraft, submitSelfAssessment } from "@/db/queries/assessments";
import { saveManagerReview } from "@/db/queries/reviews";
import type { Actor } from "@/lib/authz";
import { base, cpuMsOf, groupPids, prepareDatabase, signInCookies, startServer } from "./scale-bench";

const root = path.resolve(import.meta.dirname, "..", "..");

/** Each run is split in this many turns of HTTP then raw. */
const ROUNDS = 3;

const OPERATIONS = ["self draft", "self submit", "manager review"] as const;
type Operation = (typeof OPERATIONS)[number];

/** One person's open self-assessment, or one report's manager review, with the version to send next. */
type Slot = {
  actor: Actor;
  cookie: string;
  subjectId: number;
  assessmentId: number | null;
  version: number;
};

const CALIBRATION_REASON = "Benchmark: the mix as observed this quarter.";
const MIX = { s1: 20, s2: 25, s3: 25, s4: 20, s5: 10 };
const content = (n: number) => ({
  mix: MIX,
  tasks: [
    { text: `Prepare the weekly report (${n})`, level: 2, aiUsed: true },
    { text: "Decide the quarter's priorities", level: 4, aiUsed: false },
  ],
  ratings: { judgment: 3, communication: 4, stakeholders: 3, systemsThinking: 4, ownership: 3 },
  notes: `Benchmark write ${n}`,
});

/** The action id of an exported server action, from the build's manifest. */
function actionId(file: string, exportName: string) {
  const manifest = JSON.parse(
    fs.readFileSync(path.join(root, ".next", "server", "server-reference-manifest.json"), "utf8"),
  ) as { node: Record<string, { exportedName?: string; filename?: string }> };
  const found = Object.entries(manifest.node).find(
    ([, entry]) => entry.exportedName === exportName && entry.filename?.endsWith(file),
  );
  if (!found) throw new Error(`No server action ${exportName} in ${file}: run \`npx next build\`.`);
  return found[0];
}

/** The router state tree a browser on `segments` sends with an action (Next-Router-State-Tree). */
function routerStateTree(segments: (string | [string, string, string, null])[]) {
  let tree: unknown[] = ["__PAGE__", {}, null, null, 0];
  for (const segment of [...segments].reverse()) tree = [segment, { children: tree }, null, null, 0];
  tree = ["", { children: tree }, null, null, 16];
  return encodeURIComponent(JSON.stringify(tree));
}

/**
 * An action call as React's encodeReply sends it (previous state, form data) and as a browser posts
 * that FormData: multipart/form-data, the form's fields prefixed `_1_`, then part 0, the arguments
 * (the server reads them when part 0 arrives). Written out here rather than through FormData and
 * fetch, whose encoding cost this process as much CPU as the in-process transaction it is compared with.
 */
function encodeReply(previous: unknown, fields: Record<string, string>) {
  const boundary = `----BenchFormBoundary${Math.random().toString(36).slice(2)}`;
  const parts = [
    ...Object.entries(fields).map(([key, value]) => [`_1_${key}`, value]),
    ["0", JSON.stringify([previous, "$K1"])],
  ];
  const body = Buffer.from(
    `${parts.map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`).join("")}--${boundary}--\r\n`,
  );
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}

/** Kept-alive connections to the server, as a browser keeps them. */
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

/** POSTs `body` and returns the status and the body, gunzipped if the server compressed it. */
function post(pathname: string, headers: Record<string, string>, body: Buffer) {
  return new Promise<{ status: number; text: string }>((resolve, reject) => {
    const request = http.request(
      `${base}${pathname}`,
      { method: "POST", agent, headers: { ...headers, "content-length": String(body.length) } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("error", reject);
        response.on("end", () => {
          const raw = Buffer.concat(chunks);
          const text = (response.headers["content-encoding"] === "gzip" ? zlib.gunzipSync(raw) : raw).toString("utf8");
          resolve({ status: response.statusCode ?? 0, text });
        });
      },
    );
    request.on("error", reject);
    request.end(body);
  });
}

/** The action's result from a flight response: the row the root's "a" points at. */
function actionResult(text: string) {
  const rows = new Map<string, string>();
  for (const line of text.split("\n")) {
    const at = line.indexOf(":");
    if (at > 0) rows.set(line.slice(0, at), line.slice(at + 1));
  }
  const rootRow = JSON.parse(rows.get("0") ?? "{}") as { a?: string };
  const ref = rootRow.a?.replace("$@", "");
  return JSON.parse(rows.get(ref ?? "") ?? "null") as {
    status: string;
    message?: string;
    values?: { version: number; assessmentId: number };
  } | null;
}

/** The size of the last action response per page, to show what the response carries. */
const responseBytes = new Map<string, number>();

type Target = { actionId: string; tree: (slot: Slot) => string; page: (slot: Slot) => string };

async function postAction(target: Target, slot: Slot, fields: Record<string, string>) {
  const { body, contentType } = encodeReply(
    { status: "idle", values: { version: slot.version, assessmentId: slot.assessmentId } },
    fields,
  );
  const response = await post(
    target.page(slot),
    {
      accept: "text/x-component",
      "accept-encoding": "gzip, deflate, br, zstd",
      "content-type": contentType,
      "next-action": target.actionId,
      "next-router-state-tree": target.tree(slot),
      origin: base,
      cookie: slot.cookie,
    },
    body,
  );
  const { text } = response;
  const result = response.status === 200 ? actionResult(text) : null;
  if (result?.status !== "success" || !result.values)
    throw new Error(
      `${target.page(slot)}: HTTP ${response.status} ${result ? JSON.stringify(result) : text.slice(0, 300)}`,
    );
  slot.version = result.values.version;
  slot.assessmentId = result.values.assessmentId;
  responseBytes.set(target.page(slot).split("/")[1]!, text.length);
}

/** Runs `op` on free slots with `concurrency` workers for `seconds`; a slot is used by one worker at a time. */
async function run(
  slots: Slot[],
  concurrency: number,
  seconds: number,
  op: (slot: Slot, n: number) => Promise<unknown>,
  refill?: () => Promise<void>,
) {
  let free = [...slots];
  let done = 0;
  let pausedMs = 0;
  const started = performance.now();
  const until = started + seconds * 1000;
  let refilling: Promise<void> | null = null;
  let inFlight = 0;
  const worker = async () => {
    while (performance.now() - pausedMs < until) {
      const slot = free.shift();
      if (!slot) {
        if (!refill) throw new Error("more workers than slots");
        // Submitted assessments are read-only: once every slot is used, all are reopened as drafts, off the clock.
        refilling ??= (async () => {
          while (inFlight > 0) await new Promise((r) => setTimeout(r, 1));
          const pause = performance.now();
          await refill();
          free = [...slots];
          pausedMs += performance.now() - pause;
          refilling = null;
        })();
        await refilling;
        continue;
      }
      inFlight++;
      try {
        await op(slot, done);
        done++;
      } finally {
        inFlight--;
        if (!refill) free.push(slot);
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { done, seconds: (performance.now() - started - pausedMs) / 1000 };
}

export async function writeBench(args: string[]) {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("The write benchmark runs on PostgreSQL: set DATABASE_URL.");
  if (!fs.existsSync(path.join(root, ".next", "BUILD_ID"))) throw new Error("Run `npx next build` first.");
  const size = Number(args[args.indexOf("--people") + 1]!.split(",")[0]);
  const seconds = args.includes("--seconds") ? Number(args[args.indexOf("--seconds") + 1]) : 6;
  const levels = args.includes("--concurrency")
    ? args[args.indexOf("--concurrency") + 1]!.split(",").map(Number)
    : [1, 8, 32];
  const only = args.includes("--only") ? (args[args.indexOf("--only") + 1]!.split(",") as Operation[]) : OPERATIONS;
  const profile = args.includes("--cpu-prof");
  const warmupSeconds = args.includes("--warmup") ? Number(args[args.indexOf("--warmup") + 1]) : 12;
  // `--workers N`: the server as `WEB_CONCURRENCY=N npm start` runs it, N processes on the port.
  const workers = args.includes("--workers") ? Number(args[args.indexOf("--workers") + 1]) : 1;
  // The warm-up round runs 4 workers.
  const slotsPerOp = Math.max(4, ...levels) * 2;
  const { dbUrl } = await prepareDatabase(url, size, args.includes("--reuse"));
  const sql = postgres(dbUrl, { max: 2, onnotice: () => {} });
  const [cycle] = await sql<
    { id: number }[]
  >`select id from review_cycles where status = 'open' order by starts_on limit 1`;
  // Employees with a self-assessment in the open cycle that no manager has reviewed yet, spread over
  // the organisation (a submit updates its team's and department's rollup rows, which writers share).
  const selves = await sql<{ id: number; name: string; email: string; assessment_id: number }[]>`
    select p.id, p.name, p.email, a.id as assessment_id from people p
    join assessments a on a.subject_id = p.id and a.kind = 'self' and a.cycle_id = ${cycle!.id}
    where p.app_role = 'employee' and a.status in ('draft', 'submitted', 'returned')
      and not exists (select 1 from assessments m where m.subject_id = p.id and m.cycle_id = a.cycle_id and m.kind = 'manager')
    order by hashint4(p.id) limit ${slotsPerOp}`;
  // Reports with a submitted self-assessment and no review yet, at most two per manager, other people than the above.
  const reviews = await sql<{ manager_id: number; name: string; email: string; subject_id: number }[]>`
    select manager_id, name, email, subject_id from (
      select t.manager_id, p.name, p.email, a.subject_id,
        row_number() over (partition by t.manager_id order by a.subject_id) as n
      from assessments a join teams t on t.id = a.team_id join people p on p.id = t.manager_id
      where a.kind = 'self' and a.cycle_id = ${cycle!.id} and a.status = 'submitted'
        and a.subject_id <> all(${selves.map((s) => s.id)}::int[]) and p.app_role = 'manager'
        and not exists (select 1 from assessments m where m.subject_id = a.subject_id and m.cycle_id = a.cycle_id and m.kind = 'manager')
    ) x where n <= 2 order by manager_id, subject_id limit ${slotsPerOp}`;
  const selfIds = selves.map((s) => s.id);
  /** Every self slot back to a draft, and its version read again. */
  async function reopenSelves(slots: Slot[]) {
    const rows = await sql<{ subject_id: number; id: number; version: number }[]>`
      update assessments set status = 'draft', submitted_at = null, version = version + 1, updated_at = now()
      where kind = 'self' and cycle_id = ${cycle!.id} and subject_id = any(${selfIds}::int[])
      returning subject_id, id, version`;
    const byId = new Map(rows.map((r) => [r.subject_id, r]));
    for (const slot of slots) {
      slot.version = byId.get(slot.subjectId)!.version;
      slot.assessmentId = byId.get(slot.subjectId)!.id;
    }
  }
  async function reviewVersions(slots: Slot[]) {
    const rows = await sql<{ subject_id: number; id: number; version: number }[]>`
      select subject_id, id, version from assessments
      where kind = 'manager' and cycle_id = ${cycle!.id} and subject_id = any(${slots.map((s) => s.subjectId)}::int[])`;
    const byId = new Map(rows.map((r) => [r.subject_id, r]));
    for (const slot of slots) {
      slot.version = byId.get(slot.subjectId)?.version ?? 0;
      slot.assessmentId = byId.get(slot.subjectId)?.id ?? null;
    }
  }

  const profileDir = profile ? fs.mkdtempSync(path.join(os.tmpdir(), "ll-write-prof-")) : null;
  const server = await startServer(dbUrl, profileDir ? [`--cpu-prof`, `--cpu-prof-dir=${profileDir}`] : [], workers);
  const results: {
    op: Operation;
    concurrency: number;
    http: number;
    raw: number;
    serverMs: number;
    clientMs: number;
    rawMs: number;
    httpDbMs: number;
    rawDbMs: number;
  }[] = [];
  try {
    const cookies = new Map<string, string>();
    const cookieOf = async (email: string) => {
      if (!cookies.has(email)) cookies.set(email, await signInCookies(email));
      return cookies.get(email)!;
    };
    const selfSlots: Slot[] = [];
    for (const s of selves)
      selfSlots.push({
        actor: { id: s.id, name: s.name, email: s.email, role: "employee" },
        cookie: await cookieOf(s.email),
        subjectId: s.id,
        assessmentId: s.assessment_id,
        version: 0,
      });
    const reviewSlots: Slot[] = [];
    for (const r of reviews)
      reviewSlots.push({
        actor: { id: r.manager_id, name: r.name, email: r.email, role: "manager" },
        cookie: await cookieOf(r.email),
        subjectId: r.subject_id,
        assessmentId: null,
        version: 0,
      });
    console.log(
      `${size} people, ${workers} server process${workers > 1 ? "es" : ""}: ${selfSlots.length} employees and ${new Set(reviews.map((r) => r.manager_id)).size} managers (${reviewSlots.length} reports) signed in; ${seconds} s per run`,
    );

    const selfTarget: Target = {
      actionId: actionId("app/(app)/me/actions.ts", "saveMySelfAssessment"),
      page: () => "/me",
      tree: () => routerStateTree(["(app)", "me"]),
    };
    const reviewTarget: Target = {
      actionId: actionId("app/(app)/team/review/[personId]/actions.ts", "saveManagerReviewAction"),
      page: (slot) => `/team/review/${slot.subjectId}`,
      tree: (slot) => routerStateTree(["(app)", "team", "review", ["personId", String(slot.subjectId), "d", null]]),
    };
    const selfFields = (slot: Slot, intent: string, n: number) => ({
      intent,
      version: String(slot.version),
      assessmentId: slot.assessmentId === null ? "" : String(slot.assessmentId),
      cycleId: String(cycle!.id),
      mix: JSON.stringify(MIX),
      tasks: JSON.stringify(content(n).tasks),
      ratings: JSON.stringify(content(n).ratings),
      notes: content(n).notes,
    });

    const handle = openPostgres(dbUrl);
    setDatabaseHandle(handle);
    const raw = {
      "self draft": async (slot: Slot, n: number) => {
        const saved = await saveSelfAssessmentDraft(slot.actor, {
          cycleId: cycle!.id,
          assessmentId: slot.assessmentId,
          version: slot.version,
          values: content(n),
        });
        slot.version = saved.version;
      },
      "self submit": async (slot: Slot, n: number) => {
        const saved = await submitSelfAssessment(slot.actor, {
          cycleId: cycle!.id,
          assessmentId: slot.assessmentId,
          version: slot.version,
          values: content(n),
        });
        slot.version = saved.version;
      },
      "manager review": async (slot: Slot, n: number) => {
        const saved = await saveManagerReview(
          slot.actor,
          {
            personId: slot.subjectId,
            version: slot.version,
            values: content(n),
            calibrationReason: CALIBRATION_REASON,
          },
          "review",
        );
        slot.version = saved.version;
        slot.assessmentId = saved.assessmentId;
      },
    } satisfies Record<Operation, (slot: Slot, n: number) => Promise<unknown>>;
    const http = {
      "self draft": (slot: Slot, n: number) => postAction(selfTarget, slot, selfFields(slot, "draft", n)),
      "self submit": (slot: Slot, n: number) => postAction(selfTarget, slot, selfFields(slot, "submit", n)),
      "manager review": (slot: Slot, n: number) =>
        postAction(reviewTarget, slot, {
          intent: "submit",
          version: String(slot.version),
          assessmentId: slot.assessmentId === null ? "" : String(slot.assessmentId),
          personId: String(slot.subjectId),
          calibrationReason: CALIBRATION_REASON,
          mix: JSON.stringify(MIX),
          tasks: JSON.stringify(content(n).tasks),
          ratings: JSON.stringify(content(n).ratings),
          notes: content(n).notes,
        }),
    };
    for (const op of only) {
      const slots = op === "manager review" ? reviewSlots : selfSlots;
      const prepare = op === "manager review" ? reviewVersions : reopenSelves;
      const refill = op === "self submit" ? () => reopenSelves(slots) : undefined;
      // Warm-up, untimed, on both sides: V8 optimizes a path only after some hundreds of calls, so
      // without it the first operation measured (the draft) paid for compiling the server's action path
      // and the data layer (8–9 ms of server CPU per draft after a one-second warm-up, 5–6 after 15 s).
      for (const side of profile ? [http] : [http, raw]) {
        await prepare(slots);
        await run(slots, 4, warmupSeconds, side[op], refill);
      }
      for (const concurrency of levels) {
        // HTTP and raw take turns, so a change in the machine's load falls on both.
        // CPU spent per request: the server's, and this process's (the HTTP client's; the raw side's own).
        const total = {
          http: { done: 0, seconds: 0, cpu: 0, serverCpu: 0, dbCpu: 0 },
          raw: { done: 0, seconds: 0, cpu: 0, serverCpu: 0, dbCpu: 0 },
        };
        for (let round = 0; round < ROUNDS; round++) {
          for (const [side, call] of [
            ["http", http[op]],
            ["raw", raw[op]],
          ] as const) {
            // Profiling the server: its HTTP runs only.
            if (side === "raw" && profile) continue;
            await prepare(slots);
            // PostgreSQL's backends on this database (the server's pool, the raw side's, this script's).
            const backends = (
              await sql<{ pid: number }[]>`select pid from pg_stat_activity where datname = current_database()`
            ).map((b) => b.pid);
            const serverPids = groupPids(server.pid);
            const dbBefore = cpuMsOf(backends);
            const cpuBefore = process.cpuUsage();
            const serverBefore = cpuMsOf(serverPids);
            const r = await run(slots, concurrency, seconds / ROUNDS, call, refill);
            const cpu = process.cpuUsage(cpuBefore);
            total[side].cpu += (cpu.user + cpu.system) / 1e6;
            total[side].serverCpu += (cpuMsOf(serverPids) - serverBefore) / 1000;
            total[side].dbCpu += (cpuMsOf(backends) - dbBefore) / 1000;
            total[side].done += r.done;
            total[side].seconds += r.seconds;
          }
        }
        const httpRate = total.http.done / total.http.seconds;
        const rawRate = total.raw.done / total.raw.seconds;
        const perOp = (cpuSeconds: number, done: number) => (done ? (1000 * cpuSeconds) / done : Number.NaN);
        const cell = {
          op,
          concurrency,
          http: httpRate,
          raw: rawRate,
          serverMs: perOp(total.http.serverCpu, total.http.done),
          clientMs: perOp(total.http.cpu, total.http.done),
          rawMs: perOp(total.raw.cpu, total.raw.done),
          httpDbMs: perOp(total.http.dbCpu, total.http.done),
          rawDbMs: perOp(total.raw.dbCpu, total.raw.done),
        };
        results.push(cell);
        console.log(
          `  ${op.padEnd(15)} c=${String(concurrency).padEnd(3)} HTTP ${httpRate.toFixed(0).padStart(5)} req/s  raw ${rawRate.toFixed(0).padStart(5)} tx/s  ratio ${((100 * httpRate) / rawRate).toFixed(0)}%  CPU ms per save: server ${cell.serverMs.toFixed(1)}, HTTP client ${cell.clientMs.toFixed(1)}, raw ${cell.rawMs.toFixed(1)}; PostgreSQL ${cell.httpDbMs.toFixed(1)} / ${cell.rawDbMs.toFixed(1)}`,
        );
      }
    }
    await reopenSelves(selfSlots);
    await handle.close();
  } finally {
    server.stop();
    await sql.end();
  }
  console.log(
    `\nload average at the end: ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(", ")} (${os.cpus().length} cores)`,
  );
  console.log(
    "| operation | concurrency | HTTP req/s | raw tx/s | ratio | CPU ms/save: server | HTTP client | raw | PostgreSQL (HTTP / raw) |\n|---|---|---|---|---|---|---|---|---|",
  );
  for (const r of results)
    console.log(
      `| ${r.op} | ${r.concurrency} | ${r.http.toFixed(0)} | ${r.raw.toFixed(0)} | ${((100 * r.http) / r.raw).toFixed(0)}% | ${r.serverMs.toFixed(1)} | ${r.clientMs.toFixed(1)} | ${r.rawMs.toFixed(1)} | ${r.httpDbMs.toFixed(1)} / ${r.rawDbMs.toFixed(1)} |`,
    );
  console.log(`action response bytes: ${[...responseBytes].map(([page, bytes]) => `/${page} ${bytes}`).join(", ")}`);
  if (profileDir) console.log(`CPU profile of the server in ${profileDir}`);
}
