import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { startSession } from "@/db/queries/sessions";
import { people } from "@/db/schema";
import { appFiles, importAppFile } from "./helpers/app-routes";
import { createTestDatabase } from "./helpers/test-db";

// The session and Auth.js's own handlers are stubbed: what is under test is the refusal in front of them.
const session = vi.hoisted(() => ({ current: null as { sessionId: string } | null, authCalls: 0 }));
vi.mock("@/lib/auth", () => {
  const reached = async () => {
    session.authCalls++;
    return new Response("reached", { status: 200 });
  };
  return { auth: async () => session.current, handlers: { GET: reached, POST: reached } };
});
// Called outside Next's request scope, the session lookup reads no cookie header.
vi.mock("next/headers", () => ({ headers: async () => new Headers() }));

const STATE_CHANGING = ["POST", "PUT", "PATCH", "DELETE"] as const;

/** The media type each state-changing route handler accepts: a handler without a row fails the test. */
const EXPECTED_CONTENT_TYPE: Record<string, Partial<Record<(typeof STATE_CHANGING)[number], string>>> = {
  "app/api/admin/import/route.ts": { POST: "text/csv" },
  "app/api/auth/[...nextauth]/route.ts": { POST: "application/x-www-form-urlencoded" },
};

type Handler = (request: Request, context: unknown) => Promise<Response>;

let testDb: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  testDb = await createTestDatabase();
  const [admin] = await testDb.db
    .insert(people)
    .values({ name: "Ada Admin", email: "ada@example.test", passwordHash: "-", appRole: "admin" })
    .returning({ id: people.id });
  session.current = { sessionId: await startSession({ personId: admin!.id }) };
});
afterAll(() => testDb.dispose());
afterEach(() => vi.unstubAllEnvs());

const csv = "name,email,team,department,manager email\nEve Evil,ada@example.test,T,D,\n";

function post(url: string, headers: Record<string, string>, body = csv) {
  return new Request(new URL(url, "http://app.example:3000"), { method: "POST", headers, body });
}

async function stateChangingHandlers() {
  const found: { file: string; method: (typeof STATE_CHANGING)[number]; handler: Handler }[] = [];
  for (const file of appFiles("route.ts")) {
    const module = await importAppFile(file);
    for (const method of STATE_CHANGING) {
      if (typeof module[method] === "function") found.push({ file, method, handler: module[method] as Handler });
    }
  }
  return found;
}

describe("state-changing route handlers refuse cross-origin requests", () => {
  it("has a row for every state-changing handler in app/", async () => {
    const found = await stateChangingHandlers();
    expect(found.length).toBeGreaterThan(0);
    for (const { file, method } of found)
      expect(EXPECTED_CONTENT_TYPE[file]?.[method], `${method} ${file}`).toBeTruthy();
  });

  it("refuses a foreign, a null or a missing Origin with 403, and another media type with 415", async () => {
    const found = await stateChangingHandlers();
    for (const { file, method, handler } of found) {
      const type = EXPECTED_CONTENT_TYPE[file]![method]!;
      const url = "/api/admin/import?mode=apply";
      const cases: [Record<string, string>, number][] = [
        [{ host: "app.example:3000", origin: "http://evil.example", "content-type": type }, 403],
        [{ host: "app.example:3000", origin: "null", "content-type": type }, 403],
        [{ host: "app.example:3000", "content-type": type }, 403],
        [{ host: "app.example:3000", origin: "http://evil.example", "content-type": "text/plain" }, 403],
        // A forwarded host is not the host the request was sent to.
        [
          {
            host: "app.example:3000",
            "x-forwarded-host": "evil.example",
            origin: "http://evil.example",
            "content-type": type,
          },
          403,
        ],
        [{ host: "app.example:3000", origin: "http://app.example:3000", "content-type": "text/plain" }, 415],
      ];
      for (const [headers, status] of cases) {
        const response = await handler(post(url, headers), { params: Promise.resolve({ nextauth: ["signout"] }) });
        expect(response.status, `${method} ${file} ${JSON.stringify(headers)}`).toBe(status);
      }
    }
    expect(session.authCalls).toBe(0);
    const rows = await testDb.db.select().from(people);
    expect(rows.map((r) => r.name)).toEqual(["Ada Admin"]);
  });

  it("lets the app's own origin through, and only the configured origins once APP_URL is set", async () => {
    const { POST } = (await importAppFile("app/api/admin/import/route.ts")) as { POST: Handler };
    const own = { host: "app.example:3000", origin: "http://app.example:3000", "content-type": "text/csv" };
    expect((await POST(post("/api/admin/import?mode=dry-run", own), {})).status).toBe(200);

    vi.stubEnv("APP_URL", "https://ladder.example.com/some/path");
    vi.stubEnv("ALLOWED_ORIGINS", "https://ladder-admin.example.com");
    expect((await POST(post("/api/admin/import?mode=dry-run", own), {})).status).toBe(403);
    for (const origin of ["https://ladder.example.com", "https://ladder-admin.example.com"]) {
      const response = await POST(post("/api/admin/import?mode=dry-run", { ...own, origin }), {});
      expect(response.status, origin).toBe(200);
    }
  });
});
