import { describe, expect, it } from 'vitest';
import { NetworkError } from '../../../main/amazon/errors';
import { buildQueryString, defaultUserAgent, extractAmazonErrors, fillPath, parseJsonBody, serializeQuery, toNetworkError } from '../../../main/amazon/wire';

describe('wire', () => {
  it('joins arrays as csv, encodes each element, and drops undefined and empty arrays', () => {
    const wire = serializeQuery({ marketplaceIds: ['A', 'B'], identifiers: [], pageSize: 20, keywords: ['a b', 'c,d'], locale: undefined });

    expect(wire).toEqual({ marketplaceIds: 'A,B', pageSize: '20', keywords: 'a b,c,d' });
    expect(buildQueryString({ marketplaceIds: ['A', 'B'], keywords: ['a b', 'c,d'], q: 'x,y', pageSize: 5, none: undefined, empty: [] })).toBe(
      '?marketplaceIds=A,B&keywords=a%20b,c%2Cd&q=x%2Cy&pageSize=5',
    );
    expect(buildQueryString({})).toBe('');
  });

  it('encodes path parameters whole so a SKU with a slash stays one segment', () => {
    expect(fillPath('/listings/2021-08-01/items/{sellerId}/{sku}', { sellerId: 'A1', sku: 'KIT/01 azul' })).toBe(
      '/listings/2021-08-01/items/A1/KIT%2F01%20azul',
    );
    expect(() => fillPath('/x/{feedId}', {})).toThrow(/feedId/);
  });

  it('reads Amazon errors from the wrapped, v0 and bare-array shapes', () => {
    const entry = { code: 'InvalidInput', message: 'Invalid Input', details: 'd' };
    expect(extractAmazonErrors({ errors: [entry] })).toEqual([entry]);
    expect(extractAmazonErrors({ payload: null, errors: [entry] })).toEqual([entry]);
    expect(extractAmazonErrors([entry])).toEqual([entry]);
    expect(extractAmazonErrors('<html>')).toEqual([]);
  });

  it('treats empty bodies as undefined and recognises HTML pages', () => {
    expect(parseJsonBody('', null)).toEqual({ ok: true, value: undefined });
    expect(parseJsonBody('{"a":1}', 'application/json')).toEqual({ ok: true, value: { a: 1 } });
    expect(parseJsonBody('<html><body>Bad Gateway</body></html>', 'text/html')).toEqual({ ok: false, problem: 'body is an HTML page' });
    expect(parseJsonBody('{"a":', 'application/json')).toEqual({ ok: false, problem: 'body is malformed JSON' });
  });

  it('knows a refused connection was never sent but a timeout may have been', () => {
    const refused = toNetworkError('createFeed', new TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } }));
    const reset = toNetworkError('createFeed', new TypeError('fetch failed', { cause: { code: 'ECONNRESET' } }));
    const timeout = toNetworkError('createFeed', new DOMException('timed out', 'TimeoutError'));

    expect(refused).toBeInstanceOf(NetworkError);
    expect(refused.sent).toBe(false);
    expect(reset.sent).toBe(true);
    expect(timeout).toMatchObject({ reason: 'timeout', sent: true });
  });

  it('rethrows the caller abort reason instead of wrapping it', () => {
    const controller = new AbortController();
    controller.abort(new Error('user cancelled'));
    expect(() => toNetworkError('getFeed', new DOMException('aborted', 'AbortError'), controller.signal)).toThrow('user cancelled');
  });

  it('builds a user-agent in Amazon format within 500 characters', () => {
    const ua = defaultUserAgent('1.2.3');
    expect(ua).toMatch(/^Vitrine\/1\.2\.3 \(Language=TypeScript\/Node \d+\.\d+\.\d+; Platform=[^)]+\)$/);
    expect(defaultUserAgent('x'.repeat(600)).length).toBe(500);
  });
});
