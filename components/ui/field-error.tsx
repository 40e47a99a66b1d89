export type FieldErrors = Partial<Record<string, string[]>>;

/** A field's own error, right under it; the control points at it with aria-describedby (see `errorProps`). */
export function FieldError({ id, messages }: { id: string; messages?: string[] }) {
  if (!messages?.length) return null;
  return (
    <p id={id} className="mt-1 text-sm text-red-700 dark:text-red-400">
      {messages.join(" ")}
    </p>
  );
}

/** aria props for the control named `name`, whose error (if any) is shown as `${name}-error`. */
export function errorProps(errors: FieldErrors | undefined, name: string) {
  const has = Boolean(errors?.[name]?.length);
  return { "aria-invalid": has, "aria-describedby": has ? `${name}-error` : undefined } as const;
}

export function describedBy(...ids: (string | false | null | undefined)[]) {
  const list = ids.filter(Boolean).join(" ");
  return list || undefined;
}
