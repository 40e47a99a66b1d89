import type { NotificationKind } from "@/db/schema";

/** How each kind is named to people (settings, mails) and what its mail's button says. */
export const NOTIFICATION_KIND_TEXT: Record<NotificationKind, { label: string; action: string }> = {
  cycle_opened: { label: "A review cycle opened", action: "Start your self-assessment" },
  deadline_near: { label: "The deadline is near", action: "Finish your self-assessment" },
  nudge: { label: "A reminder to submit your self-assessment", action: "Open your self-assessment" },
  self_submitted: { label: "A report submitted their self-assessment", action: "Review it" },
  returned: { label: "Your self-assessment was returned for changes", action: "See what to change" },
  finalized: { label: "Your review was finalized", action: "Read your review" },
  comment: { label: "A new comment on a review", action: "Read and reply" },
  acknowledged: { label: "A report has read their finalized review", action: "Open the review" },
};
