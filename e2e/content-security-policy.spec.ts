import { readdirSync } from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import { type DemoRole, expect, test } from "./fixtures";

/** Every page's URL pattern, read from app/ (route groups dropped), so a new page is visited too. */
const PAGE_PATTERNS = readdirSync(path.join(import.meta.dirname, "..", "app"), { recursive: true, encoding: "utf8" })
  .filter((file) => path.basename(file) === "page.tsx")
  .map(
    (file) =>
      `/${path
        .dirname(file)
        .split(path.sep)
        .filter((s) => s !== "." && !/^\(.*\)$/.test(s))
        .join("/")}`.replace(/\/$/, "") || "/",
  )
  .sort();

/** Records every CSP violation the page reports, from before its first script runs. */
async function watchViolations(page: Page) {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(`${page.url()}: ${message.text()}`);
  });
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) =>
      console.error(`Content Security Policy violation: ${event.violatedDirective} ${event.blockedURI}`),
    );
  });
  return violations;
}

/** A dynamic page's URL: the first link matching it on the nearest page above it. */
async function concreteUrl(page: Page, pattern: string): Promise<string | null> {
  if (!pattern.includes("[")) return pattern;
  const matcher = new RegExp(`^${pattern.replace(/\[[^\]]+\]/g, "[^/?#]+")}$`);
  const segments = pattern.split("/");
  for (let cut = segments.indexOf(segments.find((s) => s.startsWith("["))!); cut > 0; cut--) {
    const parent = segments.slice(0, cut).join("/") || "/";
    const response = await page.goto(parent);
    if (!response?.ok()) continue;
    const hrefs = await page.locator("a[href]").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
    const found = hrefs.map((href) => href.split(/[?#]/)[0]!).find((href) => matcher.test(href));
    if (found) return found;
  }
  return null;
}

for (const role of ["employee", "manager", "leader", "admin"] as DemoRole[]) {
  test(`every page opens for the ${role} under the CSP without a violation`, async ({ pageAs }) => {
    test.setTimeout(240_000);
    const page = await pageAs(role);
    const violations = await watchViolations(page);
    const visited: string[] = [];
    for (const pattern of PAGE_PATTERNS) {
      const url = await concreteUrl(page, pattern);
      if (!url) continue;
      const response = await page.goto(url);
      visited.push(`${url} ${response?.status()}`);
      const headers = response?.headers() ?? {};
      expect(headers["content-security-policy"], url).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
      expect(headers["content-security-policy"], url).toContain("frame-ancestors 'none'");
      expect(headers["x-frame-options"], url).toBe("DENY");
      expect(headers["x-content-type-options"], url).toBe("nosniff");
      expect(headers["referrer-policy"], url).toBe("strict-origin-when-cross-origin");
      // Over plain http no HSTS: it would pin the browser to an https the server does not speak.
      expect(headers["strict-transport-security"], url).toBeUndefined();
    }
    // Every static page; a dynamic one wherever the role has a link to it (the employee has none).
    expect(visited.length).toBeGreaterThanOrEqual(PAGE_PATTERNS.filter((p) => !p.includes("[")).length);
    expect(violations).toEqual([]);
  });
}

test("charts draw, a form saves and a PNG downloads under the CSP", async ({ leaderPage, employeePage }) => {
  const violations = [...(await watchViolations(leaderPage)), ...(await watchViolations(employeePage))];
  await leaderPage.goto("/organization");
  const canvas = leaderPage.locator("canvas").first();
  await expect(canvas).toBeVisible();
  // A drawn chart has pixels that are not transparent.
  await expect
    .poll(() =>
      canvas.evaluate((c: HTMLCanvasElement) => {
        const data = c.getContext("2d")?.getImageData(0, 0, c.width, c.height).data ?? [];
        return data.some((value, i) => i % 4 === 3 && value > 0);
      }),
    )
    .toBe(true);
  const download = leaderPage.waitForEvent("download");
  await leaderPage
    .getByRole("button", { name: /Download PNG/ })
    .first()
    .click();
  expect((await download).suggestedFilename()).toMatch(/\.png$/);

  // The self-assessment form's running total is client-side script: it only moves if React hydrated.
  await employeePage.goto("/me");
  const save = employeePage.getByRole("button", { name: /Save draft/ });
  await save.click();
  await expect(employeePage.getByText(/Draft saved at/)).toBeVisible();
  expect(violations).toEqual([]);
});
