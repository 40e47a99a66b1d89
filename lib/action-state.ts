import type { z } from "zod";

/**
 * What every form action returns. `values` echoes what was submitted, because React 19 resets a
 * form after its action: the form renders them back so nothing typed is lost.
 */
export type ActionState<Values = Record<string, unknown>> = {
  status: "idle" | "success" | "error";
  values?: Values;
  fieldErrors?: Partial<Record<string, string[]>>;
  /** A message about the form as a whole (conflict, refusal, success). */
  message?: string;
};

/** A refusal the user can act on, raised by the data layer and shown by the form. */
export class ActionError extends Error {
  constructor(
    message: string,
    readonly fieldErrors?: Partial<Record<string, string[]>>,
  ) {
    super(message);
    this.name = "ActionError";
  }
}

/** Someone else (or another tab) saved first: the optimistic-concurrency check failed. */
export class ConflictError extends ActionError {
  constructor(
    message = "This was changed elsewhere since you opened it. Reload to see the latest version; your edits here are kept until you do.",
  ) {
    super(message);
    this.name = "ConflictError";
  }
}

/** Field errors keyed by dotted path ("tasks.2.text"), so nested inputs find their own message. */
export function fieldErrorsOf(error: z.ZodError): Partial<Record<string, string[]>> {
  const errors: Partial<Record<string, string[]>> = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.map(String).join(".") : "_form";
    errors[key] = [...(errors[key] ?? []), issue.message];
  }
  return errors;
}
