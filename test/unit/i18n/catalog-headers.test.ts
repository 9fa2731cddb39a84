import { describe, expect, it } from 'vitest';
import { guessField, SIMPLE_FIELDS, type Field } from '../../../main/catalog/columns';
import { exportFields, headerFor } from '../../../main/catalog/exporter';
import { flag } from '../../../main/catalog/values';
import { SUPPORTED_LOCALES, Translator } from '../../../main/i18n';

// A catalog exported in any UI language must import back with every column recognised.
const shape = { bullets: 2, images: 2, characteristics: ['Färg', 'Cor'], variations: ['Storlek'] };

describe.each(SUPPORTED_LOCALES)('spreadsheet headers written in %s', (locale) => {
  const { t } = new Translator(locale);

  it('are recognised by the importer, column by column', () => {
    const fields: Field[] = [...exportFields(shape), 'weightG'];
    expect(fields).toEqual(expect.arrayContaining(SIMPLE_FIELDS.filter((f) => f !== 'bullets' && f !== 'images')));
    expect(fields.map((field) => [headerFor(t, field), guessField(headerFor(t, field))])).toEqual(fields.map((field) => [headerFor(t, field), field]));
  });

  it('write yes and no in words the importer reads back', () => {
    expect(flag(t('catalog.columns.yes'))).toBe(true);
    expect(flag(t('catalog.columns.no'))).toBe(false);
  });
});
