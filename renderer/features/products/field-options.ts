import { CATALOG_SIMPLE_FIELDS } from '../../../preload/contract';

/**
 * What a spreadsheet column can feed: the contract's list, which main validates against too.
 * Numbered and named fields are offered for the column at hand; anything main guessed stays selectable.
 */
const SIMPLE_FIELDS = CATALOG_SIMPLE_FIELDS;

const MAX_NUMBERED = 5;

export interface FieldOption {
  readonly value: string;
  /** i18n key under `importWizard.fields` and its values. */
  readonly labelKey: string;
  readonly params?: Readonly<Record<string, string | number>>;
}

export function describeField(value: string): FieldOption {
  const numbered = /^(bullet|image):(\d+)$/.exec(value);
  if (numbered?.[1]) return { value, labelKey: numbered[1], params: { n: Number(numbered[2]) } };
  const named = /^(characteristic|variation):(.+)$/s.exec(value);
  if (named?.[1] && named[2]) return { value, labelKey: named[1], params: { name: named[2] } };
  return { value, labelKey: value };
}

export function fieldOptions(header: string, current: string | null): FieldOption[] {
  const values: string[] = [...SIMPLE_FIELDS];
  for (let n = 1; n <= MAX_NUMBERED; n++) values.push(`bullet:${n}`, `image:${n}`);
  const name = header.includes(':') ? header.slice(header.indexOf(':') + 1).trim() : header.trim();
  if (name) values.push(`characteristic:${name}`, `variation:${name}`);
  if (current && !values.includes(current)) values.push(current);
  return values.map(describeField);
}
