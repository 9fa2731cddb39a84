#!/usr/bin/env node
// Lists, per language, the translation keys that English has and the language lacks (with the
// English text to translate), the keys it has that English does not, and the keys whose
// {{placeholders}} differ from English. Renderer and main catalogs alike; prints one JSON object.
//
//   node scripts/i18n-missing.mjs                 every language but en
//   node scripts/i18n-missing.mjs --lang es       one language
//   node scripts/i18n-missing.mjs --check         exit 1 when anything is missing, extra or mismatched
//   node scripts/i18n-missing.mjs --since REV     also list the keys whose English text changed since
//                                                 git revision REV, or since a copy of the catalogs
//                                                 in folder REV (same layout as the repository):
//                                                 their translations may be stale
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const CATALOGS = { renderer: 'renderer/app/i18n/locales', main: 'main/i18n/locales' };
const REFERENCE = 'en';

function parseArgs(argv) {
  const out = { langs: null, check: false, since: null };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--lang') out.langs = [...(out.langs ?? []), argv[++i]];
    else if (argv[i] === '--check') out.check = true;
    else if (argv[i] === '--since') out.since = argv[++i];
    else if (argv[i] === '--help' || argv[i] === '-h') {
      console.log('usage: node scripts/i18n-missing.mjs [--lang CODE]... [--check] [--since REV]');
      process.exit(0);
    } else throw new Error(`unknown argument: ${argv[i]}`);
  }
  return out;
}

/** `{ a: { b: 'x' } }` → `Map { 'a.b' => 'x' }`. */
function flatten(tree, prefix = '', out = new Map()) {
  for (const [k, v] of Object.entries(tree)) {
    if (typeof v === 'string') out.set(`${prefix}${k}`, v);
    else if (v && typeof v === 'object') flatten(v, `${prefix}${k}.`, out);
  }
  return out;
}

const placeholders = (text) =>
  [...text.matchAll(/\{\{\s*([\w.]+)/g)]
    .map((m) => m[1])
    .sort()
    .join(',');

function readCatalog(dir, lang) {
  const folder = join(dir, lang);
  const files = new Map();
  if (!existsSync(folder)) return files;
  for (const name of readdirSync(folder)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    files.set(name, flatten(JSON.parse(readFileSync(join(folder, name), 'utf8'))));
  }
  return files;
}

/** The English catalog as it was at a git revision or in a copied folder (files that did not exist then are empty). */
function readCatalogAt(rev, rel, lang) {
  if (existsSync(rev) && statSync(rev).isDirectory()) return readCatalog(join(resolve(rev), rel), lang);
  const files = new Map();
  const listing = execFileSync('git', ['ls-tree', '--name-only', `${rev}:${rel}/${lang}`], { cwd: ROOT, encoding: 'utf8' });
  for (const name of listing.split('\n').filter((f) => f.endsWith('.json'))) {
    const text = execFileSync('git', ['show', `${rev}:${rel}/${lang}/${name}`], { cwd: ROOT, encoding: 'utf8' });
    files.set(name, flatten(JSON.parse(text)));
  }
  return files;
}

/** Keys whose English text changed since `before` (new keys are reported as missing instead). */
function changedSince(before, now) {
  const changed = {};
  for (const [file, keys] of now) {
    const old = before.get(file) ?? new Map();
    for (const [key, text] of keys) if (old.has(key) && old.get(key) !== text) (changed[file] ??= {})[key] = { before: old.get(key), now: text };
  }
  return changed;
}

function compare(reference, other) {
  const missing = {};
  const extra = {};
  const mismatched = {};
  for (const [file, keys] of reference) {
    const theirs = other.get(file) ?? new Map();
    for (const [key, text] of keys) {
      const translated = theirs.get(key);
      if (translated === undefined || translated.trim() === '') (missing[file] ??= {})[key] = text;
      else if (placeholders(translated) !== placeholders(text)) (mismatched[file] ??= {})[key] = { en: text, translated };
    }
  }
  for (const [file, keys] of other) {
    const ours = reference.get(file) ?? new Map();
    for (const key of keys.keys()) if (!ours.has(key)) (extra[file] ??= []).push(key);
  }
  const count = (o) => Object.values(o).reduce((n, v) => n + (Array.isArray(v) ? v.length : Object.keys(v).length), 0);
  return { counts: { missing: count(missing), extra: count(extra), placeholders: count(mismatched) }, missing, extra, placeholders: mismatched };
}

const args = parseArgs(process.argv.slice(2));
const report = {};
let problems = 0;
for (const [name, rel] of Object.entries(CATALOGS)) {
  const dir = join(ROOT, rel);
  const reference = readCatalog(dir, REFERENCE);
  const langs =
    args.langs ??
    readdirSync(dir)
      .filter((l) => l !== REFERENCE)
      .sort();
  report[name] = {};
  if (args.since) report[name].englishChangedSince = changedSince(readCatalogAt(args.since, rel, REFERENCE), reference);
  for (const lang of langs) {
    const result = compare(reference, readCatalog(dir, lang));
    report[name][lang] = result;
    problems += result.counts.missing + result.counts.extra + result.counts.placeholders;
  }
}
console.log(JSON.stringify(report, null, 2));
if (args.check && problems > 0) process.exit(1);
