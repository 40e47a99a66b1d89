import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setPersonActive, updatePerson } from "@/db/queries/admin-people";
import { endAllSessions, endSession, findSessionActor, listMySignIns, startSession } from "@/db/queries/sessions";
import { people, sessions } from "@/db/schema";
import { createTestDatabase } from "./helpers/test-db";

let testDb: Awaited<ReturnType<typeof createTestDatabase>>;
const limits = { idleMinutes: 60, maxHours: 10 };
let admin: { id: number; name: string; email: string; role: "admin" };
const ids: Record<string, number> = {};

beforeAll(async () => {
  testDb = await createTestDatabase();
  const rows = await testDb.db
    .insert(people)
    .values(
      ["admin", "ada", "bo", "cy", "di"].map((n) => ({
        name: n,
        email: `${n}@example.test`,
        passwordHash: "!",
        appRole: n === "admin" ? ("admin" as const) : ("employee" as const),
      })),
    )
    .returning({ id: people.id, name: people.name });
  for (const r of rows) ids[r.name] = r.id;
  admin = { id: ids.admin!, name: "admin", email: "admin@example.test", role: "admin" };
});
afterAll(() => testDb.dispose());

async function age(sessionId: string, column: "last_seen_at" | "created_at", minutes: number) {
  await testDb.db.execute(
    sql`update sessions set ${sql.raw(column)} = now() - make_interval(mins => ${minutes}) where id = ${sessionId}`,
  );
}

describe("server-side sessions", () => {
  it("finds the person behind an open session, and nothing once it has ended", async () => {
    const sid = await startSession({ personId: ids.ada!, ip: "10.0.0.1", userAgent: "Test/1" });
    expect(sid).toMatch(/^[0-9a-f]{64}$/);
    expect(await findSessionActor(sid, limits)).toEqual({
      id: ids.ada,
      name: "ada",
      email: "ada@example.test",
      role: "employee",
    });
    await endSession(sid, "sign_out");
    expect(await findSessionActor(sid, limits)).toBeNull();
    expect(await findSessionActor("no-such-session", limits)).toBeNull();
  });

  it("refuses a session idle for longer than the idle limit, and keeps a used one alive", async () => {
    const idle = await startSession({ personId: ids.ada! });
    await age(idle, "last_seen_at", 61);
    expect(await findSessionActor(idle, limits)).toBeNull();

    const used = await startSession({ personId: ids.ada! });
    await age(used, "last_seen_at", 59);
    expect(await findSessionActor(used, limits)).not.toBeNull();
    const [row] = await testDb.db.select().from(sessions).where(eq(sessions.id, used));
    expect(Date.now() - row!.lastSeenAt.getTime()).toBeLessThan(60_000);
  });

  it("refuses a session older than its lifetime, however recently used", async () => {
    const sid = await startSession({ personId: ids.ada! });
    await age(sid, "created_at", 10 * 60 + 1);
    expect(await findSessionActor(sid, limits)).toBeNull();
    expect(await findSessionActor(sid, { ...limits, maxHours: 11 })).not.toBeNull();
  });

  it("ends every session of a person who is deactivated or whose role changes, and only theirs", async () => {
    const bo1 = await startSession({ personId: ids.bo! });
    const bo2 = await startSession({ personId: ids.bo! });
    const cy = await startSession({ personId: ids.cy! });
    const di = await startSession({ personId: ids.di! });
    await setPersonActive(admin, ids.bo!, false);
    expect(await findSessionActor(bo1, limits)).toBeNull();
    expect(await findSessionActor(bo2, limits)).toBeNull();
    expect(await findSessionActor(cy, limits)).not.toBeNull();

    await updatePerson(admin, ids.cy!, { name: "Cy Renamed", email: "cy@example.test", role: "employee" });
    expect(await findSessionActor(cy, limits)).not.toBeNull();
    await updatePerson(admin, ids.cy!, { name: "Cy Renamed", email: "cy@example.test", role: "manager" });
    expect(await findSessionActor(cy, limits)).toBeNull();

    expect(await endAllSessions(ids.di!, "sign_out_everywhere")).toBe(1);
    expect(await findSessionActor(di, limits)).toBeNull();
  });

  it("lists a person's own sign-ins, newest first, with where they came from", async () => {
    const list = await listMySignIns({ ...admin, id: ids.ada!, role: "admin" }, null, limits);
    expect(list.length).toBe(4);
    expect(list.find((s) => s.ip === "10.0.0.1")).toMatchObject({ userAgent: "Test/1", endReason: "sign_out" });
    const times = list.map((s) => s.createdAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it("lists a session past its idle or lifetime limit as ended, exactly as the session check refuses it", async () => {
    const [ed] = await testDb.db
      .insert(people)
      .values({ name: "ed", email: "ed@example.test", passwordHash: "!" })
      .returning({ id: people.id });
    const ed_ = { id: ed!.id, name: "ed", email: "ed@example.test", role: "employee" as const };
    const open = await startSession({ personId: ed!.id, ip: "10.9.0.1" });
    const idle = await startSession({ personId: ed!.id, ip: "10.9.0.2" });
    await age(idle, "last_seen_at", 61);
    const expired = await startSession({ personId: ed!.id, ip: "10.9.0.3" });
    await age(expired, "created_at", 10 * 60 + 1);
    const signedOut = await startSession({ personId: ed!.id, ip: "10.9.0.4" });
    await endSession(signedOut, "sign_out");

    const byIp = async (l = limits) =>
      Object.fromEntries((await listMySignIns(ed_, open, l)).map((s) => [s.ip, s.state]));
    expect(await byIp()).toEqual({
      "10.9.0.1": "open",
      "10.9.0.2": "idle",
      "10.9.0.3": "expired",
      "10.9.0.4": "ended",
    });
    for (const [sid, open_] of [
      [open, true],
      [idle, false],
      [expired, false],
      [signedOut, false],
    ] as const)
      expect(await findSessionActor(sid, limits), sid).toEqual(open_ ? ed_ : null);
    // Fractions of a minute or an hour are settings too (SESSION_IDLE_MINUTES=0.5), not a failed query.
    const fractions = { idleMinutes: 0.5, maxHours: 10.5 };
    expect(await findSessionActor(open, fractions)).toEqual(ed_);
    expect(await byIp(fractions)).toMatchObject({ "10.9.0.1": "open", "10.9.0.2": "idle" });
    // Looser limits: the idle and the old session are open again, on the list as in the check.
    const loose = { idleMinutes: 120, maxHours: 11 };
    expect(await byIp(loose)).toMatchObject({ "10.9.0.2": "open", "10.9.0.3": "open" });
    expect(await findSessionActor(idle, loose)).not.toBeNull();
  });
});
