import type { Metadata } from "next";
import { NudgeDialog } from "@/components/nudge-dialog";
import { Card, Stat } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { type ReviewBoardRow, reviewBoard } from "@/db/queries/reviews";
import { requireRole } from "@/lib/dal";
import { attentionReasons, calibrationGap, exposureClass, leverageIndex } from "@/lib/ladder";
import { calendarDate, dateFormatters } from "@/lib/locale";
import { nudgePreview } from "@/lib/notifications/nudge-preview";
import { sendNudgesAction } from "../../actions";
import { ReviewBoardTable, type ReviewBoardTableRow, type ReviewStage } from "./review-board-table";

export const metadata: Metadata = { title: "Review" };

function stageOf(row: ReviewBoardRow): ReviewStage {
  if (row.managerStatus === "finalized") return "finalized";
  if (row.managerStatus === "submitted") return "reviewed";
  if (row.selfStatus === "submitted") return "awaiting_review";
  if (row.selfStatus === "returned") return "returned";
  if (row.selfStatus === "draft") return "self_draft";
  return "not_started";
}

export default async function ReviewBoardPage() {
  const actor = await requireRole("manager");
  const [board, formats] = await Promise.all([reviewBoard(actor), dateFormatters()]);
  if (!board.cycle) {
    return (
      <>
        <PageHeader title="Review" />
        <Card title="No open review cycle">
          <p className="text-muted">Reviews happen while a cycle is open. Your administrator opens one each quarter.</p>
        </Card>
      </>
    );
  }
  const nudge = await nudgePreview(actor, board.cycle.id);
  const rows: ReviewBoardTableRow[] = board.rows.map((r) => {
    const now = r.managerMix ?? r.selfMix;
    return {
      personId: r.personId,
      name: r.name,
      teamName: r.teamName,
      role: r.role,
      stage: stageOf(r),
      selfIndex: r.selfMix && leverageIndex(r.selfMix),
      managerIndex: r.managerMix && leverageIndex(r.managerMix),
      gap: r.selfMix && r.managerMix ? calibrationGap(r.selfMix, r.managerMix) : null,
      exposure: now && exposureClass(now),
      previousIndex: r.previousMix && leverageIndex(r.previousMix),
      change: now && r.previousMix ? leverageIndex(now) - leverageIndex(r.previousMix) : null,
      attention: attentionReasons(r),
      acknowledgedOn: r.acknowledgedAt && formats.shortDate.format(r.acknowledgedAt),
    };
  });
  const selfIn = board.rows.filter((r) => r.selfStatus === "submitted" || r.selfStatus === "finalized").length;
  const reviewed = board.rows.filter((r) => r.managerStatus === "submitted" || r.managerStatus === "finalized").length;
  const finalized = board.rows.filter((r) => r.managerStatus === "finalized").length;
  const acknowledged = board.rows.filter((r) => r.acknowledgedAt).length;
  const attention = rows.filter((r) => r.attention.length > 0).length;
  const total = rows.length;
  return (
    <>
      <PageHeader
        title={`${board.cycle.name} review`}
        description={`Due ${formats.date.format(calendarDate(board.cycle.endsOn))}. Open a person to compare their self-assessment with yours, calibrate and finalize.`}
      />
      {board.selfInManagedTeam && (
        <p className="mb-6 rounded-md border border-line px-3 py-2 text-sm" role="note">
          You are a member of a team you manage. Nobody reviews themselves, so you are not on this board: your review
          comes from the manager of the team you belong to — ask an admin to move you into your own manager&apos;s team.
        </p>
      )}
      <div className="mb-6 grid gap-4 sm:grid-cols-3">
        <Stat
          label="Self-assessments in"
          value={`${selfIn} of ${total}`}
          hint={`${total - selfIn} not submitted yet`}
        />
        <Stat
          label="Reviewed"
          value={`${reviewed} of ${total}`}
          hint={`${finalized} finalized, ${acknowledged} of them read by the employee`}
        />
        <Stat
          label="Need attention"
          value={attention}
          hint="No self-assessment, returned for changes, a gap over 0.5 levels, or a drop"
        />
      </div>
      <Card
        className="mb-6"
        title="Remind who has not submitted"
        description="A reminder in their notifications and by mail to each report without a submitted self-assessment (not started, a draft, or returned for changes)."
      >
        <NudgeDialog preview={nudge} action={sendNudgesAction} scope="your team" />
      </Card>
      <Card
        title="Your team"
        description={`${selfIn} of ${total} self-assessments in, ${reviewed} reviewed. Gap is the employee's index minus yours; change compares with ${board.previousCycleName ?? "last quarter"}.`}
      >
        <div className="mb-3">
          <div
            className="h-2 w-full overflow-hidden rounded-full bg-black/5 dark:bg-white/10"
            role="progressbar"
            aria-label="Reviews finalized"
            aria-valuemin={0}
            aria-valuemax={total}
            aria-valuenow={finalized}
            aria-valuetext={`${finalized} of ${total} finalized`}
          >
            <span
              className="block h-full bg-[var(--color-accent)]"
              style={{ width: `${total ? (finalized / total) * 100 : 0}%` }}
            />
          </div>
        </div>
        <ReviewBoardTable rows={rows} caption={`${board.cycle.name} review board`} />
      </Card>
    </>
  );
}
