import { desc, eq } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startSession } from "@/db/queries/sessions";
import { assessments, reviewComments } from "@/db/schema";
import { importAppFile } from "./helpers/app-routes";
import { ACTIONS, type Fields } from "./helpers/authorization-table";
import { describeWorld, fingerprint, ROLES, type Role } from "./helpers/matrix-world";
import { createTestDatabase } from "./helpers/test-db";

// As in the authorization matrix: only the session and Next's request scope are stand-ins.
const session = vi.hoisted(() => ({ current: null as { sessionId: string } | null }));
vi.mock("@/lib/auth", async () => {
  const { redirect } = await import("next/navigation");
  return {
    auth: async () => session.current,
    signIn: async () => undefined,
    signOut: async () => redirect("/login"),
    SSO_PROVIDER_ID: "oidc",
  };
});
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "accept-language": "en-GB" }),
  cookies: async () => ({ get: () => undefined, getAll: () => [], has: () => false }),
}));
const afterTasks = vi.hoisted(() => [] as unknown[]);
vi.mock("next/server", async (original) => ({
  ...(await original<typeof import("next/server")>()),
  after: (task: unknown) => afterTasks.push(typeof task === "function" ? task() : task),
}));
process.env.AUTH_SECRET ??= "fuzz-secret";
vi.mock("next-auth", () => ({ CredentialsSignin: class CredentialsSignin extends Error {} }));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

const RUNS_PER_ACTION = Number(process.env.FUZZ_RUNS ?? 25);
const GENERIC_FAILURE = "Something went wrong on our side";

const hostileString = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.string({ unit: "grapheme", maxLength: 300 }),
  fc.constantFrom(
    "",
    " ",
    "\u0000",
    "a\u0000b",
    "\ud800",
    "-1",
    "0",
    "1.5",
    "2147483648",
    "99999999999999999999",
    "1e308",
    "NaN",
    "Infinity",
    "<script>alert(1)</script>",
    "'; drop table people; --",
    "=cmd|' /C calc'!A0",
    "null",
    "true",
    "[]",
    "{}",
    '{"s1":"x","__proto__":{"admin":true}}',
    '[{"text":null,"level":"9","aiUsed":"yes"}]',
    "x".repeat(5000),
    "é".repeat(70_000),
  ),
  fc.integer().map(String),
  fc.double().map(String),
  fc.json({ maxDepth: 3 }),
);

/** A valid call's fields with some of them replaced by hostile values, and sometimes an extra field. */
const hostileFields = (base: Fields) =>
  fc
    .record({
      replaced: fc.subarray(Object.keys(base), { minLength: 1 }),
      values: fc.array(hostileString, { minLength: Object.keys(base).length, maxLength: Object.keys(base).length }),
      extra: fc.option(fc.tuple(fc.constantFrom("role", "authorId", "status", "__proto__", "mix.s9"), hostileString)),
    })
    .map(({ replaced, values, extra }) => {
      const fields = { ...base };
      replaced.forEach((key, i) => {
        fields[key] = values[i]!;
      });
      if (extra) fields[extra[0]] = extra[1];
      return fields;
    });

let testDb: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  testDb = await createTestDatabase({ seed: true });
}, 300_000);
afterAll(() => testDb.dispose());

type Outcome = "stored" | "refused" | "redirect";
type ActionFn = (previous: unknown, formData: FormData) => Promise<Record<string, unknown>>;

async function call(action: ActionFn, fields: Fields): Promise<{ outcome: Outcome; result?: Record<string, unknown> }> {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  try {
    const result = await action({ status: "idle" }, data);
    await Promise.all(afterTasks.splice(0));
    const stored = result.status === "success" || result.status === "sent" || result.status === "done";
    if (stored || (result.status === undefined && !("message" in result))) return { outcome: "stored", result };
    return { outcome: "refused", result };
  } catch (error) {
    const digest = (error as { digest?: string }).digest;
    if (typeof digest === "string" && digest.startsWith("NEXT_REDIRECT")) return { outcome: "redirect" };
    throw error;
  }
}

/** A value as a form carries it: a lone surrogate becomes U+FFFD on the way in. */
function asSent(value: string) {
  const data = new FormData();
  data.set("value", value);
  return String(data.get("value"));
}

const counts: Record<string, Record<Outcome, number>> = {};

/**
 * The first case some role may use: the fuzz runs as that role, on that record. Not fuzzed: the
 * single sign-on hand-off (its one input is the path to return to; it stores nothing) and the
 * signed mail-preference link (any change to it is a forged signature, refused without a word), and
 * marking all notifications read (it takes no input).
 */
const NOT_FUZZED = new Set([
  "app/(auth)/login/actions.ts#signInWithSso",
  "app/(auth)/mail-preferences/actions.ts#setMailPreferenceFromLink",
  "app/(app)/notifications/actions.ts#markAllReadAction",
]);
const fuzzed = Object.entries(ACTIONS).flatMap(([key, row]) => {
  if (NOT_FUZZED.has(key)) return [];
  const entry = Object.values(row.cases).flatMap((spec) =>
    ROLES.filter((role) => spec?.expect[role] === "ok").map((role) => ({ spec: spec!, role })),
  )[0];
  return entry ? [{ key, ...entry }] : [];
});

describe("every action's input, fuzzed", () => {
  it.each(fuzzed)(
    "$key is stored exactly or refused with a message, never a failure and never partly written",
    async ({ key, spec, role }) => {
      const [file, name] = key.split("#") as [string, string];
      const action = (await importAppFile(file))[name] as ActionFn;
      const tally = { stored: 0, refused: 0, redirect: 0 };
      counts[key] = tally;
      let world = await describeWorld(testDb.db);
      await fc.assert(
        fc.asyncProperty(fc.constant(null), async () => {
          session.current = { sessionId: await startSession({ personId: world.actorIds[role as Role] }) };
          const fields = fc.sample(hostileFields(spec.fields(world, role)), 1)[0]!;
          const before = await fingerprint(testDb.db);
          const { outcome, result } = await call(action, fields);
          const after = await fingerprint(testDb.db);
          tally[outcome]++;
          if (outcome === "refused") {
            // A message, or (the password-reset request) a message per field.
            const message = String(result?.message ?? JSON.stringify(result?.errors ?? ""));
            expect(message, `${key} ${JSON.stringify(fields).slice(0, 300)}`).not.toContain(GENERIC_FAILURE);
            expect(message.length).toBeGreaterThan(0);
            if (!ACTIONS[key]?.recordsRefusals) expect(after, `${key} refused but wrote`).toBe(before);
          }
          if (outcome === "stored" && name === "saveMySelfAssessment") {
            const [stored] = await testDb.db
              .select()
              .from(assessments)
              .where(eq(assessments.id, Number(fields.assessmentId)));
            expect(stored?.draftValues?.notes).toBe(asSent(fields.notes!));
            expect(stored?.draftValues?.tasks).toEqual(JSON.parse(asSent(fields.tasks!)));
          }
          if (outcome === "stored" && name === "addReviewCommentAction") {
            const [latest] = await testDb.db
              .select({ body: reviewComments.body })
              .from(reviewComments)
              .orderBy(desc(reviewComments.id))
              .limit(1);
            expect(latest?.body).toBe(asSent(fields.body!).trim());
          }
          // Versions and records move on after a write: the next call starts from what is stored now.
          if (before !== after) world = await describeWorld(testDb.db);
        }),
        { numRuns: RUNS_PER_ACTION },
      );
      expect(tally.stored + tally.refused + tally.redirect).toBe(RUNS_PER_ACTION);
    },
    300_000,
  );

  afterAll(() => {
    const total = Object.values(counts).reduce((n, t) => n + t.stored + t.refused + t.redirect, 0);
    console.log(`action fuzz: ${total} calls over ${Object.keys(counts).length} actions`, counts);
  });
});
