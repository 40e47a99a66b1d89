import Link from "next/link";

export default function Forbidden() {
  return (
    <main className="mx-auto max-w-lg px-6 py-24 text-center">
      <p className="text-muted text-sm font-semibold">403</p>
      <h1 className="mt-2 text-2xl font-semibold">You don&apos;t have access to this page</h1>
      <p className="text-muted mt-3">
        It belongs to another role or another team. If you think you should see it, ask your administrator.
      </p>
      <Link
        href="/"
        className="mt-8 inline-block rounded-md bg-[var(--color-accent)] px-4 py-2 text-sm font-medium text-white"
      >
        Go to your home page
      </Link>
    </main>
  );
}
