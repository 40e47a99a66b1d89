import bcrypt from "bcryptjs";
import { departments, people, reviewCycles, teamMemberships, teams } from "@/db/schema";
import type { Actor } from "@/lib/authz";
import { startSmtpServer } from "./smtp-server";
import { createTestDatabase } from "./test-db";

/** A person of the world: their name, application role and whether their account is active (yes by default). */
type PersonSpec = [name: string, role: Actor["role"], active?: boolean];

/** Who every season has, first: an admin, a leader and a manager. */
const CAST = {
  admin: ["Sam Admin", "admin"],
  leader: ["Lea Leader", "leader"],
  manager: ["Mo Manager", "manager"],
} satisfies Record<string, PersonSpec>;

type Someone<Key extends string> = Key | keyof typeof CAST;

/**
 * A review season's world in a fresh database, with an SMTP server to catch its mail: the cast and
 * the people given (as actors, by key), their teams of one department, and the cycles (their ids in
 * the order given). `dispose()` stops both.
 */
export async function seasonWorld<Key extends string>(spec: {
  /** The people besides the cast, inserted after it in this order; each has the email `<key>@example.test` (lower-cased) and the password "x". */
  people: Record<Key, PersonSpec>;
  /** Each member's membership starts on 2020-01-01. */
  teams: { name: string; manager: Someone<Key>; members: Someone<Key>[] }[];
  /** A cycle without a status is a draft. */
  cycles: (typeof reviewCycles.$inferInsert)[];
}) {
  const testDb = await createTestDatabase();
  const smtp = await startSmtpServer();
  const hash = bcrypt.hashSync("x", 4);
  const actors = {} as Record<Someone<Key>, Actor>;
  const everyone = Object.entries({ ...CAST, ...spec.people }) as [Someone<Key>, PersonSpec][];
  for (const [key, [name, role, active = true]] of everyone) {
    const [row] = await testDb.db
      .insert(people)
      .values({ name, email: `${key.toLowerCase()}@example.test`, passwordHash: hash, appRole: role, active })
      .returning();
    actors[key] = { id: row!.id, name, email: row!.email, role };
  }
  const byId = <Row extends { id: number }>(rows: Row[]) => rows.sort((a, b) => a.id - b.id);
  const [dept] = await testDb.db.insert(departments).values({ name: "Ops" }).returning();
  const teamRows = byId(
    await testDb.db
      .insert(teams)
      .values(spec.teams.map((t) => ({ name: t.name, departmentId: dept!.id, managerId: actors[t.manager].id })))
      .returning(),
  );
  await testDb.db
    .insert(teamMemberships)
    .values(
      spec.teams.flatMap((t, i) =>
        t.members.map((key) => ({ teamId: teamRows[i]!.id, personId: actors[key].id, startedOn: "2020-01-01" })),
      ),
    );
  const cycleRows = byId(await testDb.db.insert(reviewCycles).values(spec.cycles).returning());
  return {
    testDb,
    smtp,
    actors,
    cycleIds: cycleRows.map((c) => c.id),
    dispose: async () => {
      await smtp.close();
      await testDb.dispose();
    },
  };
}

export type SeasonWorld = Awaited<ReturnType<typeof seasonWorld>>;
