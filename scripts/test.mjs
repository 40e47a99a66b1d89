// `npm test`: unit and data-layer tests (vitest), then end-to-end tests (Playwright in Chromium)
// against a production build. On PGlite by default; on PostgreSQL when DATABASE_URL is set.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { buildIsStale, nextBin, root } from "./lib.mjs";

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
const resultsDir = path.join(root, "test-results");
fs.mkdirSync(resultsDir, { recursive: true });
fs.mkdirSync(path.join(root, "data"), { recursive: true });
const driver = env.DATABASE_URL ? "PostgreSQL" : "PGlite";

function run(command, args, extraEnv = {}) {
  return spawnSync(command, args, { cwd: root, env: { ...env, ...extraEnv }, stdio: "inherit" }).status ?? 1;
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}

const totals = [];

console.log(`\n▶ Unit and data-layer tests on ${driver}`);
const unitFile = path.join(resultsDir, "unit-results.json");
fs.rmSync(unitFile, { force: true });
const unitStatus = run(path.join(root, "node_modules", ".bin", "vitest"), [
  "run",
  "--reporter=default",
  "--reporter=json",
  `--outputFile=${unitFile}`,
]);
const unit = readJson(unitFile);
totals.push({
  suite: "unit",
  passed: unit?.numPassedTests ?? 0,
  failed: unit ? unit.numFailedTests + (unitStatus !== 0 && unit.numFailedTests === 0 ? 1 : 0) : 1,
});

console.log(`\n▶ End-to-end tests in Chromium on ${driver}`);
let e2eFailedToStart = false;
if (buildIsStale()) {
  console.log("Building the app for the end-to-end tests…");
  if (run(nextBin, ["build"]) !== 0) e2eFailedToStart = true;
}
const e2eFile = path.join(resultsDir, "e2e-results.json");
fs.rmSync(e2eFile, { force: true });
let e2eStatus = 1;
const chromium = env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (!fs.existsSync(chromium)) {
  console.error(`Chromium is not at ${chromium}: install it (apt-get install -y chromium) or set CHROMIUM_PATH.`);
  e2eFailedToStart = true;
}
/** One Playwright run, on a PGlite folder of its own so a concurrent run's server never loses its database. */
function runPlaywright(args) {
  const dataDir = fs.mkdtempSync(path.join(root, "data", "e2e-"));
  try {
    return run(path.join(root, "node_modules", ".bin", "playwright"), ["test", ...args], { PGLITE_DATA_DIR: dataDir });
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.rmSync(`${dataDir}.lock`, { force: true });
  }
}

function e2eTotals(suite, file, status) {
  const results = readJson(file);
  const passed = (results?.stats?.expected ?? 0) + (results?.stats?.flaky ?? 0);
  const failed = results ? results.stats.unexpected + (status !== 0 && results.stats.unexpected === 0 ? 1 : 0) : 1;
  totals.push({ suite, passed, failed });
}

// Single sign-on needs a server configured with OIDC_* and its own identity providers.
const ssoFile = path.join(resultsDir, "e2e-sso-results.json");
fs.rmSync(ssoFile, { force: true });
let ssoStatus = 1;
if (!e2eFailedToStart) e2eStatus = runPlaywright([]);
e2eTotals("e2e", e2eFile, e2eStatus);
if (!e2eFailedToStart) {
  console.log(`\n▶ Single sign-on end-to-end tests in Chromium on ${driver}`);
  ssoStatus = runPlaywright(["-c", "playwright.sso.config.ts"]);
}
e2eTotals("e2e-sso", ssoFile, ssoStatus);

console.log("");
for (const t of totals) console.log(`${t.suite}: ${t.passed} passed, ${t.failed} failed`);
const passed = totals.reduce((n, t) => n + t.passed, 0);
const failed = totals.reduce((n, t) => n + t.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
