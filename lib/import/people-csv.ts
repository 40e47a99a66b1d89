import Papa from "papaparse";
import { type AppRole, appRole } from "@/db/schema";
import { EMAIL_MAX, NAME_MAX } from "@/lib/limits";

/** The columns a people-and-teams file must have, by their normalised header. */
const IMPORT_COLUMNS = ["name", "email", "team", "department", "manager_email", "role"] as const;
type Column = (typeof IMPORT_COLUMNS)[number];
/** Role may be left out: new people then join as employees and existing people keep theirs. */
const REQUIRED_COLUMNS: readonly Column[] = ["name", "email", "team", "department", "manager_email"];

export const IMPORT_TEMPLATE = "name,email,team,department,manager email,role\n";

const EMAIL = /^[^\s@,;<>()"]+@[^\s@,;<>()"]+\.[^\s@,;<>()"]+$/;

export type ImportSnapshot = {
  people: Map<string, { id: number; name: string; role: AppRole; active: boolean; teamId: number | null }>;
  teams: Map<string, { id: number; name: string; departmentId: number; managerId: number | null }>;
  departments: Map<string, { id: number; name: string }>;
  /** Person id → email, to name current managers. */
  emailsById: Map<number, string>;
  /** The admin running the import: the file cannot take the admin role from them. */
  importerEmail?: string;
};

export type RowOutcome = "create" | "change" | "unchanged" | "reject";

export type PlannedRow = {
  line: number;
  name: string;
  email: string;
  team: string;
  department: string;
  managerEmail: string;
  role: AppRole | null;
  outcome: RowOutcome;
  /** Why a row is rejected, or what changes. */
  notes: string[];
};

export type ImportPlan = {
  missingColumns: string[];
  rows: PlannedRow[];
  counts: Record<RowOutcome, number>;
  newTeams: { name: string; department: string }[];
  newDepartments: string[];
  /** Team (lower-cased name) → manager email, for teams whose manager the file sets or changes. */
  managerChanges: Map<string, string>;
};

/** What the dry run sends the browser: the plan without the map only applying needs, and the row count before trimming. */
export type DryRunPlan = Omit<ImportPlan, "managerChanges"> & { total: number };

function normaliseHeader(header: string) {
  return header
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "_")
    .replace(/^manageremail$/, "manager_email");
}

const key = (s: string) => s.trim().toLowerCase();

/** Parses a people-and-teams CSV and decides, row by row, what applying it would do. Writes nothing. */
export function planImport(text: string, snapshot: ImportSnapshot): ImportPlan {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ""), {
    header: true,
    skipEmptyLines: "greedy",
    transformHeader: normaliseHeader,
  });
  const headers = parsed.meta.fields ?? [];
  const missingColumns = REQUIRED_COLUMNS.filter((c) => !headers.includes(c)).map((c) => c.replace("_", " "));
  const plan: ImportPlan = {
    missingColumns,
    rows: [],
    counts: { create: 0, change: 0, unchanged: 0, reject: 0 },
    newTeams: [],
    newDepartments: [],
    managerChanges: new Map(),
  };
  if (missingColumns.length > 0) return plan;

  const malformedRows = new Map<number, string>();
  for (const error of parsed.errors) {
    if (error.row !== undefined && error.code !== "UndetectableDelimiter") malformedRows.set(error.row, error.message);
  }

  const seenEmails = new Map<string, number>();
  const teamDepartment = new Map<string, { department: string; line: number }>();
  const rows: PlannedRow[] = parsed.data.map((record, index) => {
    const value = (c: Column) => (record[c] ?? "").trim();
    const row: PlannedRow = {
      line: index + 2,
      name: value("name"),
      email: value("email").toLowerCase(),
      team: value("team"),
      department: value("department"),
      managerEmail: value("manager_email").toLowerCase(),
      role: null,
      outcome: "create",
      notes: [],
    };
    const reject = (reason: string) => {
      row.outcome = "reject";
      row.notes.push(reason);
    };
    if (malformedRows.has(index)) reject(`Malformed row: ${malformedRows.get(index)}.`);
    for (const c of ["name", "email", "team", "department"] as const) if (!value(c)) reject(`Missing ${c}.`);
    if (row.name.length > NAME_MAX) reject(`Name is longer than ${NAME_MAX} characters.`);
    if (row.team.length > NAME_MAX || row.department.length > NAME_MAX)
      reject(`Team and department names are at most ${NAME_MAX} characters.`);
    if (row.email && (!EMAIL.test(row.email) || row.email.length > EMAIL_MAX))
      reject(`Malformed email "${row.email}".`);
    if (row.managerEmail && !EMAIL.test(row.managerEmail)) reject(`Malformed manager email "${row.managerEmail}".`);
    const role = value("role").toLowerCase();
    if (role) {
      if ((appRole.enumValues as readonly string[]).includes(role)) row.role = role as AppRole;
      else reject(`Unknown role "${value("role")}" (use ${appRole.enumValues.join(", ")}).`);
    }
    if (row.role && row.role !== "admin" && row.email === snapshot.importerEmail)
      reject("You cannot take the admin role from yourself: another admin must change your role.");
    if (row.email && EMAIL.test(row.email)) {
      const first = seenEmails.get(row.email);
      if (first !== undefined) reject(`Duplicate email: already on line ${first}.`);
      else seenEmails.set(row.email, row.line);
    }
    if (row.team && row.department) {
      const existing = snapshot.teams.get(key(row.team));
      const department = existing
        ? [...snapshot.departments.values()].find((d) => d.id === existing.departmentId)?.name
        : undefined;
      if (department && key(department) !== key(row.department))
        reject(`Team ${existing!.name} is in ${department}, not ${row.department}.`);
      const earlier = teamDepartment.get(key(row.team));
      if (!existing && earlier && key(earlier.department) !== key(row.department)) {
        reject(`Team ${row.team} is given department ${earlier.department} on line ${earlier.line}.`);
      } else if (!existing && !earlier && row.outcome !== "reject") {
        teamDepartment.set(key(row.team), { department: row.department, line: row.line });
      }
    }
    return row;
  });

  // Managers must exist: already in the organisation (and active) or on an accepted row of this
  // file. Rejecting a row can orphan rows naming it as manager, so repeat until nothing changes.
  const teamManager = new Map<string, { email: string; line: number }>();
  for (let changed = true; changed; ) {
    changed = false;
    const accepted = new Set(rows.filter((r) => r.outcome !== "reject").map((r) => r.email));
    teamManager.clear();
    for (const row of rows) {
      if (row.outcome === "reject" || !row.managerEmail) continue;
      const known = snapshot.people.get(row.managerEmail);
      let reason: string | null = null;
      if (!accepted.has(row.managerEmail) && !known?.active) {
        reason = known
          ? `Manager ${row.managerEmail} is deactivated.`
          : `Unknown manager ${row.managerEmail}: not in the organisation or on an accepted row.`;
      } else {
        const earlier = teamManager.get(key(row.team));
        if (earlier && earlier.email !== row.managerEmail)
          reason = `Team ${row.team} already has manager ${earlier.email} on line ${earlier.line}.`;
        else if (!earlier) teamManager.set(key(row.team), { email: row.managerEmail, line: row.line });
      }
      if (reason) {
        row.outcome = "reject";
        row.notes.push(reason);
        changed = true;
      }
    }
  }

  const newTeams = new Map<string, { name: string; department: string }>();
  const newDepartments = new Map<string, string>();
  for (const row of rows) {
    if (row.outcome === "reject") continue;
    const existingTeam = snapshot.teams.get(key(row.team));
    if (!existingTeam && !newTeams.has(key(row.team))) {
      newTeams.set(key(row.team), { name: row.team, department: row.department });
      if (!snapshot.departments.has(key(row.department)) && !newDepartments.has(key(row.department)))
        newDepartments.set(key(row.department), row.department);
    }
    const person = snapshot.people.get(row.email);
    if (!person) {
      row.outcome = "create";
      row.notes.push(
        `New person in ${existingTeam ? existingTeam.name : `new team ${row.team}`}${row.role && row.role !== "employee" ? ` as ${row.role}` : ""}.`,
      );
    } else {
      if (person.name !== row.name) row.notes.push(`Name: ${person.name} → ${row.name}.`);
      if (row.role && person.role !== row.role) row.notes.push(`Role: ${person.role} → ${row.role}.`);
      if (!existingTeam || person.teamId !== existingTeam.id)
        row.notes.push(`Moves to ${existingTeam?.name ?? row.team}.`);
      if (!person.active) row.notes.push("Deactivated: stays deactivated (re-activate on their page).");
      row.outcome = row.notes.some((n) => !n.startsWith("Deactivated")) ? "change" : "unchanged";
    }
    const manager = teamManager.get(key(row.team));
    if (manager?.line === row.line) {
      const currentEmail = existingTeam?.managerId ? snapshot.emailsById.get(existingTeam.managerId) : undefined;
      if (currentEmail !== row.managerEmail) {
        plan.managerChanges.set(key(row.team), row.managerEmail);
        row.notes.push(
          `${existingTeam ? existingTeam.name : row.team}'s manager: ${currentEmail ?? "none"} → ${row.managerEmail}.`,
        );
        if (row.outcome === "unchanged") row.outcome = "change";
      }
    }
  }
  for (const row of rows) plan.counts[row.outcome]++;
  plan.rows = rows;
  plan.newTeams = [...newTeams.values()];
  plan.newDepartments = [...newDepartments.values()];
  return plan;
}
