import { canonicalJson, type ListingAttributes } from '../listings';

export interface AttributeChange {
  readonly attribute: string;
  readonly change: 'added' | 'removed' | 'changed';
  /** Pretty JSON of the attribute as last sent / as it would be sent now. */
  readonly before: string | null;
  readonly after: string | null;
}

function pretty(value: unknown): string {
  return JSON.stringify(value, null, 2);
}

/** The attributes a previous feed message carried: all of them for UPDATE, the patched ones for PATCH. */
function sentAttributes(message: Readonly<Record<string, unknown>>): { attributes: Record<string, unknown>; partial: boolean } {
  if (message['operationType'] === 'PATCH' && Array.isArray(message['patches'])) {
    const attributes: Record<string, unknown> = {};
    for (const p of message['patches'] as { path?: unknown; value?: unknown }[]) {
      if (typeof p.path === 'string' && p.path.startsWith('/attributes/')) attributes[p.path.slice('/attributes/'.length)] = p.value;
    }
    return { attributes, partial: true };
  }
  const attrs = message['attributes'];
  return { attributes: typeof attrs === 'object' && attrs !== null ? { ...(attrs as Record<string, unknown>) } : {}, partial: false };
}

/**
 * Attribute-by-attribute difference between the last sent feed message and the listing as it
 * would be sent now. After a PATCH only the patched (offer) attributes are known, so only those
 * are compared — nothing else is reported as added.
 */
export function diffAgainstSent(message: Readonly<Record<string, unknown>>, now: ListingAttributes): AttributeChange[] {
  const { attributes: before, partial } = sentAttributes(message);
  const names = partial ? Object.keys(before) : [...new Set([...Object.keys(before), ...Object.keys(now)])];
  const changes: AttributeChange[] = [];
  for (const attribute of names.sort()) {
    const was = before[attribute];
    const is = now[attribute];
    if (was === undefined && is !== undefined) changes.push({ attribute, change: 'added', before: null, after: pretty(is) });
    else if (was !== undefined && is === undefined) changes.push({ attribute, change: 'removed', before: pretty(was), after: null });
    else if (canonicalJson(was) !== canonicalJson(is)) changes.push({ attribute, change: 'changed', before: pretty(was), after: pretty(is) });
  }
  return changes;
}
