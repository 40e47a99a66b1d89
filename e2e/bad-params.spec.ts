import { expect, test } from "./fixtures";

test("bad ids and filters answer 404 or a calm page, never 500", async ({ managerPage, adminPage }) => {
  let page = managerPage;
  for (const path of ["/team/review/99999999999", "/team/roles/2147483648", "/team/review/1e3", "/team/roles/-1"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
  }
  page = adminPage;
  for (const path of ["/admin/people/99999999999", "/admin/cycles/2147483648", "/organization/teams/2147483648"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
  }
  for (const query of [
    "from=2026-13-45",
    "to=2026-02-30",
    "before=99999999999999999999999",
    "action=%00",
    "actor=%00x",
    "target=%00",
  ]) {
    const response = await page.goto(`/admin/audit?${query}`);
    expect(response?.status(), query).toBe(200);
    await expect(page.getByRole("heading", { name: "Audit log" })).toBeVisible();
  }
  const people = await page.goto("/admin/people?page=99999999999999999999999");
  expect(people?.status()).toBe(200);
});

test("a leader's export with a department id out of range is a 400 with a message, not a broken stream", async ({
  leaderPage: page,
}) => {
  for (const path of ["/api/export/assessments", "/api/export/organization"]) {
    const response = await page.request.get(`${path}?department=99999999999`);
    expect(response.status(), path).toBe(400);
    expect(await response.text()).toMatch(/department/i);
  }
  const organization = await page.goto("/organization?department=99999999999");
  expect(organization?.status()).toBeLessThan(500);
});
