/** The largest id the database's integer columns hold; a larger one can name no row. */
const MAX_ID = 2_147_483_647;

/**
 * A route segment or query value as a row id: a positive integer within the database's integer
 * range, written plainly ("12", not "1e3" or "012"), else null — the caller answers 404 or 400
 * instead of letting the database refuse an out-of-range number with a 500.
 */
export function parseId(value: string | null | undefined, max = MAX_ID): number | null {
  if (!value || value.length > 16 || !/^[1-9][0-9]*$/.test(value)) return null;
  const id = Number(value);
  return id <= max ? id : null;
}

/** A real calendar date written yyyy-mm-dd ("2026-02-30" and "2026-13-45" are not), else undefined. */
export function parseCalendarDate(value: string | null | undefined): string | undefined {
  if (!value || !/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(value)) return undefined;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value) ? value : undefined;
}

/** Free text from a query string, cut to size and without control characters (PostgreSQL refuses NUL). */
export function parseText(value: string | null | undefined, maxLength: number): string | undefined {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
  const text = value?.replace(/[\u0000-\u001f\u007f]/g, "").slice(0, maxLength);
  return text || undefined;
}
