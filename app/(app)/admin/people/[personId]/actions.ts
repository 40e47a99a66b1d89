"use server";

import { z } from "zod";
import { readConversationAsAdmin } from "@/db/queries/review-conversation";
import type { ActionState } from "@/lib/action-state";
import { formAction } from "@/lib/actions";
import { dateFormatters } from "@/lib/locale";
import { recordId } from "@/lib/record-id";

export type ConversationRead = {
  cycleName: string;
  subjectName: string;
  reviewerName: string | null;
  /** Dates formatted in the admin's locale, as the rest of the app shows them. */
  comments: { id: number; authorName: string; body: string; at: string }[];
  acknowledgedAt: string | null;
};

type ReadValues = { cycleId: string; read?: ConversationRead };

const read = formAction({
  roles: ["admin"],
  schema: z.object({ cycleId: recordId(), subjectId: recordId() }),
  readValues: (formData): ReadValues => ({ cycleId: String(formData.get("cycleId") ?? "") }),
  toInput: (values, formData) => ({ cycleId: values.cycleId, subjectId: formData.get("subjectId") }),
  handler: async (input, actor): Promise<ActionState<ReadValues>> => {
    const found = await readConversationAsAdmin(actor, input);
    const { dateTime } = await dateFormatters();
    return {
      status: "success",
      values: {
        cycleId: String(input.cycleId),
        read: {
          cycleName: found.cycle.name,
          subjectName: found.subject.name,
          reviewerName: found.reviewer?.name ?? null,
          comments: found.comments.map((c) => ({
            id: c.id,
            authorName: c.authorName,
            body: c.body,
            at: dateTime.format(c.createdAt),
          })),
          acknowledgedAt: found.acknowledgedAt && dateTime.format(found.acknowledgedAt),
        },
      },
      message: "Your reading is recorded in the audit log.",
    };
  },
});

/** An admin reads one review's conversation: recorded in the audit log before it is shown. */
export async function readConversationAction(previous: ActionState<ReadValues>, formData: FormData) {
  return read(previous, formData);
}
