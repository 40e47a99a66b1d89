import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { endSession, startSession } from "@/db/queries/sessions";
import { people } from "@/db/schema";
import { getCurrentActor } from "@/lib/dal";
import { createTestDatabase } from "./helpers/test-db";

// Auth.js's decryption of the cookie is the stand-in (counted); the session row and the person are real.
const request = vi.hoisted(() => ({ cookie: "", sessionId: null as string | null, decrypted: 0 }));
vi.mock("@/lib/auth", () => ({
  auth: async () => {
    request.decrypted++;
    return request.sessionId ? { sessionId: request.sessionId } : null;
  },
}));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ cookie: request.cookie }) }));

let testDb: Awaited<ReturnType<typeof createTestDatabase>>;
let personId = 0;

beforeAll(async () => {
  testDb = await createTestDatabase();
  const [row] = await testDb.db
    .insert(people)
    .values({ name: "Eli Employee", email: "eli@example.test", passwordHash: "-", appRole: "employee" })
    .returning({ id: people.id });
  personId = row!.id;
});
afterAll(() => testDb.dispose());

it("decrypts a session cookie once a minute, and still refuses its session once ended", async () => {
  const sessionId = await startSession({ personId });
  request.sessionId = sessionId;
  request.cookie = "authjs.csrf-token=abc; authjs.session-token=sealed-1";
  expect((await getCurrentActor())?.id).toBe(personId);
  expect((await getCurrentActor())?.id).toBe(personId);
  expect(request.decrypted).toBe(1);

  await endSession(sessionId, "sign_out");
  expect(await getCurrentActor()).toBeNull();
  expect(request.decrypted).toBe(1);

  // Another cookie is decrypted on its own; a request without a session cookie is never remembered.
  request.cookie = "authjs.session-token=sealed-2";
  request.sessionId = null;
  expect(await getCurrentActor()).toBeNull();
  expect(request.decrypted).toBe(2);
  request.cookie = "";
  request.sessionId = await startSession({ personId });
  expect((await getCurrentActor())?.id).toBe(personId);
  expect((await getCurrentActor())?.id).toBe(personId);
  expect(request.decrypted).toBe(4);
});
