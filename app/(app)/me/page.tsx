import type { Metadata } from "next";
import Link from "next/link";
import { AssessmentForm } from "@/components/assessment-form/assessment-form";
import { AssessmentSummary } from "@/components/assessment-form/assessment-summary";
import { SavedAssessmentProvider } from "@/components/assessment-form/saved-assessment";
import { LadderExplainer } from "@/components/ladder-explainer";
import { AcknowledgeForm } from "@/components/review-conversation/acknowledge-form";
import { ConversationCard } from "@/components/review-conversation/conversation-card";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { mySelfAssessmentInOpenCycle } from "@/db/queries/assessments";
import { reviewConversation } from "@/db/queries/review-conversation";
import { requireActor } from "@/lib/dal";
import { calendarDate, dateFormatters } from "@/lib/locale";
import { acknowledgeReviewAction, addReviewCommentAction } from "../review-conversation/actions";
import { saveMySelfAssessment } from "./actions";
import { FormUntilSubmitted, SelfAssessmentStatus } from "./saved-state";

const SUBMITTED_OPEN = "Read-only now. Your manager reviews it; if they return it for changes, you can edit it again.";

export const metadata: Metadata = { title: "My assessment" };

type Mine = NonNullable<Awaited<ReturnType<typeof mySelfAssessmentInOpenCycle>>>;

function statusText(assessment: Mine["assessment"], dateTime: Intl.DateTimeFormat) {
  if (!assessment) return "Not started";
  switch (assessment.status) {
    case "draft":
      return `Draft saved ${dateTime.format(assessment.updatedAt)}`;
    case "returned":
      return "Returned by your manager for changes";
    case "finalized":
      return "Reviewed and finalized by your manager";
    case "submitted":
      return assessment.submittedAt ? `Submitted ${dateTime.format(assessment.submittedAt)}` : "Submitted";
  }
}

export default async function MyAssessmentPage() {
  const actor = await requireActor();
  const [mine, formats] = await Promise.all([mySelfAssessmentInOpenCycle(actor), dateFormatters()]);
  const conversation = mine && (await reviewConversation(actor, { cycleId: mine.cycle.id, subjectId: actor.id }));
  const showConversation = conversation && (conversation.reviewer || conversation.comments.length > 0);

  return (
    <>
      <PageHeader
        title="My assessment"
        description="Once a quarter, describe where your working time sits on the leverage ladder."
      />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <SavedAssessmentProvider>
          <div className="min-w-0 space-y-6">
            <Card title={mine ? `${mine.cycle.name} self-assessment` : "No open review cycle"}>
              {mine ? (
                <>
                  <dl className="grid gap-4 sm:grid-cols-2">
                    <div>
                      <dt className="text-muted text-sm">Status</dt>
                      <dd className="mt-1 font-medium">
                        <span role="status" data-testid="assessment-status">
                          <SelfAssessmentStatus loaded={statusText(mine.assessment, formats.dateTime)} />
                        </span>
                      </dd>
                    </div>
                    <div>
                      <dt className="text-muted text-sm">Deadline</dt>
                      <dd className="mt-1 font-medium">{formats.date.format(calendarDate(mine.cycle.endsOn))}</dd>
                    </div>
                  </dl>
                  {mine.assessment?.status === "returned" && mine.assessment.returnMessage && (
                    <div className="mt-4 rounded-md border border-line p-3 text-sm">
                      <p className="font-medium">Your manager asks:</p>
                      <p className="mt-1 whitespace-pre-line">{mine.assessment.returnMessage}</p>
                    </div>
                  )}
                  <p className="text-muted mt-4 text-sm">
                    The ladder runs from <strong>1 Task Execution</strong> (producing outputs, what AI automates first)
                    to <strong>5 Strategic Influence</strong> (setting direction); the more of your time sits higher up,
                    the higher your leverage index.{" "}
                    <a href="#ladder" className="font-medium text-[var(--color-accent)] underline underline-offset-2">
                      What each level means
                    </a>
                  </p>
                </>
              ) : (
                <p className="text-muted">
                  Your leadership team opens a review cycle each quarter; come back then. Your past quarters are in{" "}
                  <Link
                    href="/me/history"
                    className="font-medium text-[var(--color-accent)] underline underline-offset-2"
                  >
                    My history
                  </Link>
                  .
                </p>
              )}
            </Card>

            {mine && !mine.manager && (
              <p className="text-muted text-sm" data-testid="no-manager-note">
                Nobody reviews you: you are at the top of the organisation (in no team, or managing your own). Your
                self-assessment is yours to keep; it counts in no team&apos;s figure.
              </p>
            )}

            {mine?.editable && (
              <FormUntilSubmitted description={SUBMITTED_OPEN}>
                <AssessmentForm
                  prefix="self"
                  action={saveMySelfAssessment}
                  initialValues={mine.values}
                  version={mine.assessment?.version ?? 0}
                  assessmentId={mine.assessment?.id ?? null}
                  hiddenFields={{ cycleId: mine.cycle.id }}
                  submitLabel={mine.manager ? "Submit to my manager" : "Submit"}
                  submitNote={
                    mine.manager
                      ? `Save a draft any time. Once submitted, your answers are read-only unless ${mine.manager.name} returns them.`
                      : "Save a draft any time. Once submitted, your answers are read-only."
                  }
                />
              </FormUntilSubmitted>
            )}

            {mine?.assessment && !mine.editable && (
              <Card
                title="What you submitted"
                description={
                  mine.cycle.status === "open" ? SUBMITTED_OPEN : "This cycle is closed: its assessments are read-only."
                }
              >
                <AssessmentSummary values={mine.values} />
              </Card>
            )}

            {showConversation && (
              <ConversationCard
                conversation={conversation}
                viewerId={actor.id}
                formatDate={(d) => formats.dateTime.format(d)}
                action={addReviewCommentAction}
              >
                {conversation.canAcknowledge && conversation.reviewer && (
                  <AcknowledgeForm
                    action={acknowledgeReviewAction}
                    cycleId={conversation.cycle.id}
                    managerName={conversation.reviewer.name}
                  />
                )}
              </ConversationCard>
            )}
          </div>
        </SavedAssessmentProvider>
        <aside
          id="ladder"
          aria-labelledby="ladder-heading"
          className="surface h-fit rounded-xl p-5 shadow-sm lg:sticky lg:top-6"
        >
          <h2 id="ladder-heading" className="text-base font-semibold">
            The leverage ladder
          </h2>
          <p className="text-muted mt-1 text-sm">AI speeds up execution, so the value of work moves up the ladder.</p>
          <div className="mt-4">
            <LadderExplainer />
          </div>
        </aside>
      </div>
    </>
  );
}
