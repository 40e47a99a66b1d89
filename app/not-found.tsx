import Link from "next/link";

export default function NotFound() {
  return (
    <main className="mx-auto max-w-lg px-6 py-24 text-center">
      <p className="text-muted text-sm font-semibold">404</p>
      <h1 className="mt-2 text-2xl font-semibold">This page does not exist</h1>
      <Link
        href="/"
        className="mt-8 inline-block rounded-md bg-[var(--color-accent)] px-4 py-2 text-sm font-medium text-white"
      >
        Go to your home page
      </Link>
    </main>
  );
}
