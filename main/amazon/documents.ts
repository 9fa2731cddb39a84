import { gunzip } from 'node:zlib';
import { promisify } from 'node:util';
import type { Clock } from './clock';
import { NetworkError, ResponseFormatError, TransferStatusError } from './errors';
import { snippet, toNetworkError } from './wire';

const gunzipAsync = promisify(gunzip);

/**
 * Transfers to and from Amazon's presigned document URLs (feed upload, feed result, report,
 * product type schema). These are plain S3/CloudFront URLs: the signature is in the query string,
 * so no SP-API headers are sent (an `x-amz-*` header would even break the signature), and no
 * rate limit applies. Every transfer here is idempotent (PUT overwrites, GET reads), so network
 * errors and 5xx are retried.
 */
export interface DocumentTransferOptions {
  readonly fetch: typeof fetch;
  readonly clock: Clock;
  readonly timeoutMs: number;
  readonly maxRetries: number;
}

const GZIP_MAGIC_0 = 0x1f;
const GZIP_MAGIC_1 = 0x8b;
const RETRY_DELAY_MS = 1000;

export class DocumentTransfer {
  constructor(private readonly options: DocumentTransferOptions) {}

  /**
   * PUT the feed bytes. `contentType` must be byte-for-byte the one given to createFeedDocument:
   * it is part of the presigned signature. The body is never compressed (Amazon does not
   * support gzip uploads).
   */
  async upload(url: string, contentType: string, content: Uint8Array | string): Promise<void> {
    const body = typeof content === 'string' ? new TextEncoder().encode(content) : content;
    await this.withRetries('uploadFeedDocument', async (signal) => {
      const response = await this.options.fetch(url, { method: 'PUT', headers: { 'content-type': contentType }, body, signal });
      const text = await response.text();
      if (!response.ok) throw new TransferStatusError('uploadFeedDocument', response.status, text);
    });
  }

  /**
   * GET a result or report document. With `compressionAlgorithm: GZIP` the stored object is gzip;
   * if the URL also served `Content-Encoding: gzip`, fetch has already inflated it, so we gunzip
   * only when the bytes really start with the gzip magic number.
   */
  async download(operationId: string, url: string, compressionAlgorithm?: string): Promise<Buffer> {
    return this.withRetries(operationId, async (signal) => {
      const response = await this.options.fetch(url, { method: 'GET', signal });
      const bytes = Buffer.from(await response.arrayBuffer());
      if (!response.ok) throw new TransferStatusError(operationId, response.status, bytes.toString('utf8'));
      if (compressionAlgorithm === 'GZIP' && bytes[0] === GZIP_MAGIC_0 && bytes[1] === GZIP_MAGIC_1) {
        try {
          return await gunzipAsync(bytes);
        } catch (error) {
          throw new ResponseFormatError(operationId, response.status, `corrupt gzip: ${String(error)}`, '');
        }
      }
      return bytes;
    });
  }

  async downloadJson(operationId: string, url: string, compressionAlgorithm?: string): Promise<unknown> {
    const bytes = await this.download(operationId, url, compressionAlgorithm);
    const text = bytes.toString('utf8');
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw new ResponseFormatError(operationId, 200, 'document is not JSON', snippet(text));
    }
  }

  private async withRetries<T>(operationId: string, run: (signal: AbortSignal) => Promise<T>): Promise<T> {
    for (let retry = 0; ; retry++) {
      try {
        try {
          return await run(AbortSignal.timeout(this.options.timeoutMs));
        } catch (error) {
          if (error instanceof TransferStatusError || error instanceof ResponseFormatError) throw error;
          throw toNetworkError(operationId, error);
        }
      } catch (error) {
        const retryable = error instanceof NetworkError || (error instanceof TransferStatusError && error.status >= 500);
        if (!retryable || retry >= this.options.maxRetries) throw error;
        await this.options.clock.sleep(RETRY_DELAY_MS * 2 ** retry);
      }
    }
  }
}
