"use client";

import Link from "next/link";
import { useActionState, useEffect, useRef, useState } from "react";
import { ExposureBadge } from "@/components/exposure-badge";
import { LevelMixBar } from "@/components/level-mix-bar";
import type { ActionState } from "@/lib/action-state";
import {
  aiExposure,
  exposureClass,
  formatIndex,
  formatPercent,
  LEVELS,
  type LevelMix,
  leverageIndex,
  SHARE_KEYS,
} from "@/lib/ladder";
import { OCCUPATION_TASK_TEXT_MAX, ROLE_TASK_TEXT_MAX } from "@/lib/limits";
import { ROLE_TASKS_MAX, type RoleEditorValues } from "@/lib/role-schema";

export type RoleEditorAction = (
  state: ActionState<RoleEditorValues>,
  formData: FormData,
) => Promise<ActionState<RoleEditorValues>>;

type Task = RoleEditorValues["tasks"][number] & { key: number };

function toNumber(value: string) {
  const n = Number(value);
  return value.trim() === "" || !Number.isFinite(n) ? 0 : n;
}

function ErrorText({ id, messages }: { id: string; messages?: string[] }) {
  if (!messages?.length) return null;
  return (
    <p id={id} className="mt-1 text-sm text-red-700 dark:text-red-400">
      {messages.join(" ")}
    </p>
  );
}

/**
 * A role's mapping onto the ladder: title, description, target level mix and typical tasks placed
 * on levels (drag a task's handle to another level column, or choose its level from the list).
 * Pre-filled from `initial`, so a new role can start from an existing one or a reference occupation.
 */
export function RoleEditor({
  initial,
  teams,
  action,
  cancelHref,
  submitLabel = "Save role",
}: {
  initial: RoleEditorValues;
  teams: { id: number; name: string }[];
  action: RoleEditorAction;
  cancelHref: string;
  submitLabel?: string;
}) {
  const [state, formAction, pending] = useActionState(action, { status: "idle", values: initial });
  const [title, setTitle] = useState(initial.title);
  const [description, setDescription] = useState(initial.description);
  const [teamId, setTeamId] = useState(initial.teamId ?? teams[0]?.id ?? 0);
  const [target, setTarget] = useState(initial.target);
  const nextKey = useRef(initial.tasks.length);
  const [tasks, setTasks] = useState<Task[]>(() => initial.tasks.map((t, i) => ({ ...t, key: i })));
  const [dragging, setDragging] = useState<number | null>(null);
  const [dropLevel, setDropLevel] = useState<number | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const focusKey = useRef<number | null>(null);
  const messageRef = useRef<HTMLDivElement>(null);
  const errors = state.status === "error" ? (state.fieldErrors ?? {}) : {};

  useEffect(() => {
    if (state.status === "error") messageRef.current?.focus();
  }, [state]);

  useEffect(() => {
    if (focusKey.current === null) return;
    document.getElementById(`task-${focusKey.current}-text`)?.focus();
    focusKey.current = null;
  }, [tasks]);

  const mix: LevelMix = {
    s1: toNumber(target.s1),
    s2: toNumber(target.s2),
    s3: toNumber(target.s3),
    s4: toNumber(target.s4),
    s5: toNumber(target.s5),
  };
  const total = SHARE_KEYS.reduce((sum, k) => sum + mix[k], 0);
  const balanced = total === 100 && SHARE_KEYS.every((k) => Number.isInteger(mix[k]) && mix[k] >= 0);

  function addTask(level: number) {
    const key = nextKey.current++;
    focusKey.current = key;
    setTasks((all) => [...all, { key, text: "", level }]);
  }

  function moveTask(key: number, level: number) {
    setTasks((all) => all.map((t) => (t.key === key ? { ...t, level } : t)));
    const task = tasks.find((t) => t.key === key);
    const name = LEVELS[level - 1]?.name;
    if (task && name) setAnnouncement(`Moved “${task.text || "new task"}” to level ${level}, ${name}.`);
  }

  function removeTask(key: number) {
    setTasks((all) => all.filter((t) => t.key !== key));
  }

  const taskError = (index: number) => [
    ...(errors[`tasks.${index}.text`] ?? []),
    ...(errors[`tasks.${index}.level`] ?? []),
  ];

  return (
    <form action={formAction} noValidate aria-describedby="role-form-message">
      <input type="hidden" name="roleId" value={initial.roleId ?? ""} />
      <input type="hidden" name="baseVersion" value={initial.baseVersion ?? ""} />
      <div id="role-form-message" ref={messageRef} tabIndex={-1} aria-live="polite" className="outline-none">
        {state.status === "error" && state.message && (
          <p className="mb-6 rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800 dark:border-red-900 dark:bg-red-950 dark:text-red-200">
            {state.message}
          </p>
        )}
      </div>
      <div className="space-y-8">
        <section aria-labelledby="role-basics" className="space-y-4">
          <h2 id="role-basics" className="text-base font-semibold">
            The role
          </h2>
          {teams.length > 1 && initial.roleId === null ? (
            <div>
              <label htmlFor="teamId" className="text-sm font-medium">
                Team
              </label>
              <select
                id="teamId"
                name="teamId"
                className="input mt-1 max-w-sm"
                value={teamId}
                onChange={(e) => setTeamId(Number(e.target.value))}
              >
                {teams.map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.name}
                  </option>
                ))}
              </select>
              <ErrorText id="teamId-error" messages={errors.teamId} />
            </div>
          ) : (
            <input type="hidden" name="teamId" value={teamId} />
          )}
          <div>
            <label htmlFor="title" className="text-sm font-medium">
              Title
            </label>
            <input
              id="title"
              name="title"
              className="input mt-1 max-w-lg"
              value={title}
              maxLength={120}
              onChange={(e) => setTitle(e.target.value)}
              aria-invalid={Boolean(errors.title)}
              aria-describedby={errors.title ? "title-error" : undefined}
            />
            <ErrorText id="title-error" messages={errors.title} />
          </div>
          <div>
            <label htmlFor="description" className="text-sm font-medium">
              Description
            </label>
            <textarea
              id="description"
              name="description"
              rows={3}
              className="input mt-1"
              value={description}
              maxLength={1000}
              onChange={(e) => setDescription(e.target.value)}
              aria-invalid={Boolean(errors.description)}
              aria-describedby={errors.description ? "description-error" : undefined}
            />
            <ErrorText id="description-error" messages={errors.description} />
          </div>
        </section>

        <fieldset className="space-y-3" aria-describedby="target-summary target-error">
          <legend className="text-base font-semibold">Target level mix</legend>
          <p className="text-muted text-sm">
            Where you want this role&apos;s working time to sit, in whole percents adding up to 100.
          </p>
          <div className="grid grid-cols-2 items-end gap-3 sm:grid-cols-5">
            {LEVELS.map((level, i) => {
              const key = SHARE_KEYS[i]!;
              const fieldErrors = errors[key];
              return (
                <div key={level.key}>
                  <label htmlFor={`target-${key}`} className="flex items-center gap-1.5 text-sm font-medium">
                    <span
                      className="h-2.5 w-2.5 shrink-0 rounded-sm"
                      style={{ background: level.color }}
                      aria-hidden="true"
                    />
                    {level.level}. {level.name}
                  </label>
                  <div className="relative mt-1">
                    <input
                      id={`target-${key}`}
                      name={key}
                      inputMode="numeric"
                      className="input pr-8 text-right tabular-nums"
                      value={target[key]}
                      onChange={(e) => setTarget((t) => ({ ...t, [key]: e.target.value }))}
                      aria-invalid={Boolean(fieldErrors || errors.target)}
                      aria-describedby={fieldErrors ? `target-${key}-error` : undefined}
                    />
                    <span
                      className="text-muted pointer-events-none absolute inset-y-0 right-3 flex items-center text-sm"
                      aria-hidden="true"
                    >
                      %
                    </span>
                  </div>
                  <ErrorText id={`target-${key}-error`} messages={fieldErrors} />
                </div>
              );
            })}
          </div>
          <LevelMixBar mix={mix} label="Target level mix" />
          <p id="target-summary" className="text-sm" aria-live="polite">
            <span className={balanced ? "font-medium" : "font-medium text-red-700 dark:text-red-400"}>
              Total {formatPercent(total)}
            </span>
            {balanced ? (
              <span className="text-muted">
                {" "}
                · leverage index {formatIndex(leverageIndex(mix))} · AI exposure {formatPercent(aiExposure(mix))} ·{" "}
              </span>
            ) : (
              <span className="text-muted"> · needs to be exactly 100%</span>
            )}
            {balanced && <ExposureBadge exposureClass={exposureClass(mix)} />}
          </p>
          <ErrorText id="target-error" messages={errors.target} />
        </fieldset>

        <fieldset className="space-y-3">
          <legend className="text-base font-semibold">Typical tasks by level</legend>
          <p className="text-muted text-sm" id="tasks-help">
            Place each task on the level it belongs to: drag it by its handle to another column, or choose its level
            from the list.
          </p>
          <ErrorText id="tasks-error" messages={errors.tasks} />
          <p className="sr-only" aria-live="polite">
            {announcement}
          </p>
          <div className="grid gap-3 lg:grid-cols-5">
            {LEVELS.map((level) => {
              const inColumn = tasks.map((t, index) => ({ t, index })).filter(({ t }) => t.level === level.level);
              return (
                <section
                  key={level.key}
                  aria-labelledby={`column-${level.level}`}
                  onDragOver={(e) => {
                    if (dragging === null) return;
                    e.preventDefault();
                    setDropLevel(level.level);
                  }}
                  onDragLeave={() => setDropLevel((l) => (l === level.level ? null : l))}
                  onDrop={(e) => {
                    e.preventDefault();
                    if (dragging !== null) moveTask(dragging, level.level);
                    setDragging(null);
                    setDropLevel(null);
                  }}
                  className={`flex min-h-32 flex-col rounded-lg border-2 p-2 ${
                    dropLevel === level.level ? "border-[var(--color-accent)] border-dashed" : "border-line"
                  }`}
                  style={{ borderTopColor: dropLevel === level.level ? undefined : level.color }}
                >
                  <h3 id={`column-${level.level}`} className="mb-2 text-sm font-semibold">
                    {level.level}. {level.name}
                    <span className="text-muted font-normal"> · {inColumn.length}</span>
                  </h3>
                  <ul className="space-y-2">
                    {inColumn.map(({ t, index }) => {
                      const error = taskError(index);
                      return (
                        <li key={t.key} className="surface rounded-md p-2 shadow-sm" data-testid="role-task">
                          <input type="hidden" name={`tasks.${index}.level`} value={t.level} />
                          <div className="flex items-start gap-1">
                            <span
                              draggable
                              onDragStart={(e) => {
                                setDragging(t.key);
                                e.dataTransfer.effectAllowed = "move";
                                e.dataTransfer.setData("text/plain", t.text);
                              }}
                              onDragEnd={() => {
                                setDragging(null);
                                setDropLevel(null);
                              }}
                              className="text-muted mt-1 cursor-grab select-none px-0.5 text-sm"
                              title="Drag to another level"
                              aria-hidden="true"
                            >
                              ⠿
                            </span>
                            <label htmlFor={`task-${t.key}-text`} className="sr-only">
                              Task {index + 1}
                            </label>
                            <textarea
                              id={`task-${t.key}-text`}
                              name={`tasks.${index}.text`}
                              rows={2}
                              maxLength={
                                t.text.length > ROLE_TASK_TEXT_MAX ? OCCUPATION_TASK_TEXT_MAX : ROLE_TASK_TEXT_MAX
                              }
                              className="input min-w-0 flex-1 resize-y px-2 py-1"
                              value={t.text}
                              onChange={(e) =>
                                setTasks((all) =>
                                  all.map((x) => (x.key === t.key ? { ...x, text: e.target.value } : x)),
                                )
                              }
                              aria-invalid={error.length > 0}
                              aria-describedby={error.length ? `task-${t.key}-error` : undefined}
                            />
                          </div>
                          <ErrorText id={`task-${t.key}-error`} messages={error} />
                          <div className="mt-1.5 flex items-center gap-2">
                            <label htmlFor={`task-${t.key}-level`} className="sr-only">
                              Level of task {index + 1}
                            </label>
                            <select
                              id={`task-${t.key}-level`}
                              className="input min-w-0 flex-1 px-1 py-1 text-xs"
                              value={t.level}
                              onChange={(e) => moveTask(t.key, Number(e.target.value))}
                            >
                              {LEVELS.map((l) => (
                                <option key={l.key} value={l.level}>
                                  {l.level}. {l.name}
                                </option>
                              ))}
                            </select>
                            <button
                              type="button"
                              onClick={() => removeTask(t.key)}
                              className="text-muted rounded px-1.5 py-1 text-xs hover:text-red-700"
                              aria-label={`Remove task ${index + 1}${t.text ? `: ${t.text}` : ""}`}
                            >
                              Remove
                            </button>
                          </div>
                        </li>
                      );
                    })}
                  </ul>
                  <button
                    type="button"
                    onClick={() => addTask(level.level)}
                    disabled={tasks.length >= ROLE_TASKS_MAX}
                    className="text-muted mt-2 rounded-md border border-dashed border-line px-2 py-1.5 text-xs font-medium hover:text-[var(--color-accent)] disabled:opacity-50"
                  >
                    + Add a task at level {level.level}
                  </button>
                </section>
              );
            })}
          </div>
        </fieldset>

        <div className="flex flex-wrap items-center gap-3">
          <button
            type="submit"
            disabled={pending}
            className="rounded-md bg-[var(--color-accent)] px-4 py-2 text-sm font-semibold text-white hover:bg-[var(--color-accent-strong)] disabled:opacity-60"
          >
            {pending ? "Saving…" : submitLabel}
          </button>
          <Link href={cancelHref} className="text-muted text-sm font-medium hover:underline">
            Cancel
          </Link>
          {initial.roleId !== null && (
            <p className="text-muted text-sm">
              Saving keeps the current version for past cycles and starts version {(initial.baseVersion ?? 0) + 1}.
            </p>
          )}
        </div>
      </div>
    </form>
  );
}
