import type { OccupationTaskRow } from "@/db/queries/occupations";
import {
  automationLabelName,
  automationMeaning,
  exposureLabelName,
  formatPercent,
  type LadderLevel,
  LEVEL_RULE_TEXT,
  LEVELS,
  occupationBeta,
  suggestedLevel,
} from "@/lib/ladder";
import { ROLE_TASKS_MAX } from "@/lib/limits";
import { labelOf, type OccupationTasks, type TaskState } from "./use-occupation-tasks";

type FieldErrors = Partial<Record<string, string[]>>;

const TYPE_NAMES = { core: "Core", supplemental: "Supplemental" } as const;

function TaskChoice({
  state: t,
  task,
  index,
  picker,
  errors,
}: {
  state: TaskState;
  task: OccupationTaskRow;
  index: number;
  picker: OccupationTasks;
  errors: FieldErrors;
}) {
  const label = labelOf(task, picker.source);
  const suggestion = suggestedLevel({ exposure: label, automation: task.gpt4Automation, statement: task.statement });
  // Kept tasks are numbered in the form by their place among the kept ones.
  const position = picker.included.indexOf(t);
  const full = !t.include && picker.included.length >= ROLE_TASKS_MAX;
  return (
    <li className="py-3" data-testid="occupation-task">
      <div className="flex items-start gap-3">
        <input
          type="checkbox"
          id={`include-${t.id}`}
          checked={t.include}
          disabled={full}
          aria-describedby={full ? "tasks-cap" : undefined}
          onChange={(e) => picker.updateTask(t.id, { include: e.target.checked })}
          className="mt-1 h-4 w-4"
        />
        <div className="min-w-0 flex-1 sm:flex sm:items-start sm:gap-3">
          <div className="min-w-0 flex-1">
            <label htmlFor={`include-${t.id}`} className="text-sm">
              {task.statement}
            </label>
            <div className="mt-1 flex flex-wrap items-center gap-2 text-xs">
              <span className="rounded-full border border-line px-2 py-0.5 font-medium" title="Exposure label">
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
              onChange={(e) => picker.updateTask(t.id, { level: Number(e.target.value) as LadderLevel, touched: true })}
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
}

/** The occupation's tasks: tick the ones the role keeps and confirm or change each one's level. */
export function TaskPicker({
  tasks,
  picker,
  errors,
}: {
  tasks: OccupationTaskRow[];
  picker: OccupationTasks;
  errors: FieldErrors;
}) {
  const coreCount = tasks.filter((t) => t.taskType !== "supplemental").length;
  const beta = (list: OccupationTaskRow[]) =>
    formatPercent(occupationBeta(list.map((t) => ({ label: t.humanExposure, taskType: t.taskType }))) * 100);
  return (
    <fieldset>
      <legend className="text-sm font-medium">
        Tasks ({picker.included.length} of {tasks.length} kept) — confirm or change each suggested level
      </legend>
      <p className="text-muted mt-1 text-xs" id="tasks-cap">
        A role holds at most {ROLE_TASKS_MAX} typical tasks.
        {coreCount > ROLE_TASKS_MAX &&
          ` This occupation has ${coreCount} Core (or untyped) tasks: the ${ROLE_TASKS_MAX} ticked are those chosen so their exposure mix matches the whole occupation's (beta ${beta(tasks.filter((t) => picker.ticked.has(t.id)))} against ${beta(tasks)}) — swap in the ones that matter more to your role.`}
      </p>
      <p className="text-muted mt-1 text-xs" data-testid="level-rule">
        {LEVEL_RULE_TEXT}
      </p>
      {errors.tasks && <p className="mt-1 text-sm text-red-700 dark:text-red-300">{errors.tasks[0]}</p>}
      <ul className="mt-2 divide-y divide-[var(--line)]">
        {picker.taskStates.map((t, index) => (
          <TaskChoice
            key={t.id}
            state={t}
            task={picker.byId.get(t.id)!}
            index={index}
            picker={picker}
            errors={errors}
          />
        ))}
      </ul>
    </fieldset>
  );
}
