import { ScrollRegion } from "@/components/ui/scroll-region";
/** The numbers behind a chart, folded away under "Show the numbers": one row per cycle. */
export function ChartNumbers({
  caption,
  columns,
  rows,
  rowHeader = "Cycle",
  textColumns = 0,
}: {
  caption: string;
  rowHeader?: string;
  /** How many leading columns hold text (left-aligned) rather than numbers. */
  textColumns?: number;
  columns: string[];
  rows: { key: string | number; label: string; open?: boolean; values: string[] }[];
}) {
  return (
    <details className="mt-4">
      <summary className="cursor-pointer text-sm font-medium">Show the numbers</summary>
      <ScrollRegion label={caption}>
        <table className="figures mt-2 w-full text-sm">
          <caption className="sr-only">{caption}</caption>
          <thead>
            <tr className="border-b border-line text-left">
              <th scope="col" className="py-1 pr-3 font-medium">
                {rowHeader}
              </th>
              {columns.map((column, i) => (
                <th
                  key={column}
                  scope="col"
                  className={`py-1 pr-3 font-medium ${i < textColumns ? "text-left" : "text-right"}`}
                >
                  {column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key}>
                <th scope="row">
                  {row.label}
                  {row.open && <span className="text-muted"> (open)</span>}
                </th>
                {row.values.map((value, i) => (
                  <td key={columns[i]} className={i < textColumns ? "text-left" : undefined}>
                    {value}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </details>
  );
}
