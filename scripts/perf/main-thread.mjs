// The browser's main-thread tasks while /organization and /team load, in CPU time (the trace's thread
// time), so the figures hold on a shared machine where Lighthouse's wall-clock tasks swell with the load.
// Each task is named by what took most of it: Layout, ParseHTML, EvaluateScript:<chunk> (a chunk's
// modules running), FunctionCall:<chunk> (React's scheduler: rendering, hydrating, committing, a chart
// drawing). Lighthouse's mobile preset multiplies each task by 4; a task blocks input beyond 50 ms.
// Usage: BASE=http://localhost:3000 node scripts/perf/main-thread.mjs [runs=3]
import os from "node:os";
import { chromium } from "@playwright/test";

const base = process.env.BASE ?? "http://localhost:3000";
const runs = Number(process.argv[2] ?? 3);
const pages = [
  ["priya.raman@northwind.example", "/organization"],
  ["daniel.okafor@northwind.example", "/team"],
];

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu"],
});
for (const [email, pagePath] of pages) {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 } });
  const page = await context.newPage();
  await page.goto(`${base}/login`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill("ladder-demo");
  await page.getByRole("button", { name: /sign in/i }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
  for (let run = 1; run <= runs; run++) {
    await page.goto("about:blank");
    const cdp = await context.newCDPSession(page);
    const events = [];
    cdp.on("Tracing.dataCollected", (data) => events.push(...data.value));
    const complete = new Promise((resolve) => cdp.once("Tracing.tracingComplete", resolve));
    await cdp.send("Tracing.start", {
      categories: "devtools.timeline,disabled-by-default-devtools.timeline",
      transferMode: "ReportEvents",
    });
    await page.goto(`${base}${pagePath}`, { waitUntil: "load" });
    await page.waitForTimeout(4000);
    await cdp.send("Tracing.end");
    await complete;
    await cdp.detach();
    const renderer = new Set(events.filter((e) => e.name === "ParseHTML").map((e) => e.pid));
    const thread = events.find(
      (e) => e.name === "thread_name" && e.args?.name === "CrRendererMain" && renderer.has(e.pid),
    );
    const onMain = events.filter((e) => e.pid === thread.pid && e.tid === thread.tid && e.ph === "X" && e.dur);
    const cpu = (e) => (e.tdur ?? e.dur) / 1000;
    const tasks = onMain
      .filter((e) => e.name === "RunTask" && cpu(e) > 1)
      .map((task) => {
        // What took most of the task, among the events directly inside it.
        const parts = new Map();
        let end = -1;
        const inside = onMain
          .filter((e) => e.name !== "RunTask" && e.ts >= task.ts && e.ts + e.dur <= task.ts + task.dur)
          .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
        for (const e of inside) {
          if (e.ts < end) continue;
          end = e.ts + e.dur;
          const url = e.args?.data?.url;
          const name = url && /Script|FunctionCall/.test(e.name) ? `${e.name}:${url.split("/").pop()}` : e.name;
          parts.set(name, (parts.get(name) ?? 0) + cpu(e));
        }
        return { ms: cpu(task), what: [...parts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? "other" };
      })
      .sort((a, b) => b.ms - a.ms);
    const react = tasks.filter((t) => t.what.startsWith("FunctionCall:"));
    const blocking = tasks.reduce((sum, t) => sum + Math.max(0, 4 * t.ms - 50), 0);
    console.log(
      `${pagePath} run ${run}: 4×CPU blocking ≈ ${Math.round(blocking)} ms (all tasks, FCP not subtracted);` +
        ` longest ${tasks
          .slice(0, 4)
          .map((t) => `${t.ms.toFixed(1)} ms ${t.what}`)
          .join(", ")};` +
        ` scheduler tasks ${react.length}, longest ${(react[0]?.ms ?? 0).toFixed(1)} ms` +
        ` (CPU ms; load ${os.loadavg()[0].toFixed(1)})`,
    );
  }
  await context.close();
}
await browser.close();
