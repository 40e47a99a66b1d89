import { expect, test } from "./fixtures";

// A POST to a page is a server action; the action id does not matter, the refusal comes first.
const actionHeaders = { "next-action": "0".repeat(42), "content-type": "text/plain;charset=UTF-8" };

test("a server action from another origin is refused, whatever X-Forwarded-Host claims", async ({ request }) => {
  const foreign: Record<string, string>[] = [
    { origin: "http://evil.example" },
    { origin: "null" },
    { origin: "http://evil.example", "x-forwarded-host": "evil.example" },
    {},
  ];
  for (const headers of foreign) {
    const response = await request.post("/login", { headers: { ...actionHeaders, ...headers }, data: "[]" });
    expect(response.status(), JSON.stringify(headers)).toBe(403);
  }
});

test("the import refuses a foreign origin and a text/plain body, even from an admin", async ({ adminPage }) => {
  const csv = "name,email,team,department,manager email\n";
  await adminPage.goto("/admin/import");
  const origin = new URL(adminPage.url()).origin;
  const foreign = await adminPage.request.post("/api/admin/import?mode=dry-run", {
    headers: { origin: "http://evil.example", "content-type": "text/csv" },
    data: csv,
  });
  expect(foreign.status()).toBe(403);
  const plain = await adminPage.request.post("/api/admin/import?mode=dry-run", {
    headers: { origin, "content-type": "text/plain" },
    data: csv,
  });
  expect(plain.status()).toBe(415);
  const fromTheApp = await adminPage.request.post("/api/admin/import?mode=dry-run", {
    headers: { origin, "content-type": "text/csv" },
    data: `${csv}Nia New,nia@northwind.example,Platform,Engineering,\n`,
  });
  expect(fromTheApp.status()).toBe(200);
});

test("an action called from the page with another origin is refused by the action itself, and saves nothing", async ({
  employeePage: page,
}) => {
  await page.goto("/me");
  const notes = page.getByRole("textbox", { name: /Notes and evidence/ });
  const before = await notes.inputValue();
  // The browser's own call (its Next-Action id, router state and body) sent on with a foreign Origin
  // and a Host forwarded to match it, which Next's own check accepts: such a POST skips the proxy, so
  // the refusal is refuseCrossOriginAction's.
  let nextAction: string | undefined;
  await page.route("**/me", async (route) => {
    if (route.request().method() !== "POST") return route.continue();
    nextAction = route.request().headers()["next-action"];
    const forged = { origin: "http://evil.example", "x-forwarded-host": "evil.example" };
    const response = await route.fetch({ headers: { ...route.request().headers(), ...forged } });
    return route.fulfill({ response });
  });
  await notes.fill("Forged from another origin");
  const [answer] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/me"),
    page.getByRole("button", { name: "Save draft" }).click(),
  ]);
  expect(nextAction).toBeTruthy();
  expect(answer.status()).toBe(403);
  await page.unrouteAll();
  await page.goto("/me");
  await expect(page.getByRole("textbox", { name: /Notes and evidence/ })).toHaveValue(before);
});
