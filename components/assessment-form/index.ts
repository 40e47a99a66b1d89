// The assessment instrument, shared by the employee's self-assessment and the manager's review.
export { AssessmentForm, type AssessmentFormAction, type AssessmentFormProps } from "./assessment-form";
export { AssessmentSummary } from "./assessment-summary";
export { CapabilityRatings } from "./capability-ratings";
export { ErrorSummary } from "./error-summary";
export { LevelMixEditor } from "./level-mix-editor";
export { NotesField } from "./notes-field";
export { TaskInventoryEditor, type TaskRow, toTaskRows } from "./task-inventory-editor";
