/**
 * Opaque page tokens. They carry the offset and a fingerprint of the filters, so a token reused
 * with different filters is rejected the way Amazon rejects it.
 */
export function encodePageToken(offset: number, fingerprint: string): string {
  return Buffer.from(JSON.stringify({ o: offset, f: fingerprint })).toString('base64url');
}

export function decodePageToken(token: string, fingerprint: string): number | undefined {
  try {
    const parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { o?: unknown; f?: unknown };
    return typeof parsed.o === 'number' && parsed.o >= 0 && parsed.f === fingerprint ? parsed.o : undefined;
  } catch {
    return undefined;
  }
}

/** A stable fingerprint of the query minus the keys that may change between pages. */
export function fingerprint(query: Readonly<Record<string, string>>, ignore: readonly string[]): string {
  return Object.keys(query)
    .filter((k) => !ignore.includes(k))
    .sort()
    .map((k) => `${k}=${query[k]}`)
    .join('&');
}
