import "server-only";
import { and, asc, eq, isNull, ne } from "drizzle-orm";
import { getDb } from "@/db";
import { earliestOpenCycle, parseOrRefuse, type Reader, type Transaction } from "@/db/helpers";
import { recordAudit } from "@/db/queries/audit";
import { notify } from "@/db/queries/notifications";
import { currentRoleVersionIdOf } from "@/db/queries/roles";
import {
  type Assessment,
  type AssessmentTask,
  assessments,
  assessmentTasks,
  people,
  type ReviewCycle,
  reviewCycles,
  teamMemberships,
  teams,
} from "@/db/schema";
import { ActionError, ConflictError } from "@/lib/action-state";
import {
  type AssessmentDraftValues,
  assessmentDraftSchema,
  assessmentSubmitSchema,
  type CompleteAssessment,
  emptyAssessmentValues,
  toCompleteAssessment,
} from "@/lib/assessment-schema";
import { AccessDeniedError, type Actor, assertRole } from "@/lib/authz";

/** Who may have a self-assessment: everyone who belongs to a team. */
/** Everyone self-assesses: leaders and admins have careers too. */
export const SELF_ASSESSMENT_ROLES = ["employee", "manager", "leader", "admin"] as const;

const EDITABLE_STATUSES = ["draft", "returned"] as const;

function isEditableStatus(status: Assessment["status"]) {
  return (EDITABLE_STATUSES as readonly string[]).includes(status);
}

/** The form's values for an assessment: the draft exactly as typed, else its stored content. */
export function assessmentValuesOf(row: Assessment, tasks: readonly AssessmentTask[]): AssessmentDraftValues {
  return row.draftValues ?? submittedValuesOf(row, tasks);
}

/**
 * The last submitted content, whatever draft the author keeps on top of it: what anyone but the
 * author may see of a returned assessment being edited again.
 */
export function submittedValuesOf(row: Assessment, tasks: readonly AssessmentTask[]): AssessmentDraftValues {
  return {
    mix: { s1: row.s1, s2: row.s2, s3: row.s3, s4: row.s4, s5: row.s5 },
    tasks: [...tasks]
      .sort((a, b) => a.position - b.position)
      .map((t) => ({ text: t.text, level: t.level, aiUsed: t.aiUsed })),
    ratings: {
      judgment: row.judgment,
      communication: row.communication,
      stakeholders: row.stakeholders,
      systemsThinking: row.systemsThinking,
      ownership: row.ownership,
    },
    notes: row.notes,
  };
}

export async function tasksOfAssessment(db: Reader, assessmentId: number) {
  return db
    .select()
    .from(assessmentTasks)
    .where(eq(assessmentTasks.assessmentId, assessmentId))
    .orderBy(asc(assessmentTasks.position));
}

function closedCycleError(cycle: Pick<ReviewCycle, "name" | "status">) {
  return new ActionError(
    cycle.status === "closed"
      ? `The ${cycle.name} review cycle is closed: its assessments are read-only.`
      : `The ${cycle.name} review cycle is not open yet.`,
  );
}

/**
 * Moves an editable assessment to its next version, or refuses: the caller has checked who may
 * write it. The version the form loaded must still be current — another tab's save wins otherwise.
 */
async function bumpVersion(
  tx: Transaction,
  row: Assessment,
  expectedVersion: number,
  set: Partial<typeof assessments.$inferInsert>,
) {
  if (row.version !== expectedVersion) throw new ConflictError(CHANGED_ELSEWHERE);
  const [updated] = await tx
    .update(assessments)
    .set({ ...set, version: row.version + 1, updatedAt: new Date() })
    .where(and(eq(assessments.id, row.id), eq(assessments.version, expectedVersion)))
    .returning();
  if (!updated) throw new ConflictError(CHANGED_ELSEWHERE);
  return updated;
}

const CHANGED_ELSEWHERE =
  "This assessment was changed elsewhere (another tab or device) since you opened it — reload to see the latest version. Your edits here are kept until you do.";

/** Writes a draft's values exactly as typed. Shared by the self-assessment and the manager's review. */
export async function writeDraftValues(
  tx: Transaction,
  row: Assessment,
  expectedVersion: number,
  values: AssessmentDraftValues,
) {
  return bumpVersion(tx, row, expectedVersion, { draftValues: values });
}

/** Writes complete content into the columns and tasks, clears the draft, and sets the new status. */
export async function writeCompleteAssessment(
  tx: Transaction,
  row: Assessment,
  expectedVersion: number,
  content: CompleteAssessment,
  set: Partial<typeof assessments.$inferInsert>,
) {
  const updated = await bumpVersion(tx, row, expectedVersion, {
    ...content.mix,
    ...content.ratings,
    notes: content.notes,
    draftValues: null,
    ...set,
  });
  await replaceTasks(tx, row.id, content.tasks);
  return updated;
}

async function replaceTasks(tx: Transaction, assessmentId: number, tasks: CompleteAssessment["tasks"]) {
  await tx.delete(assessmentTasks).where(eq(assessmentTasks.assessmentId, assessmentId));
  if (tasks.length > 0) {
    await tx.insert(assessmentTasks).values(tasks.map((t, position) => ({ assessmentId, position, ...t })));
  }
}

// ---------------------------------------------------------------------------------------------
// The employee's own self-assessment
// ---------------------------------------------------------------------------------------------

export type SelfAssessmentWrite = {
  cycleId: number;
  /** Null when the form was opened before the assessment existed. */
  assessmentId: number | null;
  /** The version the form loaded; 0 for an assessment not started. */
  version: number;
  values: unknown;
};

async function loadCycle(tx: Reader, cycleId: number) {
  const [cycle] = await tx.select().from(reviewCycles).where(eq(reviewCycles.id, cycleId)).limit(1);
  return cycle ?? null;
}

/** The actor's own self-assessment row, locked for the update; refuses anyone else's. */
async function loadOwnSelfAssessment(tx: Transaction, actor: Actor, input: SelfAssessmentWrite) {
  const [row] = await tx
    .select()
    .from(assessments)
    .where(eq(assessments.id, input.assessmentId!))
    .limit(1)
    .for("update");
  if (row?.kind !== "self" || row.subjectId !== actor.id || row.cycleId !== input.cycleId) {
    throw new AccessDeniedError("You can only change your own self-assessment.");
  }
  const cycle = (await loadCycle(tx, row.cycleId))!;
  if (cycle.status !== "open") throw closedCycleError(cycle);
  await refuseIfReviewFinalized(tx, row.cycleId, actor.id);
  if (!isEditableStatus(row.status)) {
    throw new ActionError(
      "You have submitted this self-assessment: it is read-only unless your manager returns it for changes.",
    );
  }
  return row;
}

/** Once the manager has finalized the review, the pair is locked for the cycle. */
async function refuseIfReviewFinalized(tx: Transaction, cycleId: number, subjectId: number) {
  const [review] = await tx
    .select({ status: assessments.status })
    .from(assessments)
    .where(and(eq(assessments.cycleId, cycleId), eq(assessments.subjectId, subjectId), eq(assessments.kind, "manager")))
    .limit(1);
  if (review?.status === "finalized")
    throw new ActionError("Your manager has finalized your review for this cycle: it is locked.");
}

/** A new self-assessment row in the open cycle, with the actor's current team and role. */
async function createOwnSelfAssessment(
  tx: Transaction,
  actor: Actor,
  input: SelfAssessmentWrite,
  set: Partial<typeof assessments.$inferInsert>,
) {
  const cycle = await loadCycle(tx, input.cycleId);
  if (!cycle) throw new ActionError("That review cycle does not exist.");
  if (cycle.status !== "open") throw closedCycleError(cycle);
  await refuseIfReviewFinalized(tx, cycle.id, actor.id);
  if (input.version !== 0) throw new ConflictError(CHANGED_ELSEWHERE);
  const [membership] = await tx
    .select({ teamId: teamMemberships.teamId, roleProfileId: teamMemberships.roleProfileId })
    .from(teamMemberships)
    .where(and(eq(teamMemberships.personId, actor.id), isNull(teamMemberships.endedOn)))
    .limit(1);
  const roleVersionId = await currentRoleVersionIdOf(tx, actor.id);
  const [created] = await tx
    .insert(assessments)
    .values({
      cycleId: cycle.id,
      subjectId: actor.id,
      authorId: actor.id,
      kind: "self",
      teamId: membership?.teamId ?? null,
      roleVersionId,
      ...set,
    })
    .onConflictDoNothing()
    .returning();
  // Another tab started this assessment first.
  if (!created) throw new ConflictError(CHANGED_ELSEWHERE);
  return created;
}

export type SavedAssessment = {
  assessmentId: number;
  version: number;
  status: Assessment["status"];
  updatedAt: Date;
  submittedAt: Date | null;
};

const saved = (row: Assessment): SavedAssessment => ({
  assessmentId: row.id,
  version: row.version,
  status: row.status,
  updatedAt: row.updatedAt,
  submittedAt: row.submittedAt,
});

/** Saves the actor's own self-assessment as a draft: whatever they typed, within the field bounds. */
export async function saveSelfAssessmentDraft(actor: Actor, input: SelfAssessmentWrite): Promise<SavedAssessment> {
  assertRole(actor, SELF_ASSESSMENT_ROLES);
  const values = parseOrRefuse(assessmentDraftSchema.safeParse(input.values));
  const db = await getDb();
  const row = await db.transaction(async (tx) => {
    const written =
      input.assessmentId === null
        ? await createOwnSelfAssessment(tx, actor, input, { draftValues: values })
        : await writeDraftValues(tx, await loadOwnSelfAssessment(tx, actor, input), input.version, values);
    await recordAudit(
      {
        actorId: actor.id,
        action: "assessment.draft_saved",
        targetType: "assessment",
        targetId: written.id,
        details: { version: written.version },
      },
      tx,
    );
    return written;
  });
  return saved(row);
}

/** Submits the actor's own self-assessment: complete and valid only; read-only afterwards. */
export async function submitSelfAssessment(actor: Actor, input: SelfAssessmentWrite): Promise<SavedAssessment> {
  assertRole(actor, SELF_ASSESSMENT_ROLES);
  const content = toCompleteAssessment(parseOrRefuse(assessmentSubmitSchema.safeParse(input.values)));
  const db = await getDb();
  const now = new Date();
  const row = await db.transaction(async (tx) => {
    const submitted = { status: "submitted" as const, submittedAt: now };
    const current =
      input.assessmentId === null
        ? await createOwnSelfAssessment(tx, actor, input, {})
        : await loadOwnSelfAssessment(tx, actor, input);
    const version = input.assessmentId === null ? current.version : input.version;
    const written = await writeCompleteAssessment(tx, current, version, content, submitted);
    await recordAudit(
      {
        actorId: actor.id,
        action: "assessment.submitted",
        targetType: "assessment",
        targetId: written.id,
        details: { kind: "self", cycleId: written.cycleId, version: written.version },
      },
      tx,
    );
    const manager = await managerOf(tx, actor.id);
    if (manager) {
      await notify(tx, [
        {
          personId: manager.id,
          kind: "self_submitted",
          cycleId: written.cycleId,
          title: `${actor.name} submitted their self-assessment`,
          href: `/team/review/${actor.id}`,
        },
      ]);
    }
    return written;
  });
  return saved(row);
}

/**
 * Who reviews a person: the manager of their current team, unless that is themselves. Null for
 * someone at the top of the organisation (in no team), who keeps a self-assessment only.
 */
/** The manager of the person's current team, unless that is themselves. */
export async function managerOf(db: Reader, personId: number) {
  const [row] = await db
    .select({ id: people.id, name: people.name, email: people.email })
    .from(teamMemberships)
    .innerJoin(teams, eq(teams.id, teamMemberships.teamId))
    .innerJoin(people, eq(people.id, teams.managerId))
    .where(and(eq(teamMemberships.personId, personId), isNull(teamMemberships.endedOn), ne(people.id, personId)))
    .limit(1);
  return row ?? null;
}

/** The actor's self-assessment in the open cycle, as the form shows it. */
export async function mySelfAssessmentInOpenCycle(actor: Actor) {
  assertRole(actor, SELF_ASSESSMENT_ROLES);
  const db = await getDb();
  const cycle = await earliestOpenCycle(db);
  if (!cycle) return null;
  const [row] = await db
    .select()
    .from(assessments)
    .where(and(eq(assessments.cycleId, cycle.id), eq(assessments.subjectId, actor.id), eq(assessments.kind, "self")))
    .limit(1);
  const manager = await managerOf(db, actor.id);
  if (!row) return { cycle, assessment: null, values: emptyAssessmentValues(), editable: true, manager };
  const tasks = await tasksOfAssessment(db, row.id);
  return {
    cycle,
    assessment: {
      id: row.id,
      status: row.status,
      version: row.version,
      updatedAt: row.updatedAt,
      submittedAt: row.submittedAt,
      returnMessage: row.returnMessage,
    },
    values: assessmentValuesOf(row, tasks),
    editable: isEditableStatus(row.status),
    manager,
  };
}
