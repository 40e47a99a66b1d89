import { EXPOSURE_CLASSES, type ExposureClass } from "@/lib/ladder";

export function ExposureBadge({ exposureClass }: { exposureClass: ExposureClass }) {
  const { label, color } = EXPOSURE_CLASSES[exposureClass];
  return (
    <span className="inline-flex items-center gap-1.5 whitespace-nowrap rounded-full border border-line px-2 py-0.5 text-xs font-medium">
      <span className="h-2 w-2 rounded-full" style={{ background: color }} aria-hidden="true" />
      {label}
    </span>
  );
}
