/**
 * Redaction applied to every log record before any transport writes it.
 * Secrets reach the logger in many shapes (an error message quoting a token, an object with a
 * `client_secret` field, a URL with a query string), so we redact both by pattern and by value.
 */
const LWA_TOKEN = /Atz[ar]\|[A-Za-z0-9\-_.~+/=|%]+/g;
const RDT_TOKEN = /Atz\.sprdt\|[A-Za-z0-9\-_.~+/=|%]+/g;
const LWA_CLIENT_SECRET = /amzn1\.oa2-cs\.v1\.[A-Za-z0-9]+/g;
const SECRET_KEYS = /^(access_token|refresh_token|client_secret|clientSecret|refreshToken|accessToken|password|secret|authorization|x-amz-access-token)$/i;
const MIN_SECRET_LENGTH = 6;

export const REDACTED = '[redacted]';

export class Redactor {
  private readonly secrets = new Set<string>();
  private homePaths: string[] = [];

  /** Every value the secret store holds is registered here (see SecretStore). */
  addSecret(value: string): void {
    if (value.length >= MIN_SECRET_LENGTH) this.secrets.add(value);
  }

  setHomePath(home: string | undefined): void {
    this.homePaths = home && home.length > 1 ? [home, home.replaceAll('\\', '/')] : [];
  }

  redactString(input: string): string {
    let out = input.replace(RDT_TOKEN, REDACTED).replace(LWA_TOKEN, REDACTED).replace(LWA_CLIENT_SECRET, REDACTED);
    for (const secret of this.secrets) {
      if (out.includes(secret)) out = out.split(secret).join(REDACTED);
      const encoded = encodeURIComponent(secret);
      if (encoded !== secret && out.includes(encoded)) out = out.split(encoded).join(REDACTED);
    }
    for (const home of this.homePaths) if (out.includes(home)) out = out.split(home).join('~');
    return out;
  }

  /** Deep copy with every string redacted and every secret-named key blanked. */
  redact(value: unknown, seen = new WeakSet<object>()): unknown {
    if (typeof value === 'string') return this.redactString(value);
    if (value === null || typeof value !== 'object') return value;
    if (seen.has(value)) return '[circular]';
    seen.add(value);
    if (value instanceof Error) {
      const copy = new Error(this.redactString(value.message));
      copy.name = value.name;
      copy.stack = value.stack ? this.redactString(value.stack) : undefined;
      for (const [k, v] of Object.entries(value)) {
        (copy as unknown as Record<string, unknown>)[k] = SECRET_KEYS.test(k) ? REDACTED : this.redact(v, seen);
      }
      return copy;
    }
    if (Array.isArray(value)) return value.map((v) => this.redact(v, seen));
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = SECRET_KEYS.test(k) ? REDACTED : this.redact(v, seen);
    return out;
  }
}

/** One redactor per process: the secret store feeds it, the logger consults it. */
export const redactor = new Redactor();
