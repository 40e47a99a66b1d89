// Builds db/reference/ from the "GPTs are GPTs" data and Microsoft Research's "Working with AI" data
// (run once by a maintainer; the app never reads the source folders):
// `node scripts/build-reference.mjs ../shared/data/gpts-are-gpts ../shared/data/working-with-ai`.
import { createHash } from "node:crypto";
import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

const [source, workingWithAi] = process.argv.slice(2);
if (!source || !workingWithAi)
  throw new Error("usage: node scripts/build-reference.mjs <gpts-are-gpts folder> <working-with-ai folder>");
const out = path.join(process.cwd(), "db", "reference");

function parseCsvLine(line) {
  const cells = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      cells.push(cell);
      cell = "";
    } else cell += ch;
  }
  cells.push(cell);
  return cells;
}

const clean = (s) => s.replace(/[\t\r\n]+/g, " ").trim();
const exposure = { E0: "0", E1: "1", E2: "2" };
const taskType = { Core: "C", Supplemental: "S", "": "" };

const taskLines = readFileSync(path.join(source, "full_labelset.tsv"), "utf8").split("\n").filter(Boolean);
const head = taskLines[0].split("\t");
const col = (name) => {
  const i = head.indexOf(name);
  if (i < 0) throw new Error(`column ${name} missing`);
  return i;
};
const [cCode, cId, cTask, cType, cTitle, cHuman, cGpt4, cAuto] = [
  "O*NET-SOC Code",
  "Task ID",
  "Task",
  "Task Type",
  "Title",
  "human_exposure_agg",
  "gpt4_exposure",
  "gpt4_automation",
].map(col);

const tasks = taskLines.slice(1).map((line) => {
  const f = line.split("\t");
  const row = [
    f[cCode],
    String(Number(f[cId])),
    taskType[f[cType]],
    exposure[f[cHuman]],
    exposure[f[cGpt4]],
    f[cAuto].replace("T", ""),
    clean(f[cTask]),
  ];
  if (row.some((v) => v === undefined) || !/^\d{2}-\d{4}\.\d{2}$/.test(row[0])) throw new Error(`bad row: ${line}`);
  return { row, title: clean(f[cTitle]) };
});
tasks.sort((a, b) => a.row[0].localeCompare(b.row[0]) || Number(a.row[1]) - Number(b.row[1]));

const occLines = readFileSync(path.join(source, "occ_level.csv"), "utf8").split("\n").filter(Boolean);
const occHead = parseCsvLine(occLines[0]);
const oc = (name) => occHead.indexOf(name);
const occupations = occLines.slice(1).map((line) => {
  const f = parseCsvLine(line);
  return [f[oc("O*NET-SOC Code")], clean(f[oc("Title")]), f[oc("human_rating_beta")], f[oc("dv_rating_beta")]];
});
occupations.sort((a, b) => a[0].localeCompare(b[0]));

// "Working with AI": the occupation-level score and its user-goal and AI-action halves, per SOC 2018 code.
const readCsv = (name) => {
  const [header, ...lines] = readFileSync(path.join(workingWithAi, name), "utf8").split("\n").filter(Boolean);
  const names = parseCsvLine(header);
  return lines.map((line) => {
    const cells = parseCsvLine(line);
    return Object.fromEntries(names.map((n, i) => [n, cells[i]]));
  });
};
const scores = new Map(readCsv("soc_ai_applicability_scores.csv").map((r) => [r["SOC Code"], r]));
const applicability = readCsv("soc_metrics.csv").map((r) => {
  const score = scores.get(r["SOC Code"]);
  if (!score || !/^\d{2}-\d{4}$/.test(r["SOC Code"])) throw new Error(`bad SOC row: ${r["SOC Code"]}`);
  return [
    r["SOC Code"],
    clean(r.title),
    score.ai_applicability_score,
    r.ai_applicability_score_user,
    r.ai_applicability_score_ai,
  ];
});
if (applicability.length !== scores.size) throw new Error("soc_metrics.csv and soc_ai_applicability_scores.csv differ");
applicability.sort((a, b) => a[0].localeCompare(b[0]));

const files = {
  "occupations.tsv.gz": {
    columns: ["code", "title", "published_beta_human", "published_beta_gpt4"],
    rows: occupations,
  },
  "occupation-tasks.tsv.gz": {
    columns: ["code", "task_id", "task_type", "human_exposure", "gpt4_exposure", "gpt4_automation", "statement"],
    rows: tasks.map((t) => t.row),
  },
  "ai-applicability.tsv.gz": {
    columns: ["soc_code", "title", "score", "score_user", "score_ai"],
    rows: applicability,
  },
};

const manifest = {
  source:
    "openai/GPTs-are-GPTs @ 0471612 (full_labelset.tsv, occ_level.csv); microsoft/working-with-ai @ 84c4eba (soc_ai_applicability_scores.csv, soc_metrics.csv)",
  files: {},
};
for (const [name, { columns, rows }] of Object.entries(files)) {
  const text = `${[columns.join("\t"), ...rows.map((r) => r.join("\t"))].join("\n")}\n`;
  const gz = gzipSync(Buffer.from(text, "utf8"), { level: 9 });
  writeFileSync(path.join(out, name), gz);
  manifest.files[name] = { columns, rows: rows.length, sha256: createHash("sha256").update(gz).digest("hex") };
}
writeFileSync(path.join(out, "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`);
copyFileSync(path.join(source, "LICENSE"), path.join(out, "LICENSE-GPTs-are-GPTs.txt"));
copyFileSync(path.join(workingWithAi, "LICENSE.txt"), path.join(out, "LICENSE-Working-with-AI.txt"));
copyFileSync(path.join(workingWithAi, "NOTICE.md"), path.join(out, "NOTICE-Working-with-AI.md"));
console.log(JSON.stringify(manifest, null, 2));
