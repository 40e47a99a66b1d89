import type { Metadata } from "next";
import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { AssessmentSummary } from "@/components/assessment-form/assessment-summary";
import { SavedAssessmentProvider } from "@/components/assessment-form/saved-assessment";
import { LevelLegend } from "@/components/level-mix-bar";
import { ConversationCard } from "@/components/review-conversation/conversation-card";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { reviewConversation } from "@/db/queries/review-conversation";
import { getReview, reviewBoard } from "@/db/queries/reviews";
import { emptyAssessmentValues } from "@/lib/assessment-schema";
import { AccessDeniedError } from "@/lib/authz";
import { requireRole } from "@/lib/dal";
import { formatIndex, leverageIndex } from "@/lib/ladder";
import { dateFormatters } from "@/lib/locale";
import { parseId } from "@/lib/params";
import { addReviewCommentAction } from "../../../review-conversation/actions";
import { returnForChangesAction, saveManagerReviewAction } from "./actions";
import { ManagerReviewForm } from "./manager-review-form";
import { MixRow } from "./mix-row";
import { ReturnForChangesForm } from "./return-for-changes-form";
import { CalibrationGap, YourViewRow } from "./your-view";

export const metadata: Metadata = { title: "Review" };

export default async function ReviewPersonPage({ params }: { params: Promise<{ personId: string }> }) {
  const actor = await requireRole("manager");
  const personId = parseId((await params).personId);
  if (!personId) notFound();
  const review = await getReview(actor, personId).catch((error: unknown) => {
    if (error instanceof AccessDeniedError) forbidden();
    throw error;
  });
  const [formats, board, conversation] = await Promise.all([
    dateFormatters(),
    reviewBoard(actor),
    // Null when someone else authored this cycle's review (the report changed managers mid-cycle).
    review.cycle
      ? reviewConversation(actor, { cycleId: review.cycle.id, subjectId: personId }).catch((error: unknown) => {
          if (error instanceof AccessDeniedError) return null;
          throw error;
        })
      : null,
  ]);
  // The next report after this one (by name, wrapping) whose review is not finalized yet.
  const byName = [...board.rows].sort((a, b) => a.name.localeCompare(b.name));
  const here = byName.findIndex((r) => r.personId === personId);
  const next = [...byName.slice(here + 1), ...byName.slice(0, Math.max(here, 0))].find(
    (r) => r.personId !== personId && r.managerStatus !== "finalized",
  );
  const nextLink = next ? (
    <Link
      href={`/team/review/${next.personId}`}
      className="font-medium text-[var(--color-accent)] underline-offset-2 hover:underline"
    >
      Next: {next.name} →
    </Link>
  ) : null;
  const { person, self, manager, cycle } = review;
  const firstName = person.name.split(" ")[0];
  const finalized = manager?.status === "finalized";
  const selfMix = self?.mix ?? null;
  const managerMix = manager?.mix ?? null;
  // The employee's mix and tasks are a starting point; their notes are their own words, and the
  // ratings start blank because pre-filled ratings invite rubber-stamping.
  const empty = emptyAssessmentValues();
  const prefill = manager?.values ?? (self?.values ? { ...self.values, notes: "", ratings: empty.ratings } : empty);

  const selfState = !self
    ? `No self-assessment yet for ${cycle?.name ?? "this cycle"}.`
    : self.status === "draft"
      ? `${firstName} has a draft in progress; you see it once it is submitted.`
      : self.status === "returned"
        ? `Returned for changes — waiting for ${firstName} to submit again. Below: what they last submitted.`
        : self.status === "finalized"
          ? "Finalized with your review."
          : `Submitted ${self.submittedAt ? formats.dateTime.format(self.submittedAt) : ""}.`;

  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/team/review" className="text-[var(--color-accent)] underline-offset-2 hover:underline">
          ← Back to the review board
        </Link>
      </p>
      <PageHeader
        title={`Review: ${person.name}`}
        description={`${review.team.name} · ${review.role?.title ?? "no role assigned"} · ${cycle?.name ?? "no open cycle"}`}
      />
      {finalized && (
        <p
          className="mb-6 rounded-md border border-green-300 bg-green-50 px-3 py-2 text-sm text-green-900 dark:border-green-900 dark:bg-green-950 dark:text-green-200"
          role="status"
        >
          Finalized {manager.finalizedAt ? formats.dateTime.format(manager.finalizedAt) : ""}: the final figures for{" "}
          {cycle?.name} are yours, and both assessments are locked. {nextLink}
        </p>
      )}
      <SavedAssessmentProvider>
        <div className="grid gap-6 lg:grid-cols-[minmax(0,5fr)_minmax(0,7fr)]">
          <div className="space-y-6">
            <Card title={`${firstName}'s self-assessment`} description={selfState}>
              {self?.values ? (
                <>
                  {self.status === "returned" && self.returnMessage && (
                    <div className="mb-4 rounded-md border border-line p-3 text-sm">
                      <p className="font-medium">Your message:</p>
                      <p className="mt-1 whitespace-pre-line">{self.returnMessage}</p>
                    </div>
                  )}
                  <AssessmentSummary values={self.values} title={`${firstName}'s answers`} />
                </>
              ) : (
                <p className="text-muted text-sm">
                  You can still write your own assessment now{self ? "" : ` — or remind ${firstName} to start theirs`}:
                  the final figures are yours.
                </p>
              )}
              {self?.status === "submitted" && !finalized && cycle && (
                <ReturnForChangesForm
                  action={returnForChangesAction}
                  personId={person.id}
                  selfVersion={self.version}
                  firstName={firstName!}
                />
              )}
            </Card>

            <Card
              title="Compared"
              description={`The role's target, ${firstName}'s view and yours, with the leverage index of each.`}
            >
              <LevelLegend />
              <ul className="mt-3 space-y-2">
                {review.role?.target && <MixRow label={`Target (v${review.role.version})`} mix={review.role.target} />}
                {selfMix && <MixRow label={`${firstName}'s view`} mix={selfMix} />}
                <YourViewRow loaded={managerMix} />
              </ul>
              <CalibrationGap selfMix={selfMix} loaded={managerMix} />
              {!review.role?.target && (
                <p className="text-muted mt-2 text-sm">No role with a target yet: assign one under Roles.</p>
              )}
            </Card>

            <Card title="History" description="The figures that counted in each closed quarter.">
              {review.history.length === 0 ? (
                <p className="text-muted text-sm">No closed quarters yet.</p>
              ) : (
                <ul className="space-y-2">
                  {review.history.map((h) => (
                    <MixRow
                      key={h.cycleId}
                      label={h.teamName === review.team.name ? h.cycleName : `${h.cycleName} · ${h.teamName}`}
                      mix={h.mix}
                    />
                  ))}
                </ul>
              )}
            </Card>

            {review.calibrations.length > 0 && (
              <Card
                title="Calibration record"
                description="Every change you made to the employee's level mix, and why."
              >
                <ol className="space-y-3 text-sm">
                  {review.calibrations.map((c) => (
                    <li key={c.id} className="border-l-2 border-line pl-3">
                      <p className="text-muted text-xs">
                        {formats.dateTime.format(c.at)} · {c.changedBy} · index {formatIndex(leverageIndex(c.from))} →{" "}
                        {formatIndex(leverageIndex(c.to))}
                      </p>
                      <p className="mt-1">{c.reason}</p>
                    </li>
                  ))}
                </ol>
              </Card>
            )}
          </div>

          <div>
            {finalized && manager.values ? (
              <Card title="Your final assessment">
                <AssessmentSummary values={manager.values} title="Your final answers" />
              </Card>
            ) : cycle ? (
              <>
                <h2 className="mb-3 text-lg font-semibold">Your assessment</h2>
                <ManagerReviewForm
                  action={saveManagerReviewAction}
                  personId={person.id}
                  personName={person.name}
                  initialValues={prefill}
                  version={manager?.version ?? 0}
                  assessmentId={manager?.id ?? null}
                  selfMix={selfMix}
                  prefilledFromSelf={!manager && Boolean(self?.values)}
                  afterSave={nextLink}
                />
              </>
            ) : (
              <Card title="No open review cycle">
                <p className="text-muted">Reviews can be written only while a cycle is open.</p>
              </Card>
            )}
            {conversation && (
              <div className="mt-6">
                <ConversationCard
                  conversation={conversation}
                  viewerId={actor.id}
                  formatDate={(d) => formats.dateTime.format(d)}
                  action={addReviewCommentAction}
                />
              </div>
            )}
          </div>
        </div>
      </SavedAssessmentProvider>
    </>
  );
}
