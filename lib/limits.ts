/** Text limits shared by the schema, the forms and the data layer. */

/** What a manager types for a role's task. */
export const ROLE_TASK_TEXT_MAX = 200;
/** An O*NET statement kept whole on a role built from an occupation (the longest of the 19,265 is 332). */
export const OCCUPATION_TASK_TEXT_MAX = 400;
