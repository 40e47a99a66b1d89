import Link from "next/link";

/** A calm page for a status the user cannot fix here (403, 404), with the way home. */
export function ErrorPage({ status, title, children }: { status: number; title: string; children?: React.ReactNode }) {
  return (
    <main className="mx-auto max-w-lg px-6 py-24 text-center">
      <p className="text-muted text-sm font-semibold">{status}</p>
      <h1 className="mt-2 text-2xl font-semibold">{title}</h1>
      {children && <p className="text-muted mt-3">{children}</p>}
      <Link
        href="/"
        className="mt-8 inline-block rounded-md bg-[var(--color-accent)] px-4 py-2 text-sm font-medium text-white"
      >
        Go to your home page
      </Link>
    </main>
  );
}
