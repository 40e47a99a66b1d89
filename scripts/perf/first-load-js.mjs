// First-load JavaScript per page of the last `next build`, gzipped as it travels: the chunks Next
// lists for each route in .next/diagnostics/route-bundle-stats.json (chunks loaded later through
// next/dynamic, such as Chart.js, are not among them). Usage: npx next build && npm run perf:js
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";

const root = path.resolve(import.meta.dirname, "../..");
const statsFile = path.join(root, ".next/diagnostics/route-bundle-stats.json");
if (!fs.existsSync(statsFile)) {
  console.error("No build statistics: run `npx next build` first.");
  process.exit(1);
}
const gzipped = new Map();
const sizeOf = (chunk) => {
  if (!gzipped.has(chunk)) gzipped.set(chunk, zlib.gzipSync(fs.readFileSync(path.join(root, chunk))).length);
  return gzipped.get(chunk);
};
const rows = JSON.parse(fs.readFileSync(statsFile, "utf8"))
  .filter((r) => !r.route.startsWith("/api/") && !r.route.startsWith("/_"))
  .map((r) => ({ route: r.route, kib: r.firstLoadChunkPaths.reduce((sum, c) => sum + sizeOf(c), 0) / 1024 }))
  .sort((a, b) => b.kib - a.kib);
const width = Math.max(...rows.map((r) => r.route.length));
for (const { route, kib } of rows) console.log(`${route.padEnd(width)}  ${kib.toFixed(1).padStart(6)} KiB`);
