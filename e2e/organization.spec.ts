import fs from "node:fs";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

type ChartData = { labels: string[]; series: { label: string; values: (number | null)[] }[] };

async function chartData(page: Page, title: string): Promise<ChartData> {
  const raw = await page.locator(`[data-chart-title="${title}"]`).getAttribute("data-chart");
  return JSON.parse(raw!);
}

test("the leader reads every chart of the Organization page, with numbers matching the chart", async ({
  leaderPage: page,
}) => {
  await page.goto("/organization");
  for (const name of [
    "The organisation's level mix per quarter",
    "The organisation's durable capabilities per quarter",
    "Leverage index per team",
    "AI exposure per team",
    /Where each team's time sits, 2026 Q3/,
    "Movers",
    "Roles most exposed to AI",
    "Calibration: where managers and employees disagree",
  ]) {
    await expect(page.getByRole("heading", { name })).toBeVisible();
  }
  // Every chart is drawn on a canvas at a readable size, with a download button beside it, once it
  // comes into view (so each is scrolled to); the heatmap is a table of numbers instead, drawn on a
  // canvas only when downloaded.
  const frames = page.locator("[data-chart-title]");
  await expect(frames).toHaveCount(7);
  const heatmapTitle = "Team by level heatmap 2026 Q3";
  expect(await frames.evaluateAll((els) => els.map((e) => e.getAttribute("data-chart-title")))).toEqual([
    "Level mix per quarter",
    "Durable capabilities per quarter",
    "Leverage index per team",
    "AI exposure per team",
    heatmapTitle,
    "Change in leverage index per team",
    "Self versus manager gaps per team",
  ]);
  for (const frame of await frames.all()) {
    await frame.scrollIntoViewIfNeeded();
    await expect(frame.getByRole("button", { name: /^Download PNG/ })).toBeVisible();
    const canvas = frame.locator("canvas");
    if ((await frame.getAttribute("data-chart-title")) === heatmapTitle) {
      await expect(canvas).toHaveCount(0);
      await expect(frame.getByRole("table")).toBeVisible();
    } else {
      await expect(canvas).toHaveCount(1);
      await expect(canvas).toBeVisible();
      expect((await canvas.boundingBox())?.height ?? 0).toBeGreaterThan(150);
    }
  }

  // The level-mix table says what the chart draws.
  const mix = await chartData(page, "Level mix per quarter");
  expect(mix.labels).toHaveLength(8);
  const section = page
    .locator("section")
    .filter({ has: page.getByRole("heading", { name: "The organisation's level mix per quarter" }) });
  await section.getByText("Show the numbers").click();
  const table = page.getByRole("table", { name: "Level mix per quarter" });
  const rows = table.locator("tbody tr");
  await expect(rows).toHaveCount(8);
  for (let i = 0; i < 8; i++) {
    const cells = await rows.nth(i).locator("td").allTextContents();
    // Whole percents, as the brief has them everywhere, of the shares the chart draws.
    cells.slice(0, 5).forEach((cell, level) => {
      expect(cell).toMatch(/^\d+%$/);
      expect(Math.abs(Number(cell.replace("%", "")) - mix.series[level]!.values[i]!)).toBeLessThanOrEqual(0.5);
    });
  }

  // The capabilities: five lines on a 1–5 scale, their table saying the same to two decimals, the
  // movement signed, and one row per department.
  const caps = await chartData(page, "Durable capabilities per quarter");
  expect(caps.series.map((s) => s.label)).toEqual([
    "Contextual judgment",
    "Communication clarity",
    "Stakeholder management",
    "System-level thinking",
    "Responsibility for outcomes",
  ]);
  const capSection = page
    .locator("section")
    .filter({ has: page.getByRole("heading", { name: "The organisation's durable capabilities per quarter" }) });
  await capSection.getByText("Show the numbers").click();
  const capRows = page.getByRole("table", { name: "Durable capabilities per quarter" }).locator("tbody tr");
  await expect(capRows).toHaveCount(caps.labels.length);
  const lastCells = await capRows
    .nth(caps.labels.length - 1)
    .locator("td")
    .allTextContents();
  expect(lastCells.slice(0, 5)).toEqual(caps.series.map((s) => s.values.at(-1)!.toFixed(2)));
  const movement = page.getByRole("table", { name: /^Capability movement, / });
  await expect(movement.locator("tbody tr")).toHaveCount(5);
  for (const change of await movement.locator("tbody tr td:last-child").allTextContents())
    expect(change).toMatch(/^([+−]\d\.\d\d|0\.00)$/);
  await expect(
    page.getByRole("table", { name: /^Capabilities across the organisation, / }).getByRole("row", { name: /Finance/ }),
  ).toBeVisible();

  // The heatmap reads without colour: every cell shows its share as the chart holds it, and a team's
  // five shares, each rounded to a whole percent, add up to 100% within that rounding (±2).
  const heat = page.getByRole("table", { name: /share of time at each level, per team/ });
  const heatData = JSON.parse((await page.locator(`[data-chart-title="${heatmapTitle}"]`).getAttribute("data-chart"))!);
  const fpaRow = (heatData.labels as string[]).indexOf("FP&A");
  expect(fpaRow).toBeGreaterThanOrEqual(0);
  const fpa = (await heat.getByRole("row", { name: /FP&A/ }).locator("td").allTextContents()).map((t) =>
    Number(t.replace("%", "")),
  );
  expect(fpa).toEqual(heatData.values[fpaRow]);
  expect(Math.abs(fpa.reduce((a, b) => a + b, 0) - 100)).toBeLessThanOrEqual(2);

  // A PNG comes out of the download button, taller than the chart: its caption is drawn around it.
  const download = page.waitForEvent("download");
  const button = page.getByRole("button", { name: "Download PNG of Change in leverage index per team" });
  await button.click();
  const png = await download;
  expect(png.suggestedFilename()).toBe("change-in-leverage-index-per-team.png");
  const file = fs.readFileSync((await png.path())!);
  expect(file.subarray(1, 4).toString()).toBe("PNG");
  const [width, height] = [file.readUInt32BE(16), file.readUInt32BE(20)];
  const canvas = await page
    .locator('[data-chart-title="Change in leverage index per team"] canvas')
    .evaluate((c: HTMLCanvasElement) => ({ width: c.width, cssWidth: c.clientWidth, cssHeight: c.clientHeight }));
  // Drawn at 2 device pixels per CSS pixel whatever the screen (headless Chromium's is 1): the chart
  // and its 16-pixel margins twice over, the caption above and below; the page's chart is back at 1×.
  expect(width).toBe(2 * (canvas.cssWidth + 2 * 16));
  expect(height).toBeGreaterThan(2 * (canvas.cssHeight + 80));
  expect(canvas.width).toBe(canvas.cssWidth);
  fs.mkdirSync("screenshots", { recursive: true });
  fs.writeFileSync("screenshots/downloaded-chart.png", file);
  // What the PNG's caption says, as drawn: title, scope and basis, cycles, date, source.
  const drawn = (await button.getAttribute("data-downloaded"))!;
  expect(drawn.split(" ")[0]).toBe(`${width}x${height}`);
  const caption = JSON.parse(drawn.slice(drawn.indexOf(" ") + 1)) as string[];
  expect(caption[0]).toBe("Change in leverage index per team");
  expect(caption[1]).toMatch(/^All departments · best available .* · 2025 Q\d to 2026 Q\d$/);
  expect(caption[2]).toMatch(/^Downloaded \S+/);
  expect(caption[3]).toBe("Source: Leverage Ladder, Northwind, self and manager assessments.");

  // Drilling into a team opens its trends, read-only.
  await page
    .getByRole("table", { name: /Teams by leverage index/ })
    .getByRole("link", { name: "FP&A" })
    .click();
  await expect(page.getByRole("heading", { name: "FP&A", level: 1 })).toBeVisible();
  await expect(page.locator("main canvas").first()).toBeVisible();
  await expect(page.locator("main form")).toHaveCount(0);
});

test("charts far below the fold are drawn when they come into view, or at once for a PNG", async ({
  leaderPage: page,
}) => {
  await page.goto("/organization");
  const first = page.locator('[data-chart-title="Level mix per quarter"] canvas');
  await expect(first).toBeVisible();
  const gaps = page.locator('[data-chart-title="Self versus manager gaps per team"]');
  // Not drawn yet, but already described for a screen reader, in a box of the chart's size.
  await expect(gaps.locator("canvas")).toHaveCount(0);
  const pending = gaps.locator("[data-chart-pending]");
  await expect(pending).toHaveAttribute("role", "img");
  await expect(pending).toHaveAttribute("aria-label", /.+/);
  const box = (await pending.boundingBox())!;
  expect(box.height).toBeGreaterThan(150);
  // Its download, pressed without scrolling to it, draws it first and saves a PNG of the drawn chart.
  const download = page.waitForEvent("download");
  await gaps.getByRole("button", { name: /^Download PNG/ }).dispatchEvent("click");
  const png = fs.readFileSync((await (await download).path())!);
  expect(png.subarray(1, 4).toString()).toBe("PNG");
  expect(png.readUInt32BE(20)).toBeGreaterThan(2 * box.height); // the IHDR height: the chart at 2×, not an empty canvas
  expect(png.readUInt32BE(16)).toBe(2 * (Math.floor(box.width) + 2 * 16)); // the IHDR width: 2×
  await expect(gaps.locator("canvas")).toHaveCount(1);
  // The drawn canvas takes the box's place at the same size: nothing on the page moves.
  expect((await gaps.locator("canvas").boundingBox())?.height).toBeCloseTo(box.height, 0);

  // Another one draws by itself once scrolled near.
  const change = page.locator('[data-chart-title="Change in leverage index per team"]');
  await expect(change.locator("canvas")).toHaveCount(0);
  await change.scrollIntoViewIfNeeded();
  await expect(change.locator("canvas")).toBeVisible();
});

test("the leader filters by department and downloads the figures as CSV", async ({ leaderPage: page }) => {
  await page.goto("/organization");
  await page.getByLabel("Department").selectOption({ label: "Finance" });
  await page.getByLabel("From", { exact: true }).selectOption("2025 Q3");
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/department=\d+/);
  const index = await chartData(page, "Finance's leverage index per team");
  await expect(page.getByRole("heading", { name: "Finance's durable capabilities per quarter" })).toBeVisible();
  expect(
    JSON.parse(
      (await page.locator(`[data-chart-title="Finance's leverage index per team"]`).getAttribute("data-caption"))!,
    )[1],
  ).toMatch(/^Finance · best available .* · 2025 Q3 to /);
  await expect(page.getByRole("heading", { name: "Finance's level mix per quarter" })).toBeVisible();
  expect(index.series.map((s) => s.label).sort()).toEqual(["Accounts Payable", "FP&A"]);
  expect(index.labels[0]).toBe("2025 Q3");

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download figures (CSV)" }).click();
  const file = await download;
  const text = fs.readFileSync((await file.path())!, "utf8");
  const lines = text.trim().split(/\r?\n/);
  expect(lines[0]).toBe("section,cycle,group,department,metric,value");
  expect(lines.some((l) => l.startsWith("team trend,2025 Q3,FP&A,Finance,leverage index,"))).toBe(true);
  expect(lines.some((l) => l.includes("Customer Support"))).toBe(false);
  expect(
    lines.some((l) => /^capabilities,2025 Q3,Organisation,Finance,mean contextual judgment \(1–5\),\d\.\d\d$/.test(l)),
  ).toBe(true);
});

test("the leader reads the roles against the research: one sentence, a source to choose, a table, the department filter", async ({
  leaderPage: page,
}) => {
  await page.goto("/organization");
  const section = page.locator("section").filter({
    has: page.getByRole("heading", { name: "Roles' AI exposure against the published research" }),
  });
  await expect(section.getByTestId("research-summary")).toHaveText(/^Of \d+ linked roles, \d+ spend more time/);
  await expect(section.getByText(/Each point is a role linked to an O\*NET occupation/)).toBeHidden();
  // Scrolling the summary into view lays out the cards near it (content-visibility), which can move it
  // between Playwright's scroll and its click: the click is made again until the details are open.
  const howToRead = section.locator("details").filter({ hasText: "How to read this" });
  await expect(async () => {
    if (!(await howToRead.evaluate((d: HTMLDetailsElement) => d.open))) await howToRead.locator("summary").click();
    await expect(section.getByText(/Each point is a role linked to an O\*NET occupation/)).toBeVisible({
      timeout: 1000,
    });
  }).toPass();

  const table = section.getByRole("region", { name: "Roles against the chosen research source" });
  const allRows = await table.locator("tbody tr").count();
  expect(allRows).toBeGreaterThan(5);
  await expect(table.getByRole("row", { name: /Financial Analyst/ })).toBeVisible();
  await expect(table.getByRole("columnheader", { name: "Beta (annotators)" })).toBeVisible();
  await section.getByLabel("AI applicability from real Copilot use (Tomlinson et al. 2025)").check();
  await expect(table.getByRole("columnheader", { name: "AI applicability" })).toBeVisible();
  await expect(section.getByTestId("research-summary")).toContainText(
    "than their occupation's measured AI use suggests",
  );
  await expect(section.getByText(/Tomlinson et al\. 2025, Working with AI/)).toBeVisible();

  // The department filter narrows the research view too.
  await page.getByLabel("Department").selectOption({ label: "Finance" });
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/department=\d+/);
  const financeRows = await table.locator("tbody tr").count();
  expect(financeRows).toBeGreaterThan(0);
  expect(financeRows).toBeLessThan(allRows);
  await expect(table.getByRole("row", { name: /Customer Support/ })).toHaveCount(0);
});

test("the printed Organization page has every chart drawn, a page wide, and none of the app's controls", async ({
  leaderPage: page,
}) => {
  await page.goto("/organization");
  await expect(page.locator('[data-chart-title="Level mix per quarter"] canvas')).toBeVisible();
  // Charts below the fold are not drawn yet on screen.
  expect(await page.locator("[data-chart-pending]").count()).toBeGreaterThan(0);

  // What the browser does when the page is printed: the beforeprint event, then the print layout.
  await page.emulateMedia({ media: "print" });
  await page.evaluate(() => window.dispatchEvent(new Event("beforeprint")));
  await expect(page.locator("[data-chart-pending]")).toHaveCount(0);
  const printed = await page.locator("[data-chart-title] canvas").evaluateAll((canvases) =>
    (canvases as HTMLCanvasElement[]).map((c) => {
      const pixels = c.getContext("2d")!.getImageData(0, 0, c.width, c.height).data;
      let inked = 0;
      for (let i = 3; i < pixels.length; i += 4) if (pixels[i]! > 0) inked++;
      return { cssWidth: c.getBoundingClientRect().width, width: c.width, inked };
    }),
  );
  // Every chart but the heatmap (a table) is drawn, with ink on it, at most a page wide and at 2×.
  expect(printed).toHaveLength(6);
  for (const chart of printed) {
    expect(chart.inked).toBeGreaterThan(1000);
    expect(chart.cssWidth).toBeLessThanOrEqual(640);
    expect(chart.width).toBe(2 * Math.round(chart.cssWidth));
  }
  // No navigation, filters or buttons on paper; the filters' choice is said in words instead.
  const controls = [
    page.locator('nav[aria-label="Main"]'),
    page.locator("header form").filter({ hasText: "Sign out" }),
    page.locator('section[aria-label="Filters and downloads"]'),
  ];
  for (const control of controls) {
    await expect(control).toHaveCount(1);
    await expect(control).toBeHidden();
  }
  // Hidden buttons leave the accessibility tree: none is there on paper, all seven are on screen (below).
  await expect(page.getByRole("button", { name: /^Download PNG/ })).toHaveCount(0);
  await expect(page.getByText(/^All departments · best available .* · 2025 Q\d to 2026 Q\d\. Source: /)).toBeVisible();
  fs.mkdirSync("screenshots", { recursive: true });
  fs.writeFileSync("screenshots/organization-printed.pdf", await page.pdf({ format: "A4", printBackground: true }));

  // Back on screen, the charts are drawn at the screen's size again.
  await page.evaluate(() => window.dispatchEvent(new Event("afterprint")));
  await page.emulateMedia({ media: "screen" });
  const first = page.locator('[data-chart-title="Level mix per quarter"] canvas');
  await expect.poll(() => first.evaluate((c: HTMLCanvasElement) => c.width === c.clientWidth)).toBe(true);
  expect((await first.boundingBox())!.width).toBeGreaterThan(640);
  await expect(page.getByRole("button", { name: /^Download PNG/ })).toHaveCount(7);
  for (const control of controls) await expect(control).toBeVisible();
});

test("'Print or save as PDF' prints every chart even when none has been in view yet", async ({ leaderPage: page }) => {
  // A screen so short that no chart comes near it: Chart.js has not even been loaded.
  await page.setViewportSize({ width: 1280, height: 360 });
  await page.goto("/organization");
  await expect(page.getByRole("button", { name: "Print or save as PDF" })).toBeVisible();
  // The seven charts: six in frames with a download, and the research scatter.
  await expect(page.locator("[data-chart-pending]")).toHaveCount(7);
  // Printed now with the browser's own command, a chart's empty box would say why, on paper only.
  const why = page.locator("[data-chart-pending]").first().getByText("Not drawn when printed");
  await expect(why).toBeHidden();
  await page.emulateMedia({ media: "print" });
  await expect(why).toBeVisible();
  await page.emulateMedia({ media: "screen" });
  await page.evaluate(() => {
    window.print = () => {
      document.body.dataset.printAsked = "yes";
    };
  });
  await page.getByRole("button", { name: "Print or save as PDF" }).click();
  await expect(page.locator("body")).toHaveAttribute("data-print-asked", "yes");
  // The browser's print then sends beforeprint: every chart is drawn at once, with ink on it.
  await page.emulateMedia({ media: "print" });
  await page.evaluate(() => window.dispatchEvent(new Event("beforeprint")));
  const inked = await page.locator("[data-chart-title] canvas").evaluateAll((canvases) =>
    (canvases as HTMLCanvasElement[]).map((c) => {
      const pixels = c.getContext("2d")!.getImageData(0, 0, c.width, c.height).data;
      let n = 0;
      for (let i = 3; i < pixels.length; i += 4) if (pixels[i]! > 0) n++;
      return n;
    }),
  );
  expect(inked).toHaveLength(6);
  for (const n of inked) expect(n).toBeGreaterThan(1000);
  await expect(page.locator("[data-chart-pending]")).toHaveCount(0);
  await expect(page.locator("canvas")).toHaveCount(7);
});
