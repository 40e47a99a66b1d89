import {
  getAccessFallbackHTTPStatus,
  isHTTPAccessFallbackError,
} from "next/dist/client/components/http-access-fallback/http-access-fallback";
import { isRedirectError } from "next/dist/client/components/redirect-error";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { startSession } from "@/db/queries/sessions";
import { people } from "@/db/schema";
import { ActionError, type ActionState } from "@/lib/action-state";
import { formAction } from "@/lib/actions";
import { AccessDeniedError, type Actor } from "@/lib/authz";
import { createTestDatabase } from "./helpers/test-db";

// The session is the one thing not real here: Auth.js reads it from a request cookie. Everything
// after it (the person re-read from the database, the role, zod, the handler) is the real path.
const session = vi.hoisted(() => ({ current: null as { sessionId: string } | null }));
vi.mock("@/lib/auth", () => ({ auth: async () => session.current }));
// The request's headers need Next's request scope; these carry no session cookie.
const request = vi.hoisted(() => ({ headers: new Headers() }));
vi.mock("next/headers", () => ({ headers: async () => request.headers }));
// next.config.mjs turns authInterrupts on for the app; forbidden() reads it from here.
process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = "true";

let testDb: Awaited<ReturnType<typeof createTestDatabase>>;
const ids: Record<"admin" | "employee" | "gone", number> = { admin: 0, employee: 0, gone: 0 };

beforeAll(async () => {
  testDb = await createTestDatabase();
  const rows = await testDb.db
    .insert(people)
    .values([
      { name: "Ada Admin", email: "ada@example.test", passwordHash: "-", appRole: "admin" as const },
      { name: "Eli Employee", email: "eli@example.test", passwordHash: "-", appRole: "employee" as const },
      { name: "Gus Gone", email: "gus@example.test", passwordHash: "-", appRole: "admin" as const, active: false },
    ])
    .returning({ id: people.id });
  [ids.admin, ids.employee, ids.gone] = rows.map((r) => r.id) as [number, number, number];
});
afterAll(() => testDb.dispose());
beforeEach(() => {
  session.current = null;
  request.headers = new Headers();
});

/** A real session row, as signing in makes one; only the cookie that names it is mocked. */
async function signedInAs(id: number) {
  session.current = { sessionId: await startSession({ personId: id }) };
}

type Values = { name: string; seats: string };
const schema = z.object({
  name: z.string().trim().min(1, "Give it a name."),
  seats: z.coerce.number().int("Seats are a whole number.").min(1, "At least one seat."),
});

function form(values: Partial<Values>) {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) data.set(key, value);
  return data;
}

/** An action for admins whose handler records what it was called with and does what it is told. */
function adminAction(
  behaviour: (input: z.output<typeof schema>, actor: Actor) => Promise<ActionState<Values> | undefined>,
) {
  const calls: { input: z.output<typeof schema>; actor: Actor }[] = [];
  const action = formAction({
    roles: ["admin"],
    schema,
    readValues: (formData): Values => ({
      name: String(formData.get("name") ?? ""),
      seats: String(formData.get("seats") ?? ""),
    }),
    handler: async (input, actor) => {
      calls.push({ input, actor });
      return behaviour(input, actor);
    },
  });
  return { action, calls };
}

const idle = { status: "idle" } as const;

describe("formAction: session → role → zod → handler", () => {
  it("sends a visitor without a session to the sign-in page before reading anything", async () => {
    const { action, calls } = adminAction(async () => undefined);
    const error = await action(idle, form({ name: "Room", seats: "4" })).catch((e: unknown) => e);
    expect(isRedirectError(error)).toBe(true);
    expect((error as { digest: string }).digest).toContain("/login");
    expect(calls).toEqual([]);
  });

  it("refuses an action called from another origin's page (Next-Action skips the proxy) before anything else", async () => {
    await signedInAs(ids.admin);
    const { action, calls } = adminAction(async () => undefined);
    const fromPage = { "next-action": "7f00", host: "app.example.test" };
    for (const origin of ["http://evil.example", "null", "http://app.example.test.evil.example"]) {
      request.headers = new Headers({ ...fromPage, origin });
      const error = await action(idle, form({ name: "Room", seats: "4" })).catch((e: unknown) => e);
      expect(isHTTPAccessFallbackError(error), origin).toBe(true);
      expect(getAccessFallbackHTTPStatus(error as Parameters<typeof getAccessFallbackHTTPStatus>[0])).toBe(403);
    }
    request.headers = new Headers(fromPage);
    expect(isHTTPAccessFallbackError(await action(idle, form({ name: "Room", seats: "4" })).catch((e) => e))).toBe(
      true,
    );
    expect(calls).toEqual([]);
    request.headers = new Headers({ ...fromPage, origin: "http://app.example.test" });
    expect(await action(idle, form({ name: "Room", seats: "4" }))).toMatchObject({ status: "success" });
    expect(calls).toHaveLength(1);
  });

  it("treats a session whose person is deactivated as no session", async () => {
    await signedInAs(ids.gone);
    const { action, calls } = adminAction(async () => undefined);
    const error = await action(idle, form({ name: "Room", seats: "4" })).catch((e: unknown) => e);
    expect(isRedirectError(error)).toBe(true);
    expect(calls).toEqual([]);
  });

  it("refuses a role the action is not for, echoing what was sent, without calling the handler", async () => {
    await signedInAs(ids.employee);
    const { action, calls } = adminAction(async () => undefined);
    expect(await action(idle, form({ name: "Room", seats: "4" }))).toEqual({
      status: "error",
      values: { name: "Room", seats: "4" },
      message: "You do not have access to this.",
    });
    expect(calls).toEqual([]);
  });

  it("answers invalid input with each field's messages keyed by field, and keeps what was typed", async () => {
    await signedInAs(ids.admin);
    const { action, calls } = adminAction(async () => undefined);
    expect(await action(idle, form({ name: "  ", seats: "2.5" }))).toEqual({
      status: "error",
      values: { name: "  ", seats: "2.5" },
      fieldErrors: { name: ["Give it a name."], seats: ["Seats are a whole number."] },
      message: "Some answers need attention.",
    });
    expect(calls).toEqual([]);
  });

  it("refuses a NUL character, which the database cannot store, by its field, before the handler", async () => {
    await signedInAs(ids.admin);
    const { action, calls } = adminAction(async () => undefined);
    expect(await action(idle, form({ name: "Ro\u0000om", seats: "4" }))).toEqual({
      status: "error",
      values: { name: "Ro\u0000om", seats: "4" },
      fieldErrors: { name: ["Remove the invisible control character (NUL) from this text."] },
      message: "Some answers need attention.",
    });
    expect(calls).toEqual([]);
  });

  it("keys nested fields by their dotted path and form-wide refusals by _form", async () => {
    await signedInAs(ids.admin);
    const nested = formAction({
      schema: z.object({ tasks: z.array(z.object({ text: z.string().min(1, "Describe the task.") })) }),
      readValues: () => ({ tasks: [{ text: "ok" }, { text: "" }] }),
      handler: async () => undefined,
    });
    expect((await nested(idle, new FormData())).fieldErrors).toEqual({ "tasks.1.text": ["Describe the task."] });
    const tooMany = formAction({
      schema: z.object({ tasks: z.array(z.string()) }).refine((v) => v.tasks.length <= 1, "One task at most."),
      readValues: () => ({ tasks: ["a", "b"] }),
      handler: async () => undefined,
    });
    expect((await tooMany(idle, new FormData())).fieldErrors).toEqual({ _form: ["One task at most."] });
  });

  it("gives the handler the parsed input and the actor from the database, and success by default", async () => {
    await signedInAs(ids.admin);
    const { action, calls } = adminAction(async () => undefined);
    expect(await action(idle, form({ name: " Room ", seats: "4" }))).toEqual({
      status: "success",
      values: { name: " Room ", seats: "4" },
    });
    expect(calls).toEqual([
      {
        input: { name: "Room", seats: 4 },
        actor: { id: ids.admin, name: "Ada Admin", email: "ada@example.test", role: "admin" },
      },
    ]);
  });

  it("returns the handler's own state when it gives one", async () => {
    await signedInAs(ids.admin);
    const { action } = adminAction(async (input) => ({ status: "success", message: `Saved ${input.name}.` }));
    expect(await action(idle, form({ name: "Room", seats: "4" }))).toEqual({
      status: "success",
      message: "Saved Room.",
    });
  });

  it("parses what toInput builds from the values, not the values themselves", async () => {
    await signedInAs(ids.admin);
    const action = formAction({
      schema: z.object({ seats: z.number().max(10, "Ten seats at most.") }),
      readValues: (formData) => ({ seats: String(formData.get("seats")) }),
      toInput: (values) => ({ seats: Number(values.seats) * 10 }),
      handler: async () => undefined,
    });
    expect(await action(idle, form({ seats: "2" }))).toMatchObject({
      status: "error",
      values: { seats: "2" },
      fieldErrors: { seats: ["Ten seats at most."] },
    });
  });

  it("shows a refusal the data layer raises, with its field errors", async () => {
    await signedInAs(ids.admin);
    const { action } = adminAction(async () => {
      throw new ActionError("That name is taken.", { name: ["Choose another name."] });
    });
    expect(await action(idle, form({ name: "Room", seats: "4" }))).toEqual({
      status: "error",
      values: { name: "Room", seats: "4" },
      message: "That name is taken.",
      fieldErrors: { name: ["Choose another name."] },
    });
  });

  it("shows the data layer's access refusal as a message", async () => {
    await signedInAs(ids.admin);
    const { action } = adminAction(async () => {
      throw new AccessDeniedError("You can only change your own teams.");
    });
    expect(await action(idle, form({ name: "Room", seats: "4" }))).toEqual({
      status: "error",
      values: { name: "Room", seats: "4" },
      message: "You can only change your own teams.",
    });
  });

  it("turns an unexpected failure into a calm message and logs it, keeping what was typed", async () => {
    await signedInAs(ids.admin);
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const { action } = adminAction(async () => {
      throw new Error("connection reset");
    });
    expect(await action(idle, form({ name: "Room", seats: "4" }))).toEqual({
      status: "error",
      values: { name: "Room", seats: "4" },
      message: "Something went wrong on our side and nothing was saved. Try again in a moment.",
    });
    expect(logged).toHaveBeenCalledWith("Form action failed", expect.objectContaining({ message: "connection reset" }));
    logged.mockRestore();
  });

  it("lets a redirect from the handler through, as Next needs to navigate", async () => {
    await signedInAs(ids.admin);
    const { redirect } = await import("next/navigation");
    const { action } = adminAction(async () => redirect("/admin/cycles/7"));
    const error = await action(idle, form({ name: "Room", seats: "4" })).catch((e: unknown) => e);
    expect(isRedirectError(error)).toBe(true);
    expect((error as { digest: string }).digest).toContain("/admin/cycles/7");
  });
});
