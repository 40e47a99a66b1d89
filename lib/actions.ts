import "server-only";
import { headers } from "next/headers";
import { forbidden, unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { DATABASE_UNREACHABLE, isDatabaseUnreachable } from "@/db/errors";
import type { AppRole } from "@/db/schema";
import { ActionError, type ActionState, fieldErrorsOf } from "@/lib/action-state";
import { AccessDeniedError, type Actor } from "@/lib/authz";
import { requireActor } from "@/lib/dal";
import { isAllowedOrigin } from "@/lib/request-origin";

/**
 * The origin check of a server action called from the page (Next-Action): the proxy does not see
 * those POSTs (running it cost each save about 1.5 ms of server CPU), so every action makes it here, before
 * reading anything. A form posted without JavaScript carries no Next-Action and is checked in the proxy.
 */
export async function refuseCrossOriginAction(): Promise<void> {
  const requestHeaders = await headers();
  if (requestHeaders.has("next-action") && !isAllowedOrigin(requestHeaders)) forbidden();
}

type ActionOptions<Schema extends z.ZodType, Values> = {
  /** Roles allowed to call the action at all; the handler still checks scope in the data layer. */
  roles?: readonly AppRole[];
  schema: Schema;
  /** What the form sent, in the shape the form renders back on an error. */
  readValues: (formData: FormData) => Values;
  /** The input the schema parses; by default the echoed values. */
  toInput?: (values: Values, formData: FormData) => unknown;
  handler: (input: z.output<Schema>, actor: Actor, formData: FormData) => Promise<ActionState<Values> | undefined>;
};

/** The dotted paths of the strings holding a NUL character, which PostgreSQL cannot store in text or jsonb. */
function pathsWithNul(value: unknown, path = ""): string[] {
  if (typeof value === "string") return value.includes("\u0000") ? [path || "_form"] : [];
  if (value === null || typeof value !== "object") return [];
  return Object.entries(value).flatMap(([key, inner]) => pathsWithNul(inner, path ? `${path}.${key}` : key));
}

/**
 * The one path every form action takes: origin → session → role → zod → handler. Refusals the user can act
 * on come back as a message and field errors, with the submitted values, never as a thrown page.
 */
export function formAction<Schema extends z.ZodType, Values>(options: ActionOptions<Schema, Values>) {
  return async (_previous: ActionState<Values>, formData: FormData): Promise<ActionState<Values>> => {
    const values = options.readValues(formData);
    try {
      await refuseCrossOriginAction();
      // Inside the try: the actor is read from the database, which may be unreachable.
      const actor = await requireActor();
      if (options.roles && !options.roles.includes(actor.role)) {
        return { status: "error", values, message: "You do not have access to this." };
      }
      const input = options.toInput ? options.toInput(values, formData) : values;
      const withNul = pathsWithNul(input);
      if (withNul.length > 0) {
        const message = "Remove the invisible control character (NUL) from this text.";
        return {
          status: "error",
          values,
          fieldErrors: Object.fromEntries(withNul.map((path) => [path, [message]])),
          message: "Some answers need attention.",
        };
      }
      const parsed = options.schema.safeParse(input);
      if (!parsed.success) {
        return {
          status: "error",
          values,
          fieldErrors: fieldErrorsOf(parsed.error),
          message: "Some answers need attention.",
        };
      }
      const result = await options.handler(parsed.data, actor, formData);
      return result ?? { status: "success", values };
    } catch (error) {
      unstable_rethrow(error);
      if (error instanceof ActionError) {
        return { status: "error", values, message: error.message, fieldErrors: error.fieldErrors };
      }
      if (error instanceof AccessDeniedError) {
        return { status: "error", values, message: error.message };
      }
      if (isDatabaseUnreachable(error)) {
        console.error("Form action: the database is unreachable", error);
        return { status: "error", values, message: DATABASE_UNREACHABLE };
      }
      console.error("Form action failed", error);
      return {
        status: "error",
        values,
        message: "Something went wrong on our side and nothing was saved. Try again in a moment.",
      };
    }
  };
}
