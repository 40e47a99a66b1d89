import type { ComponentProps, ReactNode } from "react";
import { Card } from "@/components/ui/card";
import { CommentForm } from "./comment-form";
import { ConversationThread, threadComments } from "./thread";

type Conversation = {
  cycle: { id: number; name: string; status: string };
  subject: { id: number; name: string };
  comments: { id: number; authorId: number; authorName: string; body: string; createdAt: Date }[];
  acknowledgedAt: Date | null;
  other: { id: number; name: string } | null;
  canComment: boolean;
};

/**
 * A review's conversation as one of its two parties sees it: the thread, who has read the final
 * review, and the comment form while the cycle is open. `children` go under the thread (the
 * subject's "I have read my review").
 */
export function ConversationCard({
  conversation,
  viewerId,
  formatDate,
  action,
  children,
}: {
  conversation: Conversation;
  viewerId: number;
  formatDate: (date: Date) => string;
  action: ComponentProps<typeof CommentForm>["action"];
  children?: ReactNode;
}) {
  const { cycle, subject, other } = conversation;
  const viewerIsSubject = viewerId === subject.id;
  const otherName = other?.name ?? "your manager";
  const acknowledged = conversation.acknowledgedAt
    ? `${viewerIsSubject ? "You have" : `${subject.name} has`} read the final review · ${formatDate(conversation.acknowledgedAt)}`
    : null;
  return (
    <section id="conversation" className="scroll-mt-6">
      <Card
        title={`Conversation on the ${cycle.name} review`}
        description={
          cycle.status === "open"
            ? `Between you and ${otherName}; nobody else reads it.`
            : `Between you and ${otherName}. This quarter is closed: the conversation is kept, read-only.`
        }
      >
        <ConversationThread
          comments={threadComments(conversation.comments, viewerId, formatDate)}
          acknowledged={acknowledged}
          emptyText={
            conversation.canComment
              ? `No comments yet. Ask ${other?.name.split(" ")[0] ?? "them"} a question, or add context to the review.`
              : "No comments."
          }
        />
        {children}
        {conversation.canComment && (
          <CommentForm
            action={action}
            cycleId={cycle.id}
            subjectId={subject.id}
            label={`Write to ${other?.name ?? "them"}`}
          />
        )}
      </Card>
    </section>
  );
}
