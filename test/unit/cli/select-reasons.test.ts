import { describe, expect, it } from 'vitest';
import { bulkRejectReasonSchema } from '../../../preload/contract';
import { Translator } from '../../../main/i18n';

describe('select-products names every reason a product was not included', () => {
  it('has a sentence with plural forms for each reason "Incluir produtos" can give, in every language (no raw key such as mapping.cli.reasons.gtin_rejected)', () => {
    for (const locale of ['pt-BR', 'en', 'es', 'sv'] as const) {
      const t = new Translator(locale);
      for (const reason of bulkRejectReasonSchema.options) {
        for (const count of [1, 3]) {
          const text = t.t(`mapping.cli.reasons.${reason}`, { count });
          expect([locale, reason, text]).toEqual([locale, reason, expect.stringMatching(new RegExp(`^${count} \\S`))]);
          expect(text).not.toContain('mapping.cli');
        }
      }
    }
    expect(new Translator('pt-BR').t('mapping.cli.reasons.gtin_rejected', { count: 3 })).toBe('3 com EAN que a Amazon recusaria (veja ean-report)');
  });
});
