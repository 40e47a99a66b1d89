/** One comment as the thread shows it: dates formatted by the page, in the reader's locale. */
export type ThreadComment = { id: number; authorName: string; body: string; at: string; mine: boolean };

/** Stored comments as the thread shows them to one reader. */
export function threadComments(
  comments: readonly { id: number; authorId: number; authorName: string; body: string; createdAt: Date }[],
  viewerId: number,
  formatDate: (date: Date) => string,
): ThreadComment[] {
  return comments.map((c) => ({
    id: c.id,
    authorName: c.authorName,
    body: c.body,
    at: formatDate(c.createdAt),
    mine: c.authorId === viewerId,
  }));
}

/** A review's conversation, oldest first; the reader's own comments are marked "You". */
export function ConversationThread({
  comments,
  acknowledged,
  emptyText,
}: {
  comments: ThreadComment[];
  /** "Maya Chen has read this review · 26 Nov 2026, 13:02", when acknowledged. */
  acknowledged?: string | null;
  emptyText: string;
}) {
  return (
    <div>
      {comments.length === 0 ? (
        <p className="text-muted text-sm">{emptyText}</p>
      ) : (
        <ol className="space-y-3" aria-label="Comments, oldest first">
          {comments.map((c) => (
            <li
              key={c.id}
              data-testid="review-comment"
              className={`rounded-lg border p-3 text-sm ${
                c.mine ? "border-[var(--color-accent)]/30 bg-[var(--color-accent)]/5" : "border-line"
              }`}
            >
              <p className="text-muted text-xs">
                <span className="font-semibold text-[var(--ink)]">{c.mine ? "You" : c.authorName}</span> · {c.at}
              </p>
              <p className="mt-1 whitespace-pre-line break-words">{c.body}</p>
            </li>
          ))}
        </ol>
      )}
      {acknowledged && (
        <p
          className="mt-3 flex items-center gap-2 text-sm text-green-800 dark:text-green-300"
          data-testid="acknowledged-note"
        >
          <span aria-hidden="true">✓</span>
          {acknowledged}
        </p>
      )}
    </div>
  );
}
