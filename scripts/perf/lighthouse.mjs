// Lighthouse (performance and accessibility) on the chart pages of a running server, signed in as
// the demo leader and manager. Lighthouse is fetched by npx, not a dependency of the app.
// Usage: BASE=http://localhost:3000 node scripts/perf/lighthouse.mjs [--mobile]
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium } from "@playwright/test";

const base = process.env.BASE ?? "http://localhost:3000";
const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const mobile = process.argv.includes("--mobile");
const pages = [
  ["priya.raman@northwind.example", "/organization"],
  ["daniel.okafor@northwind.example", "/team"],
];

async function sessionCookie(email) {
  const browser = await chromium.launch({ executablePath: chromiumPath, args: ["--no-sandbox", "--disable-gpu"] });
  const page = await browser.newPage();
  await page.goto(`${base}/login`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill("ladder-demo");
  await page.getByRole("button", { name: /sign in/i }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
  const cookies = await page.context().cookies();
  await browser.close();
  return cookies.map((c) => `${c.name}=${c.value}`).join("; ");
}

const out = fs.mkdtempSync(path.join(os.tmpdir(), "lighthouse-"));
for (const [email, pagePath] of pages) {
  const report = path.join(out, `${pagePath.replaceAll("/", "_")}.json`);
  execFileSync(
    "npx",
    [
      "--yes",
      "lighthouse@12.8.2",
      `${base}${pagePath}`,
      "--only-categories=performance,accessibility",
      ...(mobile ? [] : ["--preset=desktop"]),
      `--extra-headers=${JSON.stringify({ Cookie: await sessionCookie(email) })}`,
      "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-background-networking",
      "--output=json",
      `--output-path=${report}`,
      "--quiet",
    ],
    { stdio: "inherit", env: { ...process.env, CHROME_PATH: chromiumPath } },
  );
  const { categories, audits, environment } = JSON.parse(fs.readFileSync(report, "utf8"));
  const ms = (id) => `${Math.round(audits[id].numericValue)} ms`;
  // The longest task as Lighthouse counts it (the mobile preset's 4× slowdown included), with the
  // script it ran in; the benchmark index (Lighthouse's measure of the machine's speed during the run)
  // and the load average say how much of it the machine's other work made.
  const longest = (audits["long-tasks"].details?.items ?? []).toSorted((a, b) => b.duration - a.duration)[0];
  console.log(
    `${pagePath}: performance ${Math.round(categories.performance.score * 100)}, accessibility ${Math.round(categories.accessibility.score * 100)}` +
      ` (FCP ${ms("first-contentful-paint")}, LCP ${ms("largest-contentful-paint")}, TBT ${ms("total-blocking-time")}, CLS ${audits["cumulative-layout-shift"].numericValue.toFixed(3)};` +
      ` longest task ${longest ? `${Math.round(longest.duration)} ms in ${longest.url.split("/").pop()}` : "none"};` +
      ` benchmark index ${Math.round(environment.benchmarkIndex)}, load ${os.loadavg()[0].toFixed(1)}) ${report}`,
  );
}
