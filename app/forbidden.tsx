import { ErrorPage } from "@/components/ui/error-page";

export default function Forbidden() {
  return (
    <ErrorPage status={403} title="You don't have access to this page">
      It belongs to another role or another team. If you think you should see it, ask your administrator.
    </ErrorPage>
  );
}
