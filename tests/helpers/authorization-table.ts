import { DEMO_PASSWORD } from "@/lib/demo-accounts";
import { mailPreferenceUrl } from "@/lib/notifications/preference-link";
import { ROLES, type Role, type World } from "./matrix-world";

/**
 * The ownership cases a row can be checked in. Every row is also checked with each role's account
 * deactivated: whatever the session cookie says, that is a visitor who must sign in again.
 */
/** `forged`: a wrong password or a forged link or signature. */
export type Case = "none" | "own" | "report" | "otherTeam" | "closedCycle" | "self" | "forged";
export type ActionOutcome = "ok" | "refused" | "signin";
export type PageOutcome = "ok" | "forbidden" | "notFound" | "signin" | "redirect";
export type Expected<Outcome> = Record<Role, Outcome>;

/** The roles listed get `yes`, the others `no`. */
export function only<Outcome>(roles: readonly Role[], yes: Outcome, no: Outcome): Expected<Outcome> {
  return Object.fromEntries(ROLES.map((role) => [role, roles.includes(role) ? yes : no])) as Expected<Outcome>;
}
const actionFor = (...roles: Role[]) => only<ActionOutcome>(roles, "ok", "refused");
const nobody = actionFor();
export const pageFor = (...roles: Role[]) => only<PageOutcome>(roles, "ok", "forbidden");

export type Fields = Record<string, string>;
export type ActionRow = {
  /** The fields the action is called with in each case: forged ids pointing at the case's record. */
  cases: Partial<Record<Case, { fields: (w: World, role: Role) => Fields; expect: Expected<ActionOutcome> }>>;
  /** An accepted call changes nothing stored (signing in or out). */
  readOnly?: boolean;
  /** Needs no session: a deactivated account gets the same answer as anyone. */
  public?: boolean;
  /** A plain form action, called with the form data alone (not through useActionState). */
  plainForm?: boolean;
  /**
   * Ends a session (a write) and sends the browser to sign in: the cookie's own session whoever it
   * belongs to ("always"), or an active person's sessions only ("signedIn").
   */
  endsSessions?: "always" | "signedIn";
  /** A refused call from a signed-in person is recorded in the audit log (a wrong current password). */
  recordsRefusals?: boolean;
};

/** Records the matrix test adds to the seed: a person with no access yet, an outbox mail, a job, a notification. */
export const extras = { inviteeId: 0, mailId: 0, jobId: 0, employeeNotificationId: 0 };

/** The signed fields of a notification mail's one-click link. */
function linkFields(personId: number, mail: string): Fields {
  const link = new URL(mailPreferenceUrl(personId, "cycle_opened"));
  return { p: link.searchParams.get("p")!, k: link.searchParams.get("k")!, s: link.searchParams.get("s")!, mail };
}

const assessmentFields = (extra: Fields): Fields => ({
  intent: "draft",
  version: "0",
  mix: JSON.stringify({ s1: 10, s2: 20, s3: 30, s4: 30, s5: 10 }),
  tasks: JSON.stringify([{ text: "Matrix task", level: 3, aiUsed: false }]),
  ratings: JSON.stringify({ judgment: 3, communication: 3, stakeholders: 3, systemsThinking: 3, ownership: 3 }),
  notes: "From the authorization matrix.",
  ...extra,
});

const roleFields = (role: { id: number; version: number } | null, teamId: number): Fields => ({
  ...(role ? { roleId: String(role.id), baseVersion: String(role.version) } : {}),
  teamId: String(teamId),
  title: `Matrix role ${Math.random().toString(36).slice(2, 8)}`,
  description: "",
  s1: "20",
  s2: "20",
  s3: "20",
  s4: "20",
  s5: "20",
  "tasks.0.text": "Reconcile the accounts",
  "tasks.0.level": "1",
});

const fromOccupation = (w: World, teamId: number): Fields => ({
  teamId: String(teamId),
  title: `Occupation role ${Math.random().toString(36).slice(2, 8)}`,
  occupationCode: w.occupationCode,
  ...Object.fromEntries(
    w.occupationTaskIds.flatMap((id, i) => [
      [`tasks.${i}.id`, String(id)],
      [`tasks.${i}.level`, "3"],
    ]),
  ),
  "mix.s1": "10",
  "mix.s2": "20",
  "mix.s3": "40",
  "mix.s4": "20",
  "mix.s5": "10",
});

let cycleNames = 0;
/** A fresh quarter name for each created cycle, far from the seeded ones. */
const nextCycle = () => {
  cycleNames++;
  const year = 2040 + cycleNames;
  return { name: `${year} Q1`, startsOn: `${year}-01-01`, endsOn: `${year}-03-31` };
};

/**
 * Every server action (file#export) × role × case → answer. The rows run in this order on one
 * seeded organisation, so the cycle lifecycle comes last.
 */
export const ACTIONS: Record<string, ActionRow> = {
  "app/(auth)/login/actions.ts#signInWithPassword": {
    readOnly: true,
    public: true,
    cases: { none: { fields: () => ({ email: "nobody@example.test", password: "x" }), expect: actionFor(...ROLES) } },
  },
  "app/(app)/me/actions.ts#saveMySelfAssessment": {
    cases: {
      // Everyone self-assesses; only the employee has a draft already.
      own: {
        fields: (w, role) =>
          assessmentFields({
            cycleId: String(w.openCycle.id),
            assessmentId: role === "employee" ? String(w.employeeSelf?.id) : "",
            version: role === "employee" ? String(w.employeeSelf?.version) : "0",
          }),
        expect: actionFor(...ROLES),
      },
      otherTeam: {
        // Someone else's assessment id, forged into one's own save.
        fields: (w) =>
          assessmentFields({
            cycleId: String(w.openCycle.id),
            assessmentId: String(w.otherPerson.selfId),
            version: "1",
          }),
        expect: nobody,
      },
      closedCycle: {
        fields: (w) => assessmentFields({ cycleId: String(w.closedCycle.id), assessmentId: "" }),
        expect: nobody,
      },
    },
  },
  "app/(app)/team/review/[personId]/actions.ts#saveManagerReviewAction": {
    cases: {
      report: {
        fields: (w) =>
          assessmentFields({ personId: String(w.report.personId), assessmentId: "", calibrationReason: "" }),
        expect: actionFor("manager"),
      },
      otherTeam: {
        fields: (w) =>
          assessmentFields({ personId: String(w.otherPerson.personId), assessmentId: "", calibrationReason: "" }),
        expect: nobody,
      },
      self: {
        fields: (w, role) =>
          assessmentFields({ personId: String(w.actorIds[role]), assessmentId: "", calibrationReason: "" }),
        expect: nobody,
      },
      // The demo employee's review, finalized: the acknowledgement row below needs one.
      own: {
        fields: (w) =>
          assessmentFields({
            intent: "finalize",
            personId: String(w.actorIds.employee),
            assessmentId: "",
            calibrationReason: "",
          }),
        expect: actionFor("manager"),
      },
    },
  },
  "app/(app)/team/review/[personId]/actions.ts#returnForChangesAction": {
    cases: {
      otherTeam: {
        fields: (w) => ({
          personId: String(w.otherPerson.personId),
          selfVersion: String(w.otherPerson.selfVersion),
          message: "Please add tasks.",
        }),
        expect: nobody,
      },
      self: {
        fields: (w, role) => ({ personId: String(w.actorIds[role]), selfVersion: "1", message: "Please add tasks." }),
        expect: nobody,
      },
      report: {
        fields: (w) => ({
          personId: String(w.report.personId),
          selfVersion: String(w.report.selfVersion),
          message: "Please add tasks.",
        }),
        expect: actionFor("manager"),
      },
    },
  },
  "app/(app)/review-conversation/actions.ts#addReviewCommentAction": {
    cases: {
      // On one's own review: only the demo employee has someone reviewing them (the others are in no team).
      own: {
        fields: (w, role) => ({ cycleId: String(w.openCycle.id), subjectId: String(w.actorIds[role]), body: "Hello" }),
        expect: actionFor("employee"),
      },
      report: {
        fields: (w) => ({ cycleId: String(w.openCycle.id), subjectId: String(w.report.personId), body: "Hello" }),
        expect: actionFor("manager"),
      },
      otherTeam: {
        fields: (w) => ({ cycleId: String(w.openCycle.id), subjectId: String(w.otherPerson.personId), body: "Hi" }),
        expect: nobody,
      },
      // A closed quarter's conversation is read-only, for its two parties too.
      closedCycle: {
        fields: (w) => ({ cycleId: String(w.closedCycle.id), subjectId: String(w.actorIds.employee), body: "Late" }),
        expect: nobody,
      },
    },
  },
  "app/(app)/review-conversation/actions.ts#acknowledgeReviewAction": {
    cases: {
      // Only the demo employee's review is finalized (by the review row above); once only.
      own: {
        fields: (w) => ({ cycleId: String(w.openCycle.id), comment: "Read it, thanks." }),
        expect: actionFor("employee"),
      },
      closedCycle: { fields: (w) => ({ cycleId: String(w.closedCycle.id), comment: "" }), expect: nobody },
    },
  },
  "app/(app)/admin/people/[personId]/actions.ts#readConversationAction": {
    // Reading writes the audit entry first.
    cases: {
      report: {
        fields: (w) => ({ cycleId: String(w.openCycle.id), subjectId: String(w.report.personId) }),
        expect: actionFor("admin"),
      },
    },
  },
  "app/(app)/team/roles/actions.ts#saveRoleAction": {
    cases: {
      own: { fields: (w) => roleFields(w.ownRole, w.ownTeam.id), expect: actionFor("manager") },
      otherTeam: { fields: (w) => roleFields(w.otherRole, w.otherTeam.id), expect: nobody },
      // A role of one's own team moved into another team by a forged teamId.
      report: { fields: (w) => roleFields(null, w.otherTeam.id), expect: nobody },
    },
  },
  "app/(app)/team/roles/actions.ts#assignRolesAction": {
    cases: {
      report: {
        fields: (w) => ({ [`role.${w.report.personId}`]: String(w.ownRole.id) }),
        expect: actionFor("manager"),
      },
      otherTeam: {
        fields: (w) => ({ [`role.${w.otherPerson.personId}`]: String(w.otherRole.id) }),
        expect: nobody,
      },
    },
  },
  "app/(app)/team/roles/new-from-occupation/actions.ts#createRoleFromOccupationAction": {
    cases: {
      own: { fields: (w) => fromOccupation(w, w.ownTeam.id), expect: actionFor("manager") },
      otherTeam: { fields: (w) => fromOccupation(w, w.otherTeam.id), expect: nobody },
    },
  },
  "app/(app)/team/research/actions.ts#linkRoleAction": {
    cases: {
      own: {
        fields: (w) => ({ roleId: String(w.ownRole.id), occupationCode: w.occupationCode }),
        expect: actionFor("manager"),
      },
      otherTeam: {
        fields: (w) => ({ roleId: String(w.otherRole.id), occupationCode: w.occupationCode }),
        expect: nobody,
      },
    },
  },
  "app/(app)/admin/actions.ts#createTeamAction": {
    cases: {
      none: {
        fields: (w) => ({ name: `Matrix team ${Math.random()}`, departmentId: String(w.ownTeam.departmentId) }),
        expect: actionFor("admin"),
      },
    },
  },
  "app/(app)/admin/actions.ts#setTeamManagerAction": {
    cases: {
      otherTeam: {
        fields: (w) => ({ teamId: String(w.otherTeam.id), managerId: String(w.actorIds.manager) }),
        expect: actionFor("admin"),
      },
    },
  },
  "app/(app)/admin/actions.ts#createPersonAction": {
    cases: {
      none: {
        fields: () => ({
          name: "Matrix Person",
          email: `matrix-${Math.random().toString(36).slice(2)}@example.test`,
          role: "admin",
          teamId: "",
          password: "",
        }),
        expect: actionFor("admin"),
      },
    },
  },
  "app/(app)/admin/actions.ts#updatePersonAction": {
    cases: {
      report: {
        fields: (w) => ({
          personId: String(w.report.personId),
          name: "Renamed By Matrix",
          email: `renamed-${Math.random().toString(36).slice(2)}@example.test`,
          role: "employee",
        }),
        expect: actionFor("admin"),
      },
      // Taking the admin role from oneself, or giving it to oneself.
      self: {
        fields: (w, role) => ({
          personId: String(w.actorIds[role]),
          name: "Self Changed",
          email: `self-${role}@example.test`,
          role: role === "admin" ? "employee" : "admin",
        }),
        expect: nobody,
      },
    },
  },
  "app/(app)/admin/actions.ts#movePersonAction": {
    cases: {
      otherTeam: {
        fields: (w) => ({ personId: String(w.otherPerson.personId), teamId: String(w.ownTeam.id) }),
        expect: actionFor("admin"),
      },
    },
  },
  "app/(app)/admin/actions.ts#setActiveAction": {
    cases: {
      otherTeam: {
        fields: (w) => ({ personId: String(w.otherPerson.personId), active: "false" }),
        expect: actionFor("admin"),
      },
      // Nobody deactivates themselves.
      self: { fields: (w, role) => ({ personId: String(w.actorIds[role]), active: "false" }), expect: nobody },
    },
  },
  "app/(app)/actions.ts#sendNudgesAction": {
    cases: {
      // The manager reminds their reports, then the admin everyone else not reminded today; a
      // third call the same day would find nobody left.
      own: { fields: (w) => ({ cycleId: String(w.openCycle.id) }), expect: actionFor("manager", "admin") },
      closedCycle: { fields: (w) => ({ cycleId: String(w.closedCycle.id) }), expect: nobody },
    },
  },
  "app/(app)/admin/actions.ts#createCycleAction": {
    cases: { none: { fields: () => nextCycle(), expect: actionFor("admin") } },
  },
  "app/(app)/admin/actions.ts#updateCycleDatesAction": {
    cases: {
      closedCycle: {
        fields: (w) => ({ cycleId: String(w.closedCycle.id), startsOn: "2020-01-01", endsOn: "2020-03-31" }),
        expect: nobody,
      },
      own: {
        fields: (w) => ({
          cycleId: String(w.openCycle.id),
          startsOn: w.openCycle.startsOn,
          endsOn: `${w.openCycle.endsOn.slice(0, 8)}30`,
        }),
        expect: actionFor("admin"),
      },
    },
  },
  "app/(app)/admin/actions.ts#reopenCycleAction": {
    cases: {
      own: {
        fields: (w) => ({ cycleId: String(w.openCycle.id), reason: "Matrix: an open cycle cannot be re-opened." }),
        expect: nobody,
      },
    },
  },
  "app/(app)/admin/actions.ts#closeCycleAction": {
    cases: {
      closedCycle: { fields: (w) => ({ cycleId: String(w.closedCycle.id), confirm: "yes" }), expect: nobody },
      own: { fields: (w) => ({ cycleId: String(w.openCycle.id), confirm: "yes" }), expect: actionFor("admin") },
    },
  },
  "app/(app)/admin/actions.ts#openCycleAction": {
    cases: { closedCycle: { fields: (w) => ({ cycleId: String(w.closedCycle.id) }), expect: nobody } },
  },
  "app/(auth)/login/actions.ts#signInWithSso": {
    // Only sends the browser to the identity provider: no session needed, nothing stored.
    readOnly: true,
    public: true,
    plainForm: true,
    cases: { none: { fields: () => ({ callbackUrl: "/" }), expect: actionFor(...ROLES) } },
  },
  "app/(auth)/forgot-password/actions.ts#requestPasswordResetAction": {
    // The same answer for any email; the unknown one is recorded in the audit log.
    public: true,
    cases: {
      none: {
        fields: () => ({ email: `nobody-${Math.random().toString(36).slice(2)}@example.test` }),
        expect: actionFor(...ROLES),
      },
    },
  },
  "app/(auth)/set-password/actions.ts#setPasswordAction": {
    public: true,
    cases: {
      forged: {
        fields: () => ({ token: "forged-token", password: "Matrix-password-2041!", confirm: "Matrix-password-2041!" }),
        expect: nobody,
      },
    },
  },
  "app/(auth)/mail-preferences/actions.ts#setMailPreferenceFromLink": {
    public: true,
    cases: {
      own: { fields: (w, role) => linkFields(w.actorIds[role], ""), expect: actionFor(...ROLES) },
      // Signed for someone else, replayed with another person's id.
      forged: {
        fields: (w, role) => ({ ...linkFields(w.actorIds[role], ""), p: String(w.otherPerson.personId) }),
        expect: nobody,
      },
    },
  },
  "app/(app)/notifications/actions.ts#markAllReadAction": {
    cases: { own: { fields: () => ({}), expect: actionFor(...ROLES) } },
  },
  "app/(app)/notifications/actions.ts#saveMailPreferencesAction": {
    cases: { own: { fields: () => ({ mail: "deadline_near" }), expect: actionFor(...ROLES) } },
  },
  "app/(app)/admin/sign-in/actions.ts#setPasswordSignInAction": {
    cases: {
      none: { fields: () => ({ adminsOnly: "no" }), expect: actionFor("admin") },
      // Password sign-in for admins only needs single sign-on configured, which it is not here.
      forged: { fields: () => ({ adminsOnly: "yes" }), expect: nobody },
    },
  },
  "app/(app)/admin/actions.ts#invitePeopleAction": {
    cases: { none: { fields: () => ({ personId: String(extras.inviteeId) }), expect: actionFor("admin") } },
  },
  "app/(app)/admin/actions.ts#revokeInvitationAction": {
    // The invitation the row above sent.
    cases: { none: { fields: () => ({ personId: String(extras.inviteeId) }), expect: actionFor("admin") } },
  },
  "app/(app)/account/actions.ts#changePasswordAction": {
    recordsRefusals: true,
    cases: {
      forged: {
        fields: () => ({
          current: "not-the-password",
          password: "Matrix-password-2041!",
          confirm: "Matrix-password-2041!",
        }),
        expect: nobody,
      },
      own: {
        fields: () => ({ current: DEMO_PASSWORD, password: "Matrix-password-2041!", confirm: "Matrix-password-2041!" }),
        expect: actionFor(...ROLES),
      },
    },
  },
  "app/(app)/account/actions.ts#signOutEverywhereAction": {
    endsSessions: "signedIn",
    cases: { none: { fields: () => ({}), expect: only<ActionOutcome>(ROLES, "signin", "signin") } },
  },
  "app/(app)/actions.ts#signOutAction": {
    endsSessions: "always",
    cases: { none: { fields: () => ({}), expect: only<ActionOutcome>(ROLES, "signin", "signin") } },
  },
};
