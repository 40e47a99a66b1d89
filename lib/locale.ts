import "server-only";
import { headers } from "next/headers";

/** The visitor's preferred locale from Accept-Language, for dates; en-GB when none is usable. */
async function requestLocale() {
  const accepted = (await headers()).get("accept-language") ?? "";
  const candidates = accepted
    .split(",")
    .map((part) => part.split(";")[0]?.trim())
    .filter((tag): tag is string => Boolean(tag) && tag !== "*");
  for (const tag of candidates) {
    try {
      if (Intl.DateTimeFormat.supportedLocalesOf(tag).length > 0) return tag;
    } catch {
      // A malformed tag is skipped, not an error.
    }
  }
  return "en-GB";
}

/** Every date and time the app shows, in the visitor's locale; times in UTC, with the zone written out. */
export async function dateFormatters() {
  return dateFormattersFor(await requestLocale());
}

export function dateFormattersFor(locale: string) {
  const day = { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" } as const;
  return {
    date: new Intl.DateTimeFormat(locale, { ...day, month: "long" }),
    shortDate: new Intl.DateTimeFormat(locale, day),
    dateTime: new Intl.DateTimeFormat(locale, { ...day, hour: "2-digit", minute: "2-digit", timeZoneName: "short" }),
    /** With seconds, where the order of events matters (audit log, outbox). */
    exactDateTime: new Intl.DateTimeFormat(locale, {
      ...day,
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      timeZoneName: "short",
    }),
  };
}

/** A calendar date column ("2026-12-31") as a Date at noon UTC, so no time zone shifts its day. */
export function calendarDate(isoDate: string) {
  return new Date(`${isoDate}T12:00:00Z`);
}
