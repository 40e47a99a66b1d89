import { LadderMark } from "@/components/ladder-mark";

/** The frame of the signed-out pages: sign-in, forgotten password, set a password. */
export function AuthCard({
  title,
  subtitle,
  children,
}: {
  title: string;
  subtitle?: string;
  children: React.ReactNode;
}) {
  return (
    <main className="flex min-h-screen items-center justify-center px-3 py-8 sm:px-4 sm:py-12">
      <div className="surface w-full max-w-md rounded-2xl p-5 shadow-sm sm:p-8">
        <div className="flex items-center gap-3">
          <LadderMark className="h-9 w-9" />
          <div>
            <h1 className="text-xl font-semibold">{title}</h1>
            {subtitle && <p className="text-muted text-sm">{subtitle}</p>}
          </div>
        </div>
        <div className="mt-8">{children}</div>
      </div>
    </main>
  );
}
