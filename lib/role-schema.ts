import { z } from "zod";
import { SHARE_KEYS } from "@/lib/ladder";
import {
  formatLimit,
  NAME_MAX,
  OCCUPATION_TASK_TEXT_MAX,
  ROLE_DESCRIPTION_MAX,
  ROLE_TASKS_MAX,
  TASK_TEXT_MAX,
} from "@/lib/limits";
import { recordId } from "@/lib/record-id";

// Zod compiles fast parsers with `new Function`, which the CSP forbids in the browser (proxy.ts).
z.config({ jitless: true });

const share = z.coerce
  .number({ error: "Enter a whole percent from 0 to 100." })
  .int("Enter a whole percent from 0 to 100.")
  .min(0, "Enter a whole percent from 0 to 100.")
  .max(100, "Enter a whole percent from 0 to 100.");

const roleTaskSchema = z.object({
  // Up to an O*NET statement's length here; saveRoleMapping holds typed tasks to TASK_TEXT_MAX.
  text: z
    .string()
    .trim()
    .min(1, "Describe the task, or remove it.")
    .max(OCCUPATION_TASK_TEXT_MAX, `Keep a task under ${TASK_TEXT_MAX} characters.`),
  level: z.coerce.number().int().min(1, "Choose a ladder level.").max(5, "Choose a ladder level."),
});

/** A role's mapping onto the ladder, as the role editor sends it and `saveRoleMapping` stores it. */
export const roleMappingSchema = z
  .object({
    roleId: recordId().nullable(),
    /** The version the editor started from: saving over a newer one is a conflict. */
    baseVersion: recordId().nullable(),
    teamId: recordId("Choose the team this role belongs to."),
    title: z
      .string()
      .trim()
      .min(1, "Give the role a title.")
      .max(NAME_MAX, `Keep the title under ${NAME_MAX} characters.`),
    description: z
      .string()
      .trim()
      .max(ROLE_DESCRIPTION_MAX, `Keep the description under ${formatLimit(ROLE_DESCRIPTION_MAX)} characters.`),
    s1: share,
    s2: share,
    s3: share,
    s4: share,
    s5: share,
    tasks: z
      .array(roleTaskSchema)
      .min(1, "Add at least one typical task and place it on a level.")
      .max(ROLE_TASKS_MAX, `A role has at most ${ROLE_TASKS_MAX} typical tasks.`),
  })
  .superRefine((value, ctx) => {
    const total = SHARE_KEYS.reduce((sum, k) => sum + (Number.isFinite(value[k]) ? value[k] : 0), 0);
    if (total !== 100) {
      ctx.addIssue({
        code: "custom",
        path: ["target"],
        message: `The target level mix must add up to 100% — it adds up to ${total}% now.`,
      });
    }
  });

export type RoleMappingInput = z.output<typeof roleMappingSchema>;

/** What the role editor holds and echoes back: strings as typed, so nothing is lost on an error. */
export type RoleEditorValues = {
  roleId: number | null;
  baseVersion: number | null;
  teamId: number | null;
  title: string;
  description: string;
  target: Record<(typeof SHARE_KEYS)[number], string>;
  tasks: { text: string; level: number }[];
};

export const emptyRoleEditorValues = (teamId: number | null): RoleEditorValues => ({
  roleId: null,
  baseVersion: null,
  teamId,
  title: "",
  description: "",
  target: { s1: "", s2: "", s3: "", s4: "", s5: "" },
  tasks: [],
});

/** The form's fields (`tasks.N.text`, `tasks.N.level`, `s1`…) back into editor values. */
export function readRoleEditorValues(formData: FormData): RoleEditorValues {
  const text = (name: string) => {
    const v = formData.get(name);
    return typeof v === "string" ? v : "";
  };
  const optionalId = (name: string) => {
    const n = Number(text(name));
    return Number.isInteger(n) && n > 0 ? n : null;
  };
  const tasks: RoleEditorValues["tasks"] = [];
  for (let i = 0; formData.has(`tasks.${i}.text`); i++) {
    tasks.push({ text: text(`tasks.${i}.text`), level: Number(text(`tasks.${i}.level`)) || 0 });
  }
  return {
    roleId: optionalId("roleId"),
    baseVersion: optionalId("baseVersion"),
    teamId: optionalId("teamId"),
    title: text("title"),
    description: text("description"),
    target: { s1: text("s1"), s2: text("s2"), s3: text("s3"), s4: text("s4"), s5: text("s5") },
    tasks,
  };
}

/** Editor values as the schema's input; a blank share counts as 0 (the total message says what is missing). */
export function roleEditorInput(values: RoleEditorValues) {
  return {
    roleId: values.roleId,
    baseVersion: values.baseVersion,
    teamId: values.teamId ?? 0,
    title: values.title,
    description: values.description,
    ...Object.fromEntries(SHARE_KEYS.map((k) => [k, values.target[k].trim() === "" ? 0 : values.target[k]])),
    tasks: values.tasks,
  };
}
