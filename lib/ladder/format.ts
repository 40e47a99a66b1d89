const MINUS = "\u2212";

function signed(value: string, n: number) {
  if (n > 0) return `+${value}`;
  if (n < 0) return `${MINUS}${value.replace("-", "")}`;
  return value;
}

/** Leverage index with two decimals: "2.84". */
export function formatIndex(index: number) {
  return index.toFixed(2);
}

/** Shares and exposure as whole percents: "37%". */
export function formatPercent(percent: number) {
  return `${Math.round(percent)}%`;
}

/** A change in the index, signed: "+0.31", "−0.12". */
export function formatIndexChange(change: number) {
  const rounded = Math.round(change * 100) / 100;
  return signed(Math.abs(rounded).toFixed(2), rounded);
}

/** A change in share, signed in points: "+6 pts", "−6 pts", "+1 pt". */
export function formatPointsChange(points: number) {
  const rounded = Math.round(points);
  return `${signed(String(Math.abs(rounded)), rounded)} ${Math.abs(rounded) === 1 ? "pt" : "pts"}`;
}
