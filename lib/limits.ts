/**
 * The bounds on what people type, defined once: db/schema.ts sizes its columns and checks from
 * these, the zod schemas refuse beyond them, the CSV importer rejects rows over them and the
 * inputs' `maxLength` read them. Pure constants, safe for the browser.
 */

/** A person's, a team's, a department's or a role's name. */
export const NAME_MAX = 120;
/** The longest address RFC 5321 allows. */
export const EMAIL_MAX = 254;
// A new password's rules (12+ characters, not common, not the email): lib/password-policy.ts.
export const PASSWORD_MAX = 200;
/** "2026 Q4". */
export const CYCLE_NAME_MAX = 20;
export const REOPEN_REASON_MIN = 10;
export const REOPEN_REASON_MAX = 500;

export const ROLE_DESCRIPTION_MAX = 1000;
export const ROLE_TASKS_MAX = 20;
/** One task's text, in a role or in an assessment's inventory. */
export const TASK_TEXT_MAX = 200;
/** An O*NET statement kept whole on a role built from an occupation (the longest of the 19,265 is 332). */
export const OCCUPATION_TASK_TEXT_MAX = 400;

export const ASSESSMENT_TASKS_MAX = 20;
export const NOTES_MAX = 4000;
export const RETURN_MESSAGE_MAX = 1000;
export const CALIBRATION_REASON_MIN = 10;
export const CALIBRATION_REASON_MAX = 1000;
/** One comment in the conversation on a review (and the optional one with an acknowledgement). */
export const REVIEW_COMMENT_MAX = 2000;

/** The largest people-and-teams CSV an import reads: 10 MiB, with or without a Content-Length. */
export const IMPORT_MAX_BYTES = 10 * 1024 * 1024;

/** A limit as the messages write it: "1,000". */
export const formatLimit = (n: number) => n.toLocaleString("en-GB");
