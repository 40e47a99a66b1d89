import { type DemoRole, expect, test } from "./fixtures";

const refused: [DemoRole, string][] = [
  ["employee", "/organization"],
  ["employee", "/team"],
  ["employee", "/admin"],
  ["manager", "/organization"],
  ["manager", "/admin"],
  ["leader", "/admin"],
  ["leader", "/team"],
];

for (const [role, path] of refused) {
  test(`the ${role} who types ${path} is refused`, async ({ pageAs }) => {
    const page = await pageAs(role);
    const response = await page.goto(path);
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "You don't have access to this page" })).toBeVisible();
  });
}

const adminPages = [
  "/admin/cycles",
  "/admin/cycles/1",
  "/admin/people",
  "/admin/people/1",
  "/admin/people/new",
  "/admin/teams",
  "/admin/import",
  "/admin/audit",
];

for (const role of ["employee", "manager"] as const) {
  test(`the ${role} is refused every admin page and action`, async ({ pageAs }) => {
    const page = await pageAs(role);
    for (const path of [...adminPages, "/organization/teams/1"]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(403);
    }
    const dryRun = await page.request.post("/api/admin/import?mode=dry-run", {
      data: "name,email,team,department,manager email\n",
    });
    expect(dryRun.status()).toBe(403);
    const apply = await page.request.post("/api/admin/import?mode=apply", {
      data: "name,email,team,department,manager email\nX,x@y.example,T,D,\n",
    });
    expect(apply.status()).toBe(403);
    const figures = await page.request.get("/api/export/organization");
    expect(figures.status()).toBe(403);
    // Their own assessments export, scoped to what they may see.
    const own = await page.request.get("/api/export/assessments");
    expect(own.status()).toBe(200);
    const emails = new Set(
      (await own.text())
        .trim()
        .split(/\r?\n/)
        .slice(1)
        .map((l) => l.split(",")[2]),
    );
    if (role === "employee") expect([...emails]).toEqual(["maya.chen@northwind.example"]);
    else expect(emails.size).toBeGreaterThan(1);
  });
}

test("a visitor who is not signed in is sent to the sign-in page", async ({ page }) => {
  await page.goto("/team");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fteam/);
  await expect(page.getByRole("heading", { name: "Sign in to Leverage Ladder" })).toBeVisible();
});

test("after signing in, the visitor returns to the page they asked for", async ({ page }) => {
  await page.goto("/organization");
  await expect(page).toHaveURL(/callbackUrl/);
  await page.getByLabel("Work email").fill("sam.taylor@northwind.example");
  await page.getByLabel("Password").fill("ladder-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/organization$/);
});
