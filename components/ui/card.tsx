export function Card({
  title,
  description,
  children,
  className = "",
  headingLevel: Heading = "h2",
}: {
  title?: string;
  description?: React.ReactNode;
  children: React.ReactNode;
  className?: string;
  headingLevel?: "h2" | "h3";
}) {
  return (
    <section className={`surface rounded-xl p-5 shadow-sm print:break-inside-avoid print:shadow-none ${className}`}>
      {title && <Heading className="text-base font-semibold">{title}</Heading>}
      {description && <p className="text-muted mt-1 text-sm">{description}</p>}
      <div className={title || description ? "mt-4" : ""}>{children}</div>
    </section>
  );
}

export function Stat({ label, value, hint }: { label: string; value: React.ReactNode; hint?: React.ReactNode }) {
  return (
    <div className="surface rounded-xl p-4 shadow-sm print:break-inside-avoid print:shadow-none">
      <p className="text-muted text-sm">{label}</p>
      <p className="mt-1 text-2xl font-semibold tabular-nums">{value}</p>
      {hint && <p className="text-muted mt-1 text-xs">{hint}</p>}
    </div>
  );
}
