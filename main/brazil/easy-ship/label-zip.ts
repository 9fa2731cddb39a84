import yauzl from 'yauzl';

/** A label file larger than this is not a label. */
const MAX_LABEL_BYTES = 10 * 1024 * 1024;

/**
 * The first PDF in the zip Amazon serves behind printableDocumentsUrl (the order's label; other
 * documents may ride along). Read by the zip's central directory with yauzl, the library the
 * spreadsheet import already uses; an entry that claims more than 10 MB is refused unread.
 */
export function firstPdfIn(zip: Buffer): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(zip, { lazyEntries: true, validateEntrySizes: true }, (err, file) => {
      if (err) return reject(err);
      file.on('error', reject);
      file.on('end', () => resolve(null));
      file.on('entry', (entry: yauzl.Entry) => {
        if (!/\.pdf$/i.test(entry.fileName) || entry.uncompressedSize > MAX_LABEL_BYTES) return file.readEntry();
        file.openReadStream(entry, (openErr, stream) => {
          if (openErr) return reject(openErr);
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('error', reject);
          stream.on('end', () => {
            file.close();
            const pdf = Buffer.concat(chunks);
            resolve(pdf.subarray(0, 5).toString('latin1') === '%PDF-' ? pdf : null);
          });
        });
      });
      file.readEntry();
    });
  });
}
