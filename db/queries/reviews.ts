import "server-only";
import { and, asc, desc, eq, isNull, lt } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { type Database, getDb } from "@/db";
import {
  earliestOpenCycle,
  latestRoleVersions,
  mixOf,
  parseOrRefuse,
  type Reader,
  sharesOf,
  type Transaction,
} from "@/db/helpers";
import {
  assessmentValuesOf,
  submittedValuesOf,
  tasksOfAssessment,
  writeCompleteAssessment,
  writeDraftValues,
} from "@/db/queries/assessments";
import { recordAudit } from "@/db/queries/audit";
import { databaseFor } from "@/db/queries/database-for";
import { effectiveAssessmentsQuery } from "@/db/queries/effective-assessments";
import { notify } from "@/db/queries/notifications";
import { currentRoleVersionIdOf } from "@/db/queries/roles";
import {
  type Assessment,
  assessments,
  calibrationRecords,
  people,
  reviewAcknowledgements,
  reviewCycles,
  roleProfiles,
  teamMemberships,
  teams,
} from "@/db/schema";
import { ActionError, ConflictError } from "@/lib/action-state";
import {
  type AssessmentDraftValues,
  assessmentDraftSchema,
  assessmentSubmitSchema,
  CALIBRATION_REASON_ERROR,
  calibrationReasonMissing,
  REVIEW_INCOMPLETE_MESSAGE,
  toCompleteAssessment,
} from "@/lib/assessment-schema";
import { AccessDeniedError, type Actor, assertRole } from "@/lib/authz";
import { type LevelMix, needsCalibration } from "@/lib/ladder";
import { RETURN_MESSAGE_MAX } from "@/lib/limits";

/** The manager's own assessment of a report, as the review form sends it. */
export type ManagerReviewInput = {
  personId: number;
  /** The manager assessment's version the form was opened on; 0 when there was none yet. */
  version: number;
  /** The instrument's values (level mix, tasks, ratings, notes), parsed again here. */
  values: unknown;
  /** Why the manager's level mix departs from the employee's, when it does by more than the threshold. */
  calibrationReason: string;
};

/** "draft" keeps work in progress, "review" records the manager's view, "finalize" also locks the pair. */
export type ReviewIntent = "draft" | "review" | "finalize";

/**
 * Who reviews whom: the manager of the person's current team — never the person themselves. A
 * manager who sits in a team they manage has no reviewer there: an admin moves them into the team
 * of the person who manages them, whose board then lists them. The database refuses a manager
 * review authored by its subject as well (assessments_manager_not_by_subject).
 */
const SELF_REVIEW_REFUSED =
  "You cannot review yourself: your review comes from the manager of the team you belong to. Ask an admin to move you into your own manager's team.";

/**
 * The person's current team, when the actor manages it: the one scope check for every review read
 * and write. Anyone else (another team's manager, an employee, a forged id) is refused.
 */
async function reviewScope(db: Reader, actor: Actor, personId: number) {
  assertRole(actor, ["manager"]);
  if (personId === actor.id) throw new AccessDeniedError(SELF_REVIEW_REFUSED);
  const [row] = await db
    .select({ teamId: teams.id, teamName: teams.name, roleId: teamMemberships.roleProfileId, name: people.name })
    .from(teamMemberships)
    .innerJoin(teams, eq(teams.id, teamMemberships.teamId))
    .innerJoin(people, eq(people.id, teamMemberships.personId))
    .where(and(eq(teamMemberships.personId, personId), isNull(teamMemberships.endedOn), eq(teams.managerId, actor.id)))
    .limit(1);
  if (!row) throw new AccessDeniedError("You can only review people in the teams you manage.");
  return row;
}

async function requireOpenCycle(db: Reader) {
  const cycle = await earliestOpenCycle(db);
  if (!cycle)
    throw new ActionError("There is no open review cycle: reviews can only be written while a cycle is open.");
  return cycle;
}

async function assessmentOf(db: Reader, cycleId: number, personId: number, kind: "self" | "manager", lock = false) {
  const query = db
    .select()
    .from(assessments)
    .where(and(eq(assessments.cycleId, cycleId), eq(assessments.subjectId, personId), eq(assessments.kind, kind)));
  const [row] = lock ? await query.for("update") : await query;
  return row ?? null;
}

/**
 * "author": the manager's own review, drafts included. "submitted": the employee's self-assessment
 * as last submitted — a draft on top of a returned one stays the employee's until resubmitted.
 * "hidden": never submitted, so nothing of it.
 */
async function describeAssessment(db: Reader, row: Assessment, view: "author" | "submitted" | "hidden") {
  const tasks = view === "hidden" ? [] : await tasksOfAssessment(db as Database, row.id);
  const values =
    view === "author" ? assessmentValuesOf(row, tasks) : view === "submitted" ? submittedValuesOf(row, tasks) : null;
  const showContent = view !== "hidden";
  return {
    id: row.id,
    status: row.status,
    version: row.version,
    /** The stored complete mix; null for a draft's. */
    mix: showContent ? mixOf(row) : null,
    /** What the form shows: a draft exactly as typed, else the stored content. Null when hidden. */
    values,
    returnMessage: row.returnMessage,
    submittedAt: row.submittedAt,
    finalizedAt: row.finalizedAt,
    updatedAt: row.updatedAt,
  };
}

/**
 * Everything the manager needs to review one report in the open cycle: the self-assessment (its
 * content only once submitted — a draft is the employee's own), the manager's assessment, the
 * calibration records, the person's history and their role's target.
 */
export async function getReview(actor: Actor, personId: number) {
  const db = await getDb();
  const scope = await reviewScope(db, actor, personId);
  const cycle = await earliestOpenCycle(db);
  const self = cycle ? await assessmentOf(db, cycle.id, personId, "self") : null;
  const manager = cycle ? await assessmentOf(db, cycle.id, personId, "manager") : null;
  const selfVisible = self && self.status !== "draft";
  const calibrations = manager
    ? await db
        .select({
          id: calibrationRecords.id,
          changedBy: people.name,
          at: calibrationRecords.createdAt,
          from: calibrationRecords.fromValue,
          to: calibrationRecords.toValue,
          reason: calibrationRecords.reason,
        })
        .from(calibrationRecords)
        .innerJoin(people, eq(people.id, calibrationRecords.changedById))
        .where(eq(calibrationRecords.assessmentId, manager.id))
        .orderBy(desc(calibrationRecords.createdAt), desc(calibrationRecords.id))
    : [];
  const latest = latestRoleVersions(db);
  const [role] = scope.roleId
    ? await db
        .select({
          id: roleProfiles.id,
          title: roleProfiles.title,
          version: latest.version,
          ...sharesOf(latest),
        })
        .from(roleProfiles)
        .leftJoin(latest, eq(latest.roleProfileId, roleProfiles.id))
        .where(eq(roleProfiles.id, scope.roleId))
    : [];
  const effective = effectiveAssessmentsQuery(db);
  const history = await db
    .with(effective)
    .select({
      cycleId: reviewCycles.id,
      cycleName: reviewCycles.name,
      teamName: teams.name,
      ...sharesOf(effective),
    })
    .from(effective)
    .innerJoin(reviewCycles, eq(reviewCycles.id, effective.cycleId))
    .innerJoin(teams, eq(teams.id, effective.teamId))
    .where(and(eq(effective.subjectId, personId), eq(reviewCycles.status, "closed")))
    .orderBy(asc(reviewCycles.startsOn));
  return {
    person: { id: personId, name: scope.name },
    team: { id: scope.teamId, name: scope.teamName },
    role: role
      ? { id: role.id, title: role.title, version: role.version, target: role.s1 === null ? null : mixOf(role) }
      : null,
    cycle: cycle && { id: cycle.id, name: cycle.name, endsOn: cycle.endsOn },
    self: self && (await describeAssessment(db, self, selfVisible ? "submitted" : "hidden")),
    manager: manager && (await describeAssessment(db, manager, "author")),
    calibrations: calibrations.map((c) => ({ ...c, from: c.from as LevelMix, to: c.to as LevelMix })),
    history: history.map((h) => ({ cycleId: h.cycleId, cycleName: h.cycleName, teamName: h.teamName, mix: mixOf(h)! })),
  };
}

function sameMix(a: unknown, b: LevelMix) {
  const m = a as Partial<LevelMix> | null;
  return !!m && m.s1 === b.s1 && m.s2 === b.s2 && m.s3 === b.s3 && m.s4 === b.s4 && m.s5 === b.s5;
}

/** A completed review edited again and saved as a draft: it is work in progress until saved as a review. */
async function reopenAsDraft(tx: Transaction, row: Assessment, draft: AssessmentDraftValues, now: Date) {
  const [updated] = await tx
    .update(assessments)
    .set({ draftValues: draft, status: "draft", version: row.version + 1, updatedAt: now })
    .where(and(eq(assessments.id, row.id), eq(assessments.version, row.version)))
    .returning();
  if (!updated) throw new ConflictError();
  return updated;
}

/**
 * Saves the manager's assessment of a report: a draft (kept exactly as typed), a completed review,
 * or the final review, which also locks the self-assessment. Optimistic concurrency on the
 * assessment's version: a second tab or a second manager saving over a newer version is told so,
 * and nothing is written.
 */
export async function saveManagerReview(actor: Actor, input: ManagerReviewInput, intent: ReviewIntent) {
  const draft =
    intent === "draft"
      ? parseOrRefuse(assessmentDraftSchema.safeParse(input.values), "Some answers need attention.")
      : null;
  const content =
    intent === "draft"
      ? null
      : toCompleteAssessment(parseOrRefuse(assessmentSubmitSchema.safeParse(input.values), REVIEW_INCOMPLETE_MESSAGE));
  const db = await getDb();
  return db.transaction(async (tx) => {
    const scope = await reviewScope(tx, actor, input.personId);
    const cycle = await requireOpenCycle(tx);
    let row = await assessmentOf(tx, cycle.id, input.personId, "manager", true);
    if (row?.status === "finalized") {
      throw new ConflictError(
        `This review was already finalized — it is locked for ${cycle.name}. Reload to see the final figures.`,
      );
    }
    if ((row?.version ?? 0) !== input.version) {
      throw new ConflictError(
        "This review was saved elsewhere (another tab or another manager) since you opened it. Reload to see that version; your edits here are kept until you do.",
      );
    }

    const self = await assessmentOf(tx, cycle.id, input.personId, "self", true);
    const selfMix = self && self.status !== "draft" ? mixOf(self) : null;
    const calibrating = !!content && !!selfMix && needsCalibration(selfMix, content.mix);
    const reason = input.calibrationReason.trim();
    if (content && calibrationReasonMissing(selfMix, content.mix, reason)) {
      throw new ActionError("Your level mix differs from the employee's: say why.", {
        calibrationReason: [CALIBRATION_REASON_ERROR],
      });
    }

    let created: Assessment | null = null;
    if (!row) {
      const roleVersionId = await currentRoleVersionIdOf(tx, input.personId);
      [created = null] = await tx
        .insert(assessments)
        .values({
          cycleId: cycle.id,
          subjectId: input.personId,
          kind: "manager",
          authorId: actor.id,
          teamId: scope.teamId,
          roleVersionId,
          draftValues: draft,
        })
        .onConflictDoNothing()
        .returning();
      if (!created)
        throw new ConflictError(
          "Another tab or manager started this review at the same time. Reload to see theirs; your edits here are kept until you do.",
        );
      row = created;
    }
    const now = new Date();
    const saved = content
      ? await writeCompleteAssessment(tx, row, row.version, content, {
          status: intent === "finalize" ? "finalized" : "submitted",
          authorId: actor.id,
          teamId: scope.teamId,
          submittedAt: now,
          finalizedAt: intent === "finalize" ? now : null,
        })
      : (created ??
        (row.status === "draft"
          ? await writeDraftValues(tx, row, row.version, draft!)
          : await reopenAsDraft(tx, row, draft!, now)));

    let calibrated = false;
    if (calibrating && selfMix && content) {
      const [last] = await tx
        .select({ to: calibrationRecords.toValue, from: calibrationRecords.fromValue })
        .from(calibrationRecords)
        .where(eq(calibrationRecords.assessmentId, saved.id))
        .orderBy(desc(calibrationRecords.id))
        .limit(1);
      if (!last || !sameMix(last.to, content.mix) || !sameMix(last.from, selfMix)) {
        await tx.insert(calibrationRecords).values({
          assessmentId: saved.id,
          changedById: actor.id,
          field: "level_mix",
          fromValue: selfMix,
          toValue: content.mix,
          reason,
        });
        await recordAudit(
          {
            actorId: actor.id,
            action: "assessment.calibrated",
            targetType: "assessment",
            targetId: saved.id,
            details: { subjectId: input.personId, from: selfMix, to: content.mix, reason },
          },
          tx,
        );
        calibrated = true;
      }
    }

    if (intent === "finalize" && self && self.status === "submitted") {
      await tx
        .update(assessments)
        .set({ status: "finalized", finalizedAt: now, updatedAt: now, version: self.version + 1 })
        .where(and(eq(assessments.id, self.id), eq(assessments.version, self.version)));
    }
    if (intent === "finalize") {
      await notify(tx, [
        {
          personId: input.personId,
          kind: "finalized",
          cycleId: cycle.id,
          title: `${actor.name} finalized your ${cycle.name} review`,
          // Where "I have read my review" is, while the cycle is open.
          href: "/me#conversation",
        },
      ]);
    }
    await recordAudit(
      {
        actorId: actor.id,
        action:
          intent === "finalize"
            ? "assessment.finalized"
            : intent === "review"
              ? "assessment.submitted"
              : "assessment.draft_saved",
        targetType: "assessment",
        targetId: saved.id,
        details: {
          kind: "manager",
          subjectId: input.personId,
          cycle: cycle.name,
          version: saved.version,
          mix: content?.mix ?? null,
        },
      },
      tx,
    );
    return {
      assessmentId: saved.id,
      version: saved.version,
      status: saved.status,
      calibrated,
      updatedAt: saved.updatedAt,
    };
  });
}

/** Re-opens a submitted self-assessment for the employee to change, with the manager's message. */
export async function returnForChanges(
  actor: Actor,
  input: { personId: number; expectedSelfVersion: number; message: string },
) {
  const message = input.message.trim();
  if (message.length === 0)
    throw new ActionError("Some answers need attention.", { message: ["Tell them what to change."] });
  if (message.length > RETURN_MESSAGE_MAX)
    throw new ActionError("Some answers need attention.", {
      message: [`Keep the message under ${RETURN_MESSAGE_MAX} characters.`],
    });
  const db = await getDb();
  return db.transaction(async (tx) => {
    await reviewScope(tx, actor, input.personId);
    const cycle = await requireOpenCycle(tx);
    const manager = await assessmentOf(tx, cycle.id, input.personId, "manager", true);
    if (manager?.status === "finalized")
      throw new ConflictError(`This review is already finalized for ${cycle.name}; it can no longer be returned.`);
    const self = await assessmentOf(tx, cycle.id, input.personId, "self", true);
    if (self?.status !== "submitted") {
      throw new ConflictError(
        self?.status === "returned"
          ? "This self-assessment was already returned for changes."
          : "There is no submitted self-assessment to return.",
      );
    }
    if (self.version !== input.expectedSelfVersion) {
      throw new ConflictError(
        "The self-assessment changed since you opened this review. Reload to see the latest version.",
      );
    }
    const now = new Date();
    const [row] = await tx
      .update(assessments)
      .set({ status: "returned", returnMessage: message, updatedAt: now, version: self.version + 1 })
      .where(and(eq(assessments.id, self.id), eq(assessments.version, self.version)))
      .returning({ id: assessments.id, version: assessments.version });
    if (!row) throw new ConflictError();
    await notify(tx, [
      {
        personId: input.personId,
        kind: "returned",
        cycleId: cycle.id,
        title: `${actor.name} returned your ${cycle.name} self-assessment for changes`,
        href: "/me",
      },
    ]);
    await recordAudit(
      {
        actorId: actor.id,
        action: "assessment.returned",
        targetType: "assessment",
        targetId: self.id,
        details: { subjectId: input.personId, cycle: cycle.name, message },
      },
      tx,
    );
    return row;
  });
}

export type ReviewBoardRow = Awaited<ReturnType<typeof reviewBoard>>["rows"][number];

/**
 * The review board for the open cycle: every current member of the teams this manager manages,
 * with their self-assessment, the manager's, and last quarter's effective figures, in one query.
 */
export async function reviewBoard(actor: Actor) {
  const db = await databaseFor(actor, ["manager"]);
  const cycle = await earliestOpenCycle(db);
  if (!cycle) return { cycle: null, rows: [], selfInManagedTeam: false };
  const [previous] = await db
    .select({ id: reviewCycles.id, name: reviewCycles.name })
    .from(reviewCycles)
    .where(lt(reviewCycles.startsOn, cycle.startsOn))
    .orderBy(desc(reviewCycles.startsOn))
    .limit(1);
  const self = alias(assessments, "self");
  const manager = alias(assessments, "manager");
  const effective = effectiveAssessmentsQuery(db);
  const rows = await db
    .with(effective)
    .select({
      personId: people.id,
      name: people.name,
      teamId: teams.id,
      teamName: teams.name,
      role: roleProfiles.title,
      selfStatus: self.status,
      selfS1: self.s1,
      selfS2: self.s2,
      selfS3: self.s3,
      selfS4: self.s4,
      selfS5: self.s5,
      managerStatus: manager.status,
      managerS1: manager.s1,
      managerS2: manager.s2,
      managerS3: manager.s3,
      managerS4: manager.s4,
      managerS5: manager.s5,
      previousS1: effective.s1,
      previousS2: effective.s2,
      previousS3: effective.s3,
      previousS4: effective.s4,
      previousS5: effective.s5,
      acknowledgedAt: reviewAcknowledgements.acknowledgedAt,
    })
    .from(teamMemberships)
    .innerJoin(teams, eq(teams.id, teamMemberships.teamId))
    .innerJoin(people, eq(people.id, teamMemberships.personId))
    .leftJoin(roleProfiles, eq(roleProfiles.id, teamMemberships.roleProfileId))
    .leftJoin(self, and(eq(self.subjectId, people.id), eq(self.cycleId, cycle.id), eq(self.kind, "self")))
    .leftJoin(
      manager,
      and(eq(manager.subjectId, people.id), eq(manager.cycleId, cycle.id), eq(manager.kind, "manager")),
    )
    .leftJoin(effective, and(eq(effective.subjectId, people.id), eq(effective.cycleId, previous?.id ?? -1)))
    .leftJoin(
      reviewAcknowledgements,
      and(eq(reviewAcknowledgements.subjectId, people.id), eq(reviewAcknowledgements.cycleId, cycle.id)),
    )
    .where(and(eq(teams.managerId, actor.id), isNull(teamMemberships.endedOn), eq(people.active, true)))
    .orderBy(asc(people.name));
  const selfInManagedTeam = rows.some((r) => r.personId === actor.id);
  return {
    cycle: { id: cycle.id, name: cycle.name, endsOn: cycle.endsOn },
    previousCycleName: previous?.name ?? null,
    /** The manager sits in a team they manage: they are not on their own board (nobody reviews themselves). */
    selfInManagedTeam,
    rows: rows
      .filter((r) => r.personId !== actor.id)
      .map((r) => {
        const selfVisible = r.selfStatus !== null && r.selfStatus !== "draft";
        return {
          personId: r.personId,
          name: r.name,
          teamId: r.teamId,
          teamName: r.teamName,
          role: r.role,
          selfStatus: r.selfStatus,
          managerStatus: r.managerStatus,
          /** When the employee said they have read the finalized review. */
          acknowledgedAt: r.acknowledgedAt,
          selfMix: selfVisible ? mixOf({ s1: r.selfS1, s2: r.selfS2, s3: r.selfS3, s4: r.selfS4, s5: r.selfS5 }) : null,
          managerMix: mixOf({ s1: r.managerS1, s2: r.managerS2, s3: r.managerS3, s4: r.managerS4, s5: r.managerS5 }),
          previousMix: mixOf({
            s1: r.previousS1,
            s2: r.previousS2,
            s3: r.previousS3,
            s4: r.previousS4,
            s5: r.previousS5,
          }),
        };
      }),
  };
}
