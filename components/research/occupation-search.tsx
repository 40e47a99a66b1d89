/** The O*NET occupation search: a GET form, so a search is a link that can be shared or reloaded. */
export function OccupationSearch({
  defaultValue,
  hidden = {},
}: {
  defaultValue?: string;
  /** Query parameters the page needs kept, such as the role being linked. */
  hidden?: Record<string, string | number>;
}) {
  return (
    <search>
      <form method="get" className="flex flex-wrap items-end gap-2">
        {Object.entries(hidden).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <div className="min-w-0 flex-1">
          <label htmlFor="q" className="block text-sm font-medium">
            Occupation title or code
          </label>
          <input id="q" name="q" type="search" defaultValue={defaultValue} className="input mt-1" />
        </div>
        <button
          type="submit"
          className="rounded-md bg-[var(--color-accent)] px-4 py-2 text-sm font-semibold text-white hover:bg-[var(--color-accent-strong)]"
        >
          Search
        </button>
      </form>
    </search>
  );
}
