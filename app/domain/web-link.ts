/**
 * A stored web address (an application's website or video) as a link target: only http and https
 * addresses are made clickable, normalised by the URL parser; anything else (`javascript:`,
 * `data:`, text that is no address) gives null, and the page shows it as text or not at all.
 */
export function linkHref(value: string | null | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.toString() : null;
  } catch {
    return null;
  }
}
