"use client";

import { useActionState } from "react";
import { ConversationThread } from "@/components/review-conversation/thread";
import { PendingButton } from "@/components/ui/form";
import type { ActionState } from "@/lib/action-state";
import type { ConversationRead } from "./actions";

type Values = { cycleId: string; read?: ConversationRead };

/** One review's conversation, behind a button that records the reading in the audit log first. */
export function ConversationReader({
  action,
  personId,
  cycleId,
  cycleName,
  comments,
}: {
  action: (state: ActionState<Values>, formData: FormData) => Promise<ActionState<Values>>;
  personId: number;
  cycleId: number;
  cycleName: string;
  comments: number;
}) {
  const [state, dispatch, pending] = useActionState(action, { status: "idle" } as ActionState<Values>);
  const read = state.status === "success" ? state.values?.read : undefined;
  return (
    <li className="border-b border-line py-3 last:border-0">
      <form action={dispatch} className="flex flex-wrap items-center justify-between gap-3">
        <input type="hidden" name="cycleId" value={cycleId} />
        <input type="hidden" name="subjectId" value={personId} />
        <p className="text-sm">
          <span className="font-medium">{cycleName}</span>{" "}
          <span className="text-muted">· {comments === 1 ? "1 comment" : `${comments} comments`}</span>
        </p>
        {!read && (
          <PendingButton
            pending={pending}
            pendingText="Opening…"
            className="rounded-md border border-line px-3 py-1.5 text-sm font-semibold hover:border-[var(--color-accent)] disabled:opacity-60"
          >
            Read the {cycleName} conversation
          </PendingButton>
        )}
      </form>
      {state.status === "error" && (
        <p className="mt-2 text-sm text-red-700 dark:text-red-400" role="alert">
          {state.message}
        </p>
      )}
      {read && (
        <div className="mt-3">
          <p className="text-muted mb-3 text-xs">
            Between {read.subjectName} and {read.reviewerName ?? "nobody (no reviewer)"}. {state.message}
          </p>
          <ConversationThread
            comments={read.comments.map((c) => ({ ...c, mine: false }))}
            acknowledged={
              read.acknowledgedAt && `${read.subjectName} has read the final review · ${read.acknowledgedAt}`
            }
            emptyText="No comments."
          />
        </div>
      )}
    </li>
  );
}
