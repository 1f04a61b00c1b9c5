// The only gate between server text and a URL attribute. Anything a server (or an agent, or a bot) writes
// reaches `href` or `src` only through these functions: parsed with URL (which strips the whitespace and
// control characters that browsers ignore too, so `java\tscript:` is seen as `javascript:`) and then
// checked by scheme. Relative, protocol-relative and entity-encoded URLs do not parse and are refused.

function parse(url: string | undefined): URL | undefined {
  if (!url) return undefined;
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

/** A blob: URL made by this page (a local preview) — never one minted by another origin. */
function ownBlob(parsed: URL): boolean {
  return parsed.protocol === 'blob:' && typeof location !== 'undefined' && parsed.origin === location.origin;
}

/** For `src` (images, video, audio, avatars): http(s), or a blob: preview of this page. */
export function safeSrc(url: string | undefined): string | undefined {
  const parsed = parse(url);
  if (!parsed) return undefined;
  return parsed.protocol === 'http:' || parsed.protocol === 'https:' || ownBlob(parsed) ? parsed.href : undefined;
}

/** For links in text (Markdown, web addresses): http(s), mailto and tel. */
export function safeHref(url: string | undefined): string | undefined {
  const parsed = parse(url);
  if (!parsed) return undefined;
  return ['http:', 'https:', 'mailto:', 'tel:'].includes(parsed.protocol) ? parsed.href : undefined;
}


/** The file name at the end of a URL, for a file card that has no name from the server. */
export function fileName(url: string): string {
  try {
    const last = new URL(url).pathname.split('/').filter(Boolean).pop();
    return last ? decodeURIComponent(last) : url;
  } catch {
    return url;
  }
}

/** A map of a point on OpenStreetMap, or nothing when the coordinates are not a point on Earth. */
export function mapUrl(lat: number | undefined, long: number | undefined): string | undefined {
  if (lat === undefined || long === undefined || !Number.isFinite(lat) || !Number.isFinite(long)) return undefined;
  if (Math.abs(lat) > 90 || Math.abs(long) > 180) return undefined;
  return `https://www.openstreetmap.org/?mlat=${lat}&mlon=${long}#map=16/${lat}/${long}`;
}
