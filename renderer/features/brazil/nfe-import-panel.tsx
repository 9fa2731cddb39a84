import { useEffect, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../ui/error-notice';
import { BrazilSettings } from './brazil-settings';
import { assignNote, chooseAndImport, importDropped, loadUnmatched, sendAllPending, useBrazilStore } from './brazil-store';
import './brazil.css';

/** What the main process reads at most from one dropped file (it refuses anything bigger, by name). */
const MAX_DROPPED_CHARS = 2 * 1024 * 1024 + 1;

interface FileSystemEntryLike {
  readonly isFile: boolean;
  readonly isDirectory: boolean;
  readonly name: string;
  file?(ok: (f: File) => void, fail: (e: unknown) => void): void;
  createReader?(): { readEntries(ok: (entries: FileSystemEntryLike[]) => void, fail: (e: unknown) => void): void };
}

/** Every file of a dropped folder (XML only), the way the browser exposes dropped folders. */
async function filesOf(entry: FileSystemEntryLike, depth = 0): Promise<File[]> {
  if (entry.isFile && entry.file) {
    const read = entry.file.bind(entry);
    return [await new Promise<File>((ok, fail) => read(ok, fail))];
  }
  if (!entry.isDirectory || !entry.createReader || depth > 3) return [];
  const reader = entry.createReader();
  const all: FileSystemEntryLike[] = [];
  for (;;) {
    const batch = await new Promise<FileSystemEntryLike[]>((ok, fail) => reader.readEntries(ok, fail));
    if (batch.length === 0) break;
    all.push(...batch);
  }
  const nested = await Promise.all(all.filter((e) => e.isDirectory || /\.xml$/i.test(e.name)).map((e) => filesOf(e, depth + 1)));
  return nested.flat();
}

export function NfeImportPanel() {
  const { t } = useTranslation('brazil');
  const { importResults, unmatched, busy, error } = useBrazilStore();
  const [over, setOver] = useState(false);
  useEffect(() => void loadUnmatched(), []);

  const onDrop = async (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setOver(false);
    const entries = [...event.dataTransfer.items].map((i) => (i.webkitGetAsEntry() as FileSystemEntryLike | null) ?? null);
    const files = entries.some((e) => e !== null)
      ? (await Promise.all(entries.filter((e): e is FileSystemEntryLike => e !== null).map((e) => filesOf(e)))).flat()
      : [...event.dataTransfer.files];
    if (files.length === 0) return;
    const contents = await Promise.all(
      files.slice(0, 200).map(async (f) => ({ name: f.name, content: (await f.slice(0, MAX_DROPPED_CHARS).text()).slice(0, MAX_DROPPED_CHARS) })),
    );
    await importDropped(contents);
  };

  const imported = importResults?.filter((r) => r.ok) ?? [];
  const refused = importResults?.filter((r) => !r.ok) ?? [];
  return (
    <section className="card nfe-panel" aria-labelledby="nfe-panel-title">
      <h2 id="nfe-panel-title" className="card__title">
        {t('import.title')}
      </h2>
      <div
        className={`nfe-drop${over ? ' nfe-drop--over' : ''}`}
        data-testid="nfe-drop"
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => void onDrop(e)}
      >
        <p>{t('import.drop')}</p>
        <div className="nfe-drop__actions">
          <button type="button" className="button button--primary" disabled={busy !== null} onClick={() => void chooseAndImport(false)}>
            {busy === 'import' ? t('import.importing') : t('import.files')}
          </button>
          <button type="button" className="button button--secondary" disabled={busy !== null} onClick={() => void chooseAndImport(true)}>
            {t('import.folder')}
          </button>
        </div>
      </div>
      {error ? <ErrorNotice title={t('failed')} error={error} /> : null}
      {importResults ? (
        <div className="nfe-results" role="status">
          <p>{t('import.summary', { count: importResults.length, imported: imported.length, refused: refused.length })}</p>
          {refused.length ? (
            <ul className="nfe-results__refused" aria-label={t('import.refusedList')}>
              {refused.map((r, i) => (
                <li key={`${r.file}-${i}`} className="flag--error">
                  {r.message}
                </li>
              ))}
            </ul>
          ) : null}
          {imported.length ? (
            <ul className="nfe-results__imported" aria-label={t('import.importedList')}>
              {imported.map((r) => (
                <li key={r.documentId}>
                  {r.amazonOrderId
                    ? t('import.matched', { file: r.file, number: r.number, orderId: r.amazonOrderId })
                    : t('import.unmatched', { file: r.file, number: r.number })}
                </li>
              ))}
            </ul>
          ) : null}
          {imported.some((r) => r.orderId !== null) ? (
            <button type="button" className="button button--primary" disabled={busy !== null} onClick={() => void sendAllPending()}>
              {busy === 'send' ? t('sending') : t('import.sendAll')}
            </button>
          ) : null}
        </div>
      ) : null}
      {unmatched && unmatched.notes.length > 0 ? (
        <div className="nfe-unmatched">
          <h3 className="card__title">{t('unmatched.title', { count: unmatched.notes.length })}</h3>
          <ul>
            {unmatched.notes.map((n) => (
              <li key={n.id}>
                <span>{t('unmatched.note', { number: n.number, file: n.fileName })}</span>
                <label className="visually-hidden" htmlFor={`nfe-order-${n.id}`}>
                  {t('unmatched.choose')}
                </label>
                <select id={`nfe-order-${n.id}`} defaultValue="" onChange={(e) => e.target.value && void assignNote(n.id, Number(e.target.value))}>
                  <option value="">{t('unmatched.choose')}</option>
                  {unmatched.orders.map((o) => (
                    <option key={o.id} value={o.id}>
                      {o.amazonOrderId}
                      {o.buyerName ? ` · ${o.buyerName}` : ''}
                    </option>
                  ))}
                </select>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <BrazilSettings />
    </section>
  );
}
