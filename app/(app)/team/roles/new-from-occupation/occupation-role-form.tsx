"use client";

import { useActionState, useMemo, useState } from "react";
import { LevelMixBar } from "@/components/level-mix-bar";
import type { ActionState } from "@/lib/action-state";
import {
  type AutomationLevel,
  aiExposure,
  automationLabelName,
  automationMeaning,
  type ExposureLabel,
  exposureLabelName,
  formatPercent,
  type LabelSource,
  type LadderLevel,
  LEVEL_RULE_TEXT,
  LEVELS,
  type LevelMix,
  mixFromTaskLevels,
  occupationBeta,
  representativeTaskIds,
  SHARE_KEYS,
  suggestedLevel,
} from "@/lib/ladder";
import { ROLE_TASKS_MAX } from "@/lib/role-schema";
import { createRoleFromOccupationAction, type RoleFromOccupationValues } from "./actions";

export type PickableTask = {
  id: number;
  statement: string;
  taskType: "core" | "supplemental" | null;
  humanExposure: ExposureLabel;
  gpt4Exposure: ExposureLabel;
  gpt4Automation: AutomationLevel;
};

type TaskState = { id: number; include: boolean; level: LadderLevel; touched: boolean };

const TYPE_NAMES = { core: "Core", supplemental: "Supplemental" } as const;

function labelOf(task: PickableTask, source: LabelSource) {
  return source === "human" ? task.humanExposure : task.gpt4Exposure;
}

export function OccupationRoleForm({
  occupation,
  tasks,
  teams,
}: {
  occupation: { code: string; title: string };
  tasks: PickableTask[];
  teams: { id: number; name: string }[];
}) {
  const [state, formAction, pending] = useActionState<ActionState<RoleFromOccupationValues>, FormData>(
    createRoleFromOccupationAction,
    { status: "idle" },
  );
  const [source, setSource] = useState<LabelSource>("human");
  const [title, setTitle] = useState(occupation.title);
  const [teamId, setTeamId] = useState(String(teams[0]?.id ?? ""));
  // Core (and untyped) tasks start ticked; past the most a role holds, those that keep the occupation's exposure mix.
  const [ticked] = useState(() =>
    representativeTaskIds(
      tasks.map((t) => ({ id: t.id, label: t.humanExposure, taskType: t.taskType })),
      ROLE_TASKS_MAX,
    ),
  );
  const [taskStates, setTaskStates] = useState<TaskState[]>(() =>
    tasks.map((t) => ({
      id: t.id,
      include: ticked.has(t.id),
      level: suggestedLevel({ exposure: t.humanExposure, automation: t.gpt4Automation, statement: t.statement }).level,
      touched: false,
    })),
  );
  const coreCount = tasks.filter((t) => t.taskType !== "supplemental").length;
  const [mixOverride, setMixOverride] = useState<Record<keyof LevelMix, string> | null>(null);

  const byId = useMemo(() => new Map(tasks.map((t) => [t.id, t])), [tasks]);
  const included = taskStates.filter((t) => t.include);
  const proposed = mixFromTaskLevels(included.map((t) => t.level));
  const mixText: Record<keyof LevelMix, string> =
    mixOverride ??
    (proposed
      ? { s1: `${proposed.s1}`, s2: `${proposed.s2}`, s3: `${proposed.s3}`, s4: `${proposed.s4}`, s5: `${proposed.s5}` }
      : { s1: "0", s2: "0", s3: "0", s4: "0", s5: "0" });
  const mixNumbers = Object.fromEntries(SHARE_KEYS.map((k) => [k, Number(mixText[k]) || 0])) as LevelMix;
  const mixTotal = SHARE_KEYS.reduce((sum, k) => sum + mixNumbers[k], 0);
  const errors = state.fieldErrors ?? {};

  function changeSource(next: LabelSource) {
    setSource(next);
    // Levels the manager has not touched follow the suggestion from the labels now shown.
    setTaskStates((current) =>
      current.map((t) => {
        const task = byId.get(t.id)!;
        return t.touched
          ? t
          : {
              ...t,
              level: suggestedLevel({
                exposure: labelOf(task, next),
                automation: task.gpt4Automation,
                statement: task.statement,
              }).level,
            };
      }),
    );
  }

  function updateTask(id: number, change: Partial<TaskState>) {
    setTaskStates((current) => current.map((t) => (t.id === id ? { ...t, ...change } : t)));
  }

  return (
    <form action={formAction} className="space-y-6" noValidate>
      <input type="hidden" name="occupationCode" value={occupation.code} />
      <input type="hidden" name="labelSource" value={source} />
      <div aria-live="polite">
        {state.status === "error" && state.message && (
          <p className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800 dark:border-red-900 dark:bg-red-950 dark:text-red-200">
            {state.message}
          </p>
        )}
      </div>

      <div className="grid gap-4 sm:grid-cols-2">
        <div>
          <label htmlFor="title" className="block text-sm font-medium">
            Role title
          </label>
          <input
            id="title"
            name="title"
            value={title}
            onChange={(e) => setTitle(e.target.value)}
            className="input mt-1"
            aria-invalid={Boolean(errors.title)}
            aria-describedby={errors.title ? "title-error" : undefined}
          />
          {errors.title && (
            <p id="title-error" className="mt-1 text-sm text-red-700 dark:text-red-300">
              {errors.title[0]}
            </p>
          )}
        </div>
        <div>
          <label htmlFor="teamId" className="block text-sm font-medium">
            Team
          </label>
          <select
            id="teamId"
            name="teamId"
            value={teamId}
            onChange={(e) => setTeamId(e.target.value)}
            className="input mt-1"
            aria-invalid={Boolean(errors.teamId)}
            aria-describedby={errors.teamId ? "teamId-error" : undefined}
          >
            {teams.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
          {errors.teamId && (
            <p id="teamId-error" className="mt-1 text-sm text-red-700 dark:text-red-300">
              {errors.teamId[0]}
            </p>
          )}
        </div>
      </div>

      <fieldset>
        <legend className="text-sm font-medium">Exposure labels shown</legend>
        <div className="mt-1 flex flex-wrap gap-4 text-sm">
          {(
            [
              ["human", "Annotators' (default)"],
              ["gpt4", "GPT-4's"],
            ] as const
          ).map(([value, label]) => (
            <label key={value} className="inline-flex items-center gap-2">
              <input
                type="radio"
                name="labelSourceChoice"
                value={value}
                checked={source === value}
                onChange={() => changeSource(value)}
              />
              {label}
            </label>
          ))}
        </div>
        <p className="text-muted mt-1 text-xs">
          E0 no exposure · E1 an LLM alone halves the task&apos;s time · E2 that needs software built on an LLM. T0–T4:
          how fully GPT-4 judged the task could be automated.
        </p>
      </fieldset>

      <fieldset>
        <legend className="text-sm font-medium">
          Tasks ({included.length} of {tasks.length} kept) — confirm or change each suggested level
        </legend>
        <p className="text-muted mt-1 text-xs" id="tasks-cap">
          A role holds at most {ROLE_TASKS_MAX} typical tasks.
          {coreCount > ROLE_TASKS_MAX &&
            ` This occupation has ${coreCount} Core (or untyped) tasks: the ${ROLE_TASKS_MAX} ticked are those chosen so their exposure mix matches the whole occupation's (beta ${formatPercent(occupationBeta(tasks.filter((t) => ticked.has(t.id)).map((t) => ({ label: t.humanExposure, taskType: t.taskType }))) * 100)} against ${formatPercent(occupationBeta(tasks.map((t) => ({ label: t.humanExposure, taskType: t.taskType }))) * 100)}) — swap in the ones that matter more to your role.`}
        </p>
        <p className="text-muted mt-1 text-xs" data-testid="level-rule">
          {LEVEL_RULE_TEXT}
        </p>
        {errors.tasks && <p className="mt-1 text-sm text-red-700 dark:text-red-300">{errors.tasks[0]}</p>}
        <ul className="mt-2 divide-y divide-[var(--line)]">
          {taskStates.map((t, index) => {
            const task = byId.get(t.id)!;
            const label = labelOf(task, source);
            const suggestion = suggestedLevel({
              exposure: label,
              automation: task.gpt4Automation,
              statement: task.statement,
            });
            const position = included.indexOf(t);
            return (
              <li key={t.id} className="py-3" data-testid="occupation-task">
                <div className="flex items-start gap-3">
                  <input
                    type="checkbox"
                    id={`include-${t.id}`}
                    checked={t.include}
                    disabled={!t.include && included.length >= ROLE_TASKS_MAX}
                    aria-describedby={!t.include && included.length >= ROLE_TASKS_MAX ? "tasks-cap" : undefined}
                    onChange={(e) => updateTask(t.id, { include: e.target.checked })}
                    className="mt-1 h-4 w-4"
                  />
                  <div className="min-w-0 flex-1 sm:flex sm:items-start sm:gap-3">
                    <div className="min-w-0 flex-1">
                      <label htmlFor={`include-${t.id}`} className="text-sm">
                        {task.statement}
                      </label>
                      <div className="mt-1 flex flex-wrap items-center gap-2 text-xs">
                        <span
                          className="rounded-full border border-line px-2 py-0.5 font-medium"
                          title="Exposure label"
                        >
                          {exposureLabelName(label)}
                        </span>
                        <span className="rounded-full border border-line px-2 py-0.5">
                          GPT-4 {automationLabelName(task.gpt4Automation)}: {automationMeaning(task.gpt4Automation)}
                        </span>
                        {task.taskType && <span className="text-muted">{TYPE_NAMES[task.taskType]}</span>}
                        <span className="text-muted">
                          Suggested: level {suggestion.level} ({suggestion.matched.join(", ")})
                        </span>
                      </div>
                    </div>
                    <div className="mt-2 w-full sm:mt-0 sm:w-60 sm:shrink-0">
                      <label htmlFor={`level-${t.id}`} className="sr-only">
                        Ladder level for task {index + 1}
                      </label>
                      <select
                        id={`level-${t.id}`}
                        value={t.level}
                        disabled={!t.include}
                        onChange={(e) =>
                          updateTask(t.id, { level: Number(e.target.value) as LadderLevel, touched: true })
                        }
                        className="input disabled:opacity-50"
                        aria-invalid={position >= 0 && Boolean(errors[`tasks.${position}.level`])}
                      >
                        {LEVELS.map((l) => (
                          <option key={l.level} value={l.level}>
                            {l.level} · {l.name}
                          </option>
                        ))}
                      </select>
                    </div>
                  </div>
                </div>
                {t.include && (
                  <>
                    <input type="hidden" name={`tasks.${position}.id`} value={t.id} />
                    <input type="hidden" name={`tasks.${position}.level`} value={t.level} />
                  </>
                )}
              </li>
            );
          })}
        </ul>
      </fieldset>

      <fieldset>
        <legend className="text-sm font-medium">Target level mix</legend>
        <p className="text-muted mt-1 text-xs">
          {mixOverride ? "Edited by you." : "Proposed from the kept tasks' levels: each level's share of the tasks."}{" "}
          Whole percents, summing to 100.
        </p>
        <div className="mt-2 grid grid-cols-5 gap-2">
          {LEVELS.map((l) => {
            const key = SHARE_KEYS[l.level - 1]!;
            return (
              <div key={key}>
                <label htmlFor={`mix-${key}`} className="block text-xs font-medium">
                  <span
                    className="mr-1 inline-block h-2 w-2 rounded-full"
                    style={{ background: l.color }}
                    aria-hidden="true"
                  />
                  L{l.level}
                  <span className="sr-only"> {l.name}</span>
                </label>
                <input
                  id={`mix-${key}`}
                  name={`mix.${key}`}
                  inputMode="numeric"
                  value={mixText[key]}
                  onChange={(e) => setMixOverride({ ...mixText, [key]: e.target.value })}
                  className="input mt-1 tabular-nums"
                  aria-invalid={Boolean(errors.mix || errors[`mix.${key}`])}
                  aria-describedby="mix-status"
                />
              </div>
            );
          })}
        </div>
        <div className="mt-2">
          <LevelMixBar mix={mixNumbers} label="Target level mix" />
        </div>
        <p id="mix-status" className="mt-1 text-sm" aria-live="polite">
          Total {mixTotal}%{mixTotal !== 100 ? " — must be exactly 100%" : ""} · AI exposure E ={" "}
          {formatPercent(aiExposure(mixNumbers))}
          {mixOverride && (
            <button type="button" className="ml-3 underline" onClick={() => setMixOverride(null)}>
              Use the proposed mix again
            </button>
          )}
        </p>
        {(errors.mix || SHARE_KEYS.some((k) => errors[`mix.${k}`])) && (
          <p className="mt-1 text-sm text-red-700 dark:text-red-300">
            {errors.mix?.[0] ?? SHARE_KEYS.map((k) => errors[`mix.${k}`]?.[0]).find(Boolean)}
          </p>
        )}
      </fieldset>

      <button
        type="submit"
        disabled={pending}
        className="rounded-md bg-[var(--color-accent)] px-4 py-2.5 text-sm font-semibold text-white hover:bg-[var(--color-accent-strong)] disabled:opacity-60"
      >
        {pending ? "Saving…" : "Save role"}
      </button>
    </form>
  );
}
