import { z } from "zod";

/** The largest PostgreSQL integer: an id or a version beyond it names no record, and must not reach a query. */
const INTEGER_MAX = 2_147_483_647;

/** A record's id sent by a form: a whole number the database's integer columns can hold. */
export function recordId(message = "That record does not exist.") {
  return z.coerce.number({ error: message }).int(message).positive(message).max(INTEGER_MAX, message);
}

/** The version of a record a form loaded (0 for one not saved yet). */
export const recordVersion = z.coerce
  .number()
  .int()
  .min(0)
  .max(INTEGER_MAX, "That version does not exist: reload the page.");
