import type { Readable } from 'node:stream';
import yauzl from 'yauzl';

export interface XlsxZip {
  /** Entries by name, in central-directory order. */
  readonly entries: ReadonlyMap<string, yauzl.Entry>;
  /** The inflated content of one entry. */
  open(name: string): Promise<Readable>;
  close(): void;
}

/**
 * Opens an xlsx by its central directory, so its parts can be read in any order (exceljs's own
 * reader walks the zip front to back; see xlsx-worker.ts for why the order matters). A file
 * that is not a zip, or whose end was cut off, fails here with yauzl's message.
 */
export async function openXlsxZip(file: string): Promise<XlsxZip> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.open(file, { lazyEntries: true, autoClose: false }, (err, z) => (err ? reject(err) : resolve(z))),
  );
  try {
    const entries = await new Promise<Map<string, yauzl.Entry>>((resolve, reject) => {
      const found = new Map<string, yauzl.Entry>();
      zip.on('entry', (entry: yauzl.Entry) => {
        found.set(entry.fileName, entry);
        zip.readEntry();
      });
      zip.on('end', () => resolve(found));
      zip.on('error', reject);
      zip.readEntry();
    });
    return {
      entries,
      open: (name) =>
        new Promise<Readable>((resolve, reject) => {
          const entry = entries.get(name);
          if (!entry) return reject(new Error(`${name} is missing`));
          zip.openReadStream(entry, (err, stream) => (err ? reject(err) : resolve(stream)));
        }),
      close: () => zip.close(),
    };
  } catch (err) {
    zip.close();
    throw err;
  }
}
