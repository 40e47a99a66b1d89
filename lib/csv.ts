import Papa from "papaparse";

/**
 * OWASP's CSV-injection rule: a cell that starts with =, +, -, @, a tab or a carriage return is
 * prefixed with a single quote (and quoted), so a spreadsheet shows it as text instead of running
 * it. A plain decimal number ("-0.42", "17") is no formula and stays a number a spreadsheet can
 * sum; anything more after the digits ("-2+3+cmd|…") is neutralised.
 */
const FORMULA_CELL = /^(?!-?\d+(?:\.\d+)?$)[=+\-@\t\r]/;

const encoder = new TextEncoder();

/** CSV lines (CRLF, each ending with one) for every export: the one place cells are written. */
export function csvText(rows: readonly (readonly unknown[])[]): string {
  if (rows.length === 0) return "";
  return `${Papa.unparse(rows as unknown[][], { escapeFormulae: FORMULA_CELL, newline: "\r\n" })}\r\n`;
}

/** csvText as bytes, for streamed exports. */
export function csvChunk(rows: readonly (readonly unknown[])[]): Uint8Array {
  return encoder.encode(csvText(rows));
}
