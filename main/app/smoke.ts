import type { WindowLike } from './window';

/** What `--smoke` needs from the window beyond WindowLike: a way to evaluate in the page. */
interface Evaluable {
  readonly webContents: { executeJavaScript(code: string): Promise<unknown>; once(event: 'did-finish-load', l: () => void): unknown };
}

/**
 * `npm run smoke` launches the built app with --smoke: the window must load, the preload API must be
 * present in the page, and the DB must answer (through the core process). Exit code 0 only when all three hold.
 */
export async function runSmoke(win: WindowLike, databaseAnswers: () => Promise<boolean>): Promise<number> {
  const contents = (win as unknown as Evaluable).webContents;
  await new Promise<void>((resolve) => contents.once('did-finish-load', resolve));
  const apiPresent = await contents.executeJavaScript(`typeof window.vitrine === 'object' && typeof window.vitrine.appInfo === 'function'`);
  // The database lives in the core process: asking it also proves the core started.
  const dbOk = await databaseAnswers().catch(() => false);
  const ok = apiPresent === true && dbOk;
  process.stdout.write(`${JSON.stringify({ smoke: ok ? 'ok' : 'failed', windowLoaded: true, preloadApi: apiPresent === true, db: dbOk })}\n`);
  return ok ? 0 : 1;
}
