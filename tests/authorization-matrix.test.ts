import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { NO_PASSWORD } from "@/db/queries/admin-people";
import { startSession } from "@/db/queries/sessions";
import { jobs, notifications, outboxMails, people } from "@/db/schema";
import { appFiles, importAppFile, urlPathOf } from "./helpers/app-routes";
import {
  ACTIONS,
  type ActionOutcome,
  type Case,
  type Expected,
  extras,
  type Fields,
  only,
  type PageOutcome,
  pageFor,
} from "./helpers/authorization-table";
import { describeWorld, fingerprint, ROLES, type Role, type World } from "./helpers/matrix-world";
import { createTestDatabase } from "./helpers/test-db";

// Only the session is forged (Auth.js reads it from a cookie), and what needs Next's request scope:
// the request headers, the cache, and Auth.js's own sign-in and sign-out. The rest is the real path.
const session = vi.hoisted(() => ({ current: null as { sessionId: string } | null }));
vi.mock("@/lib/auth", async () => {
  const { redirect } = await import("next/navigation");
  return {
    auth: async () => session.current,
    signIn: async () => undefined,
    signOut: async () => redirect("/login"),
    SSO_PROVIDER_ID: "oidc",
    handlers: { GET: async () => new Response(null), POST: async () => new Response(null) },
  };
});
// Auth.js's package imports "next/server" in a way only Next's bundler resolves; the sign-in action needs its error class.
vi.mock("next-auth", () => ({ CredentialsSignin: class CredentialsSignin extends Error {} }));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "accept-language": "en-GB" }),
  cookies: async () => ({ get: () => undefined, getAll: () => [], has: () => false }),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));
// after() needs Next's request scope; here its task runs and is awaited before the cell is judged.
const afterTasks = vi.hoisted(() => [] as unknown[]);
vi.mock("next/server", async (original) => ({
  ...(await original<typeof import("next/server")>()),
  after: (task: unknown) => afterTasks.push(typeof task === "function" ? task() : task),
}));
// Notification mails' one-click links are signed with it.
process.env.AUTH_SECRET ??= "matrix-secret";
// next.config.mjs turns authInterrupts on for the app; forbidden() reads it from here.
process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = "true";

type PageCase = {
  params: (w: World, role: Role) => Record<string, string>;
  search?: (w: World) => Record<string, string>;
  expect: Expected<PageOutcome>;
};
/** `public`: reachable signed out, so a deactivated account gets the page too. */
type PageRow = { public?: true; cases: Partial<Record<Case, PageCase>> };
const noParams = () => ({});

/** Every page (its URL path) × role × case → answer. */
const PAGES: Record<string, PageRow> = {
  "/": { cases: { none: { params: noParams, expect: only<PageOutcome>(ROLES, "redirect", "redirect") } } },
  // Signed in already: sent to one's home page.
  "/login": { cases: { none: { params: noParams, expect: only<PageOutcome>(ROLES, "redirect", "redirect") } } },
  // Self-assessments are for people in a team: employees and managers (SELF_ASSESSMENT_ROLES).
  // Everyone self-assesses, leaders and admins included.
  "/me": { cases: { own: { params: noParams, expect: pageFor(...ROLES) } } },
  "/me/history": { cases: { own: { params: noParams, expect: pageFor(...ROLES) } } },
  "/team": { cases: { own: { params: noParams, expect: pageFor("manager") } } },
  "/team/review": { cases: { own: { params: noParams, expect: pageFor("manager") } } },
  "/team/review/[personId]": {
    cases: {
      report: { params: (w) => ({ personId: String(w.report.personId) }), expect: pageFor("manager") },
      otherTeam: { params: (w) => ({ personId: String(w.otherPerson.personId) }), expect: pageFor() },
      self: { params: (w, role) => ({ personId: String(w.actorIds[role]) }), expect: pageFor() },
    },
  },
  "/team/roles": { cases: { own: { params: noParams, expect: pageFor("manager") } } },
  "/team/roles/new": { cases: { own: { params: noParams, expect: pageFor("manager") } } },
  "/team/roles/new-from-occupation": { cases: { own: { params: noParams, expect: pageFor("manager") } } },
  "/team/roles/[roleId]": {
    cases: {
      own: { params: (w) => ({ roleId: String(w.ownRole.id) }), expect: pageFor("manager") },
      otherTeam: { params: (w) => ({ roleId: String(w.otherRole.id) }), expect: pageFor() },
    },
  },
  "/team/research": { cases: { own: { params: noParams, expect: pageFor("manager") } } },
  "/team/research/link": {
    cases: {
      own: { params: noParams, search: (w) => ({ role: String(w.ownRole.id) }), expect: pageFor("manager") },
      otherTeam: {
        params: noParams,
        search: (w) => ({ role: String(w.otherRole.id) }),
        expect: { ...pageFor(), manager: "notFound" },
      },
    },
  },
  "/organization": { cases: { none: { params: noParams, expect: pageFor("leader", "admin") } } },
  "/organization/teams/[teamId]": {
    cases: {
      otherTeam: { params: (w) => ({ teamId: String(w.otherTeam.id) }), expect: pageFor("leader", "admin") },
    },
  },
  "/admin": { cases: { none: { params: noParams, expect: pageFor("admin") } } },
  "/admin/audit": { cases: { none: { params: noParams, expect: pageFor("admin") } } },
  "/admin/cycles": { cases: { none: { params: noParams, expect: pageFor("admin") } } },
  "/admin/cycles/[cycleId]": {
    cases: { closedCycle: { params: (w) => ({ cycleId: String(w.closedCycle.id) }), expect: pageFor("admin") } },
  },
  "/admin/import": { cases: { none: { params: noParams, expect: pageFor("admin") } } },
  "/admin/people": { cases: { none: { params: noParams, expect: pageFor("admin") } } },
  "/admin/people/new": { cases: { none: { params: noParams, expect: pageFor("admin") } } },
  "/admin/people/[personId]": {
    cases: { report: { params: (w) => ({ personId: String(w.report.personId) }), expect: pageFor("admin") } },
  },
  "/admin/teams": { cases: { none: { params: noParams, expect: pageFor("admin") } } },
  "/admin/sign-in": { cases: { none: { params: noParams, expect: pageFor("admin") } } },
  "/admin/outbox": { cases: { none: { params: noParams, expect: pageFor("admin") } } },
  "/admin/outbox/[mailId]": {
    cases: {
      none: { params: () => ({ mailId: String(extras.mailId) }), expect: pageFor("admin") },
      forged: { params: () => ({ mailId: "999999" }), expect: { ...pageFor(), admin: "notFound" } },
    },
  },
  "/admin/jobs/[jobId]": {
    cases: {
      none: { params: () => ({ jobId: String(extras.jobId) }), expect: pageFor("admin") },
      forged: { params: () => ({ jobId: "999999" }), expect: { ...pageFor(), admin: "notFound" } },
    },
  },
  "/account": { cases: { own: { params: noParams, expect: pageFor(...ROLES) } } },
  "/notifications": { cases: { own: { params: noParams, expect: pageFor(...ROLES) } } },
  "/forgot-password": { public: true, cases: { none: { params: noParams, expect: pageFor(...ROLES) } } },
  "/set-password": {
    public: true,
    cases: { forged: { params: noParams, search: () => ({ token: "forged" }), expect: pageFor(...ROLES) } },
  },
  "/login/sso-refused": { public: true, cases: { none: { params: noParams, expect: pageFor(...ROLES) } } },
  "/mail-preferences": {
    public: true,
    cases: {
      forged: {
        params: noParams,
        search: () => ({ p: "1", k: "cycle_opened", s: "forged" }),
        expect: pageFor(...ROLES),
      },
    },
  },
};

/**
 * The answer is the status, and where a redirect points. `signedOut`: the answer for a deactivated
 * account (401 unless said).
 */
type RouteRow = {
  public?: true;
  expect?: Expected<string>;
  signedOut?: string;
  request?: (w: World) => Request;
  params?: () => Record<string, string>;
};
const status = (ok: number, refused: number, ...roles: Role[]) => only<string>(roles, String(ok), String(refused));

/** Every route handler (URL path and method) × role → HTTP status. Auth.js's own routes are public. */
const ROUTES: Record<string, RouteRow> = {
  "GET /api/auth/[...nextauth]": { public: true },
  "POST /api/auth/[...nextauth]": { public: true },
  // The health check: public, and it answers with no data (e2e/database-outage.spec.ts checks both answers).
  "GET /api/health": { public: true },
  "GET /api/export/assessments": {
    expect: status(200, 200, ...ROLES),
    request: () => new Request("http://app.test/api/export/assessments"),
  },
  "GET /api/export/organization": {
    expect: status(200, 403, "leader", "admin"),
    request: () => new Request("http://app.test/api/export/organization"),
  },
  "POST /api/admin/import": {
    expect: status(200, 403, "admin"),
    request: () =>
      new Request("http://app.test/api/admin/import?mode=dry-run", {
        method: "POST",
        headers: { host: "app.test", origin: "http://app.test", "content-type": "text/csv" },
        body: "name,email,team,department,manager email\nNia New,nia@example.test,Platform,Engineering,\n",
      }),
  },
  // The employee's notification: opened by its owner it goes where it points and is marked read;
  // anyone else lands on their own list.
  "GET /notifications/[notificationId]": {
    expect: only<string>(["employee"], "307 /", "307 /notifications"),
    signedOut: "307 /login",
    params: () => ({ notificationId: String(extras.employeeNotificationId) }),
    request: () => new Request("http://app.test/notifications/1"),
  },
};

type ActionFn = (
  previous: unknown,
  formData: FormData,
) => Promise<{ status: string; fieldErrors?: unknown } | undefined>;

function toFormData(fields: Fields) {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
}

/** Next's control-flow errors carry a digest: a redirect with its target, or an HTTP fallback. */
function digestOf(error: unknown): string | null {
  const digest = (error as { digest?: unknown } | null)?.digest;
  return typeof digest === "string" ? digest : null;
}

async function runAction(action: ActionFn, fields: Fields, plainForm = false): Promise<ActionOutcome | string> {
  try {
    const result = plainForm
      ? await (action as unknown as (formData: FormData) => Promise<undefined>)(toFormData(fields))
      : await action({ status: "idle" }, toFormData(fields));
    await Promise.all(afterTasks.splice(0));
    // The single sign-on action only hands the browser to the identity provider.
    if (result === undefined) return "ok";
    // The sign-in form's state has no status: it answers with a message or redirects.
    if (result.status === undefined) return "message" in result ? "refused" : "ok";
    if (result.status === "success" || result.status === "sent" || result.status === "done") return "ok";
    return result.status === "error" ? "refused" : JSON.stringify(result);
  } catch (error) {
    const digest = digestOf(error);
    if (digest?.startsWith("NEXT_REDIRECT")) return digest.includes(";/login;") ? "signin" : "ok";
    throw error;
  }
}

async function runPage(
  page: (props: unknown) => unknown,
  params: Record<string, string>,
  search: Record<string, string> = {},
): Promise<PageOutcome> {
  try {
    await page({ params: Promise.resolve(params), searchParams: Promise.resolve(search) });
    return "ok";
  } catch (error) {
    const digest = digestOf(error) ?? "";
    if (digest.startsWith("NEXT_REDIRECT")) return digest.includes(";/login;") ? "signin" : "redirect";
    if (digest === "NEXT_HTTP_ERROR_FALLBACK;403") return "forbidden";
    if (digest === "NEXT_HTTP_ERROR_FALLBACK;404") return "notFound";
    throw error;
  }
}

let testDb: Awaited<ReturnType<typeof createTestDatabase>>;
let world: World;
const deactivated = {} as Record<Role, number>;

beforeAll(async () => {
  testDb = await createTestDatabase({ seed: true });
  const described = await describeWorld(testDb.db);
  const [mail] = await testDb.db
    .insert(outboxMails)
    .values({ template: "matrix", to: "someone@example.test", subject: "Matrix", text: "Hello", html: "<p>Hello</p>" })
    .returning({ id: outboxMails.id });
  const [job] = await testDb.db
    .insert(jobs)
    .values({ kind: "invitations", status: "done", createdById: described.actorIds.admin })
    .returning({ id: jobs.id });
  world = described;
  extras.mailId = mail!.id;
  extras.jobId = job!.id;
  const [invitee] = await testDb.db
    .insert(people)
    .values({ name: "Ivy Invitee", email: "ivy.invitee@example.test", passwordHash: NO_PASSWORD, appRole: "employee" })
    .returning({ id: people.id });
  extras.inviteeId = invitee!.id;
  // Something unread for each, so marking all read writes.
  const inserted = await testDb.db
    .insert(notifications)
    .values(
      [...ROLES, "employee" as const].map((role) => ({
        personId: described.actorIds[role],
        kind: "cycle_opened" as const,
        title: "Matrix notification",
        href: "/",
      })),
    )
    .returning({ id: notifications.id });
  // The employee's second one is opened by the route row, before the actions run.
  extras.employeeNotificationId = inserted.at(-1)!.id;
  for (const role of ROLES) {
    const [person] = await testDb.db
      .insert(people)
      .values({
        name: `Gone ${role}`,
        email: `gone-${role}@example.test`,
        passwordHash: "-",
        appRole: role,
        active: false,
      })
      .returning({ id: people.id });
    deactivated[role] = person!.id;
  }
}, 300_000);
afterAll(() => testDb.dispose());

/** A real session row, as signing in makes one; only the cookie that names it is forged. */
async function signedInAs(personId: number | null) {
  session.current = personId === null ? null : { sessionId: await startSession({ personId }) };
}

async function discoveredActions() {
  const found: string[] = [];
  for (const file of appFiles("actions.ts")) {
    const module = await importAppFile(file);
    for (const [name, value] of Object.entries(module)) if (typeof value === "function") found.push(`${file}#${name}`);
  }
  return found.sort();
}

async function discoveredRoutes() {
  const found: string[] = [];
  for (const file of appFiles("route.ts")) {
    const module = await importAppFile(file);
    for (const method of ["GET", "POST", "PUT", "PATCH", "DELETE"])
      if (typeof module[method] === "function") found.push(`${method} ${urlPathOf(file)}`);
  }
  return found.sort();
}

describe("the authorization matrix covers the code", () => {
  it("has a row for every server action, and no row for one that is gone", async () => {
    expect(Object.keys(ACTIONS).sort()).toEqual(await discoveredActions());
  });
  it("has a row for every page", () => {
    expect(Object.keys(PAGES).sort()).toEqual(appFiles("page.tsx").map(urlPathOf).sort());
  });
  it("has a row for every route handler and method", async () => {
    expect(Object.keys(ROUTES).sort()).toEqual(await discoveredRoutes());
  });
});

describe("authorization matrix", () => {
  it("answers every page, role and case as the table says", async () => {
    const observed: string[] = [];
    const expected: string[] = [];
    let cells = 0;
    for (const [path, row] of Object.entries(PAGES)) {
      const file = appFiles("page.tsx").find((f) => urlPathOf(f) === path)!;
      const page = (await importAppFile(file)).default as (props: unknown) => unknown;
      for (const [name, spec] of Object.entries(row.cases) as [Case, PageCase][]) {
        for (const role of ROLES) {
          await signedInAs(world.actorIds[role]);
          const search = spec.search?.(world);
          observed.push(`${path} ${name} ${role}: ${await runPage(page, spec.params(world, role), search)}`);
          expected.push(`${path} ${name} ${role}: ${spec.expect[role]}`);
          await signedInAs(deactivated[role]);
          const gone = await runPage(page, spec.params(world, role), search);
          observed.push(`${path} ${name} deactivated ${role}: ${gone}`);
          const goneAnswer = row.public ? spec.expect[role] : path === "/login" ? "ok" : "signin";
          expected.push(`${path} ${name} deactivated ${role}: ${goneAnswer}`);
          cells += 2;
        }
      }
    }
    expect(observed).toEqual(expected);
    console.log(`authorization matrix: ${cells} page cells`);
  });

  it("answers every route handler and role as the table says", async () => {
    const observed: string[] = [];
    const expected: string[] = [];
    for (const [key, row] of Object.entries(ROUTES)) {
      if (row.public) continue;
      const [method, path] = key.split(" ") as [string, string];
      const file = appFiles("route.ts").find((f) => urlPathOf(f) === path)!;
      const handler = (await importAppFile(file))[method] as (
        request: Request,
        context: { params: Promise<Record<string, string>> },
      ) => Promise<Response>;
      for (const role of ROLES) {
        for (const [who, id] of [
          [role, world.actorIds[role]],
          [`deactivated ${role}`, deactivated[role]],
        ] as const) {
          await signedInAs(id);
          const response = await handler(row.request!(world), { params: Promise.resolve(row.params?.() ?? {}) });
          await response.text();
          const location = response.headers.get("location");
          const answer = location ? `${response.status} ${new URL(location).pathname}` : String(response.status);
          observed.push(`${key} ${who}: ${answer}`);
          expected.push(`${key} ${who}: ${who === role ? row.expect![role] : (row.signedOut ?? "401")}`);
        }
      }
    }
    expect(observed).toEqual(expected);
  });

  it("answers every action, role and case as the table says, and a refusal writes nothing", async () => {
    const observed: string[] = [];
    const expected: string[] = [];
    let cells = 0;
    for (const [key, row] of Object.entries(ACTIONS)) {
      const [file, name] = key.split("#") as [string, string];
      const action = (await importAppFile(file))[name] as ActionFn;
      for (const [caseName, spec] of Object.entries(row.cases)) {
        for (const role of ROLES) {
          for (const [who, id] of [
            [`deactivated ${role}`, deactivated[role]],
            [role, world.actorIds[role]],
          ] as const) {
            await signedInAs(id);
            const before = await fingerprint(testDb.db);
            const outcome = await runAction(action, spec.fields(world, role), row.plainForm);
            const after = await fingerprint(testDb.db);
            const want = who === role || row.public ? spec.expect[role] : "signin";
            const wrote = before !== after;
            const signedIn = who === role;
            const shouldWrite =
              (want === "ok" && !row.readOnly) ||
              row.endsSessions === "always" ||
              (row.endsSessions === "signedIn" && signedIn) ||
              (want === "refused" && row.recordsRefusals === true && signedIn);
            observed.push(`${key} ${caseName} ${who}: ${outcome}${wrote ? " (wrote)" : ""}`);
            expected.push(`${key} ${caseName} ${who}: ${want}${shouldWrite ? " (wrote)" : ""}`);
            cells++;
          }
        }
      }
    }
    expect(observed).toEqual(expected);
    console.log(`authorization matrix: ${cells} action cells`);
  });
});
