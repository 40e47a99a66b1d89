"use client";

import { describedBy, FieldError } from "@/components/ui/field-error";
import type { AssessmentTaskValues } from "@/lib/assessment-schema";
import { LEVELS, SUGGESTION_RULE_TEXT, suggestLevel } from "@/lib/ladder";
import { ASSESSMENT_TASKS_MAX, TASK_TEXT_MAX } from "@/lib/limits";
import { errorIdFor, fieldId } from "./field-ids";

/** A task row in the form: its values, a stable key for React, and whether the level was chosen. */
export type TaskRow = AssessmentTaskValues & { key: string; levelChosen: boolean };

const ICON_BUTTON =
  "min-h-8 min-w-8 rounded-md border border-line px-2 py-1 text-sm hover:border-[var(--color-accent)] disabled:opacity-40";

let nextKey = 0;
function newTaskKey() {
  nextKey += 1;
  return `task-${nextKey}`;
}

export function toTaskRows(tasks: readonly AssessmentTaskValues[]): TaskRow[] {
  return tasks.map((t) => ({ ...t, key: newTaskKey(), levelChosen: t.level !== null }));
}

export function TaskInventoryEditor({
  prefix,
  tasks,
  onChange,
  errors,
  disabled,
}: {
  prefix: string;
  tasks: TaskRow[];
  onChange: (tasks: TaskRow[], focusId?: string) => void;
  errors: Partial<Record<string, string[]>>;
  disabled?: boolean;
}) {
  const update = (index: number, patch: Partial<TaskRow>) =>
    onChange(tasks.map((t, i) => (i === index ? { ...t, ...patch } : t)));

  function setText(index: number, text: string) {
    const task = tasks[index]!;
    const suggestion = suggestLevel(text);
    update(index, { text, level: task.levelChosen ? task.level : (suggestion?.level ?? null) });
  }
  function move(index: number, by: -1 | 1) {
    const next = [...tasks];
    const [task] = next.splice(index, 1);
    next.splice(index + by, 0, task!);
    const target = index + by;
    const sameDirectionEnabled = by < 0 ? target > 0 : target < next.length - 1;
    const direction = by < 0 === sameDirectionEnabled ? "up" : "down";
    onChange(next, `${prefix}-task-${target}-${direction}`);
  }
  function remove(index: number) {
    const next = tasks.filter((_, i) => i !== index);
    const focus = next.length === 0 ? `${prefix}-task-add` : `${prefix}-task-${Math.min(index, next.length - 1)}-text`;
    onChange(next, focus);
  }
  function add() {
    onChange(
      [...tasks, { key: newTaskKey(), text: "", level: null, aiUsed: false, levelChosen: false }],
      `${prefix}-task-${tasks.length}-text`,
    );
  }

  const listError = errors.tasks;
  const listErrorId = errorIdFor(`${prefix}-task-add`);

  return (
    <fieldset disabled={disabled} className="space-y-4">
      <legend className="sr-only">Task inventory: 1 to {ASSESSMENT_TASKS_MAX} representative tasks</legend>
      <p id={`${prefix}-task-rule`} className="text-muted text-xs">
        {SUGGESTION_RULE_TEXT}
      </p>
      {tasks.length === 0 && (
        <p className="text-muted text-sm">No tasks yet — add the three to six tasks that take most of your time.</p>
      )}
      <ol className="space-y-3">
        {tasks.map((task, i) => {
          const textId = fieldId(prefix, `tasks.${i}.text`)!;
          const levelId = fieldId(prefix, `tasks.${i}.level`)!;
          const aiId = fieldId(prefix, `tasks.${i}.aiUsed`)!;
          const textErrors = errors[`tasks.${i}.text`] ?? errors[`tasks.${i}`];
          const levelErrors = errors[`tasks.${i}.level`];
          const suggestion = suggestLevel(task.text);
          const suggested = suggestion ? LEVELS[suggestion.level - 1]! : null;
          const over = task.text.length > TASK_TEXT_MAX;
          return (
            <li key={task.key} className="rounded-lg border border-line p-3">
              <div className="flex flex-wrap items-center justify-between gap-2">
                <label htmlFor={textId} className="text-sm font-medium">
                  Task {i + 1}
                </label>
                <div className="flex gap-1">
                  <button
                    type="button"
                    id={`${prefix}-task-${i}-up`}
                    onClick={() => move(i, -1)}
                    disabled={i === 0}
                    aria-label={`Move task ${i + 1} up`}
                    className={ICON_BUTTON}
                  >
                    <span aria-hidden="true">↑</span>
                  </button>
                  <button
                    type="button"
                    id={`${prefix}-task-${i}-down`}
                    onClick={() => move(i, 1)}
                    disabled={i === tasks.length - 1}
                    aria-label={`Move task ${i + 1} down`}
                    className={ICON_BUTTON}
                  >
                    <span aria-hidden="true">↓</span>
                  </button>
                  <button
                    type="button"
                    onClick={() => remove(i)}
                    aria-label={`Remove task ${i + 1}`}
                    className={`${ICON_BUTTON} px-2 text-sm`}
                  >
                    Remove
                  </button>
                </div>
              </div>
              <textarea
                id={textId}
                rows={2}
                value={task.text}
                onChange={(e) => setText(i, e.target.value.replace(/\s*\n\s*/g, " "))}
                // One line of text, wrapped so it stays readable at phone width: Enter adds no line break.
                onKeyDown={(e) => {
                  if (e.key === "Enter") e.preventDefault();
                }}
                aria-invalid={Boolean(textErrors) || over || undefined}
                aria-describedby={describedBy(`${textId}-count`, textErrors && errorIdFor(textId))}
                placeholder="e.g. Recommend where to reallocate the quarterly budget"
                className="input mt-1 resize-none"
              />
              <p
                id={`${textId}-count`}
                className={`mt-1 text-xs tabular-nums ${over ? "font-medium text-red-700 dark:text-red-300" : "text-muted"}`}
              >
                {task.text.length} / {TASK_TEXT_MAX} characters
              </p>
              <FieldError id={errorIdFor(textId)} messages={textErrors} />
              <div className="mt-2 grid gap-3 sm:grid-cols-[minmax(0,18rem)_1fr] sm:items-start">
                <div>
                  <label htmlFor={levelId} className="text-sm font-medium">
                    Level <span className="sr-only">of task {i + 1}</span>
                  </label>
                  <select
                    id={levelId}
                    value={task.level ?? ""}
                    onChange={(e) =>
                      update(i, {
                        level: e.target.value === "" ? null : Number(e.target.value),
                        levelChosen: e.target.value !== "",
                      })
                    }
                    aria-invalid={Boolean(levelErrors) || undefined}
                    aria-describedby={describedBy(`${levelId}-suggestion`, levelErrors && errorIdFor(levelId))}
                    className="input mt-1"
                  >
                    <option value="">Choose a level</option>
                    {LEVELS.map((l) => (
                      <option key={l.level} value={l.level}>
                        {l.level} · {l.name}
                      </option>
                    ))}
                  </select>
                  <FieldError id={errorIdFor(levelId)} messages={levelErrors} />
                </div>
                <div className="text-sm sm:pt-6">
                  <p id={`${levelId}-suggestion`} className="text-muted" aria-live="polite">
                    {suggested ? (
                      <>
                        Suggested: level {suggested.level}, {suggested.name} (matched “
                        {suggestion!.matched.join("”, “")}”)
                        {task.levelChosen && task.level !== suggested.level
                          ? "."
                          : task.levelChosen
                            ? " — as chosen."
                            : " — applied; change it if it fits better."}
                      </>
                    ) : task.text.trim() ? (
                      "No keyword matched: choose the level yourself."
                    ) : null}
                  </p>
                  {suggested && task.levelChosen && task.level !== suggested.level && (
                    <button
                      type="button"
                      onClick={() => update(i, { level: suggested.level, levelChosen: true })}
                      className="mt-1 text-sm font-medium text-[var(--color-accent)] underline underline-offset-2"
                    >
                      Use level {suggested.level}
                      <span className="sr-only"> for task {i + 1}</span>
                    </button>
                  )}
                </div>
              </div>
              <div className="mt-2 flex items-center gap-2">
                <input
                  id={aiId}
                  type="checkbox"
                  checked={task.aiUsed}
                  onChange={(e) => update(i, { aiUsed: e.target.checked })}
                  className="h-4 w-4"
                />
                <label htmlFor={aiId} className="text-sm">
                  I use AI for this task
                </label>
              </div>
            </li>
          );
        })}
      </ol>
      <div>
        <button
          id={`${prefix}-task-add`}
          type="button"
          onClick={add}
          disabled={tasks.length >= ASSESSMENT_TASKS_MAX}
          aria-describedby={describedBy(`${prefix}-task-count`, listError && listErrorId)}
          className="rounded-md border border-line px-3 py-1.5 text-sm font-medium hover:border-[var(--color-accent)] disabled:opacity-50"
        >
          Add a task
        </button>
        <span id={`${prefix}-task-count`} className="text-muted ml-3 text-xs">
          {tasks.length} of {ASSESSMENT_TASKS_MAX} tasks
        </span>
        <FieldError id={listErrorId} messages={listError} />
      </div>
    </fieldset>
  );
}
