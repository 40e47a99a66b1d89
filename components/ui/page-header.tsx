import Link from "next/link";

export function PageHeader({
  title,
  description,
  children,
}: {
  title: string;
  description?: string;
  children?: React.ReactNode;
}) {
  return (
    <div className="mb-8 flex flex-wrap items-end justify-between gap-4">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">{title}</h1>
        {description && <p className="text-muted mt-1 max-w-2xl">{description}</p>}
      </div>
      {children}
    </div>
  );
}

/** The link back to the page this one sits under, above its header. */
export function BackLink({ href, children }: { href: string; children: React.ReactNode }) {
  return (
    <p className="mb-2 text-sm">
      <Link href={href} className="text-[var(--color-accent)] hover:underline dark:text-indigo-300">
        ← {children}
      </Link>
    </p>
  );
}
