import { SimpleTable } from "@/components/ui/simple-table";

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
    <details className="mt-4 print:hidden">
      <summary className="cursor-pointer text-sm font-medium">Show the numbers</summary>
      <SimpleTable
        label={caption}
        caption={caption}
        tableClassName="figures mt-2 w-full text-sm"
        pad="py-1 pr-3"
        columns={[
          rowHeader,
          ...columns.map((label, i) => ({ label, align: i < textColumns ? ("left" as const) : ("right" as const) })),
        ]}
      >
        {rows.map((row) => (
          <tr key={row.key}>
            <th scope="row">
              {row.label}
              {row.open && <span className="text-muted"> (open)</span>}
            </th>
            {row.values.map((value, i) => (
              // The columns are fixed for the table. Keyed by label and with className={undefined},
              // every cell repeated both in the page's payload: a sixth of the page at 50 departments.
              // biome-ignore lint/suspicious/noArrayIndexKey: a cell's position is its identity here
              <td key={i} {...(i < textColumns && { className: "text-left" })}>
                {value}
              </td>
            ))}
          </tr>
        ))}
      </SimpleTable>
    </details>
  );
}
