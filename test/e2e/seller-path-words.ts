/**
 * What the seller reads and clicks on the path, per language of the UI. Amazon's own words (the
 * product type names and value labels of Amazon.com.br's definitions) are Portuguese in both.
 */

export interface AttributeFill {
  readonly attribute: string;
  /** The store characteristic that fills it. */
  readonly characteristic?: string;
  /** Store value → the label of Amazon's value, in the value map. */
  readonly values?: Readonly<Record<string, string>>;
  /** The label of the value used for every product, from the list. */
  readonly choose?: string;
}

export interface SellerPathWords {
  readonly locale: 'pt-BR' | 'en';
  /** Screenshot names start with it. */
  readonly prefix: string;
  readonly marketplace: string;
  readonly steps: readonly string[];
  readonly navHome: string;
  readonly navSync: string;
  readonly importSheet: string;
  readonly importTitle: string;
  readonly chooseFile: string;
  readonly useSample: string;
  readonly preview: string;
  readonly importSummary: (rows: number) => string;
  readonly noErrors: string;
  /** The import's EAN warning: its title for `n` products, one cause's line, the button to Produtos. */
  readonly eanTitle: (n: number) => string;
  readonly eanCause: Readonly<Record<'missing' | 'checkDigit' | 'inStore' | 'duplicate' | 'other', (n: number) => string>>;
  readonly eanShow: string;
  /** Produtos' EAN filter and its "EAN problem" choice. */
  readonly eanFilter: string;
  readonly eanProblem: string;
  /** Sincronização's causes for products the EAN check keeps out. */
  readonly syncEanInvalid: string;
  readonly syncEanMissing: string;
  readonly importButton: string;
  readonly importDone: string;
  readonly matchingNext: RegExp;
  readonly seeProducts: string;
  readonly productCount: (n: number) => string;
  readonly lookupDone: RegExp;
  readonly foundOnAmazon: (asin: string) => string;
  readonly relateCategories: string;
  readonly categoriesTitle: string;
  readonly evidence: RegExp;
  readonly accept: RegExp;
  readonly characteristicsTitle: string;
  /** `ready` null: any number ready. */
  readonly characteristicsSummary: (products: number, ready: number | null) => RegExp | string;
  readonly storeCharacteristic: string;
  readonly amazonValueFor: (store: string) => string;
  readonly defaultValue: string;
  readonly save: string;
  readonly saved: string;
  readonly nothingBlocks: string;
  readonly fills: readonly AttributeFill[];
  readonly includeProducts: string;
  readonly includeTitle: string;
  readonly includeAll: string;
  readonly included: RegExp;
  readonly syncTitle: string;
  readonly syncNow: string;
  readonly syncDone: RegExp;
  readonly onAmazon: string;
}

/** Relating "Malas e Mochilas" (Amazon: Malas de viagem): what blocks its products, filled as a seller would. */
const LUGGAGE_FILLS: readonly AttributeFill[] = [
  { attribute: 'material', characteristic: 'Material' },
  { attribute: 'number_of_wheels', characteristic: 'Rodas', values: { '0': 'Nenhuma', '2': '2 rodas', '4': '4 rodas' } },
  { attribute: 'country_of_origin', choose: 'Brasil' },
  { attribute: 'item_type_keyword', choose: 'Malas' },
  { attribute: 'supplier_declared_dg_hz_regulation', choose: 'Não aplicável' },
  { attribute: 'color', characteristic: 'Cor' },
];

const ptBR: SellerPathWords = {
  locale: 'pt-BR',
  prefix: 'seller-pt',
  marketplace: 'Marketplace',
  steps: ['Conectar conta', 'Importar produtos', 'Relacionar categorias', 'Relacionar características', 'Incluir produtos', 'Acompanhar a sincronização'],
  navHome: 'Início',
  navSync: 'Sincronização',
  importSheet: 'Importar planilha',
  importTitle: 'Importar planilha de produtos',
  chooseFile: 'Escolher arquivo…',
  useSample: 'Usar a planilha de exemplo',
  preview: 'Conferir planilha',
  importSummary: (rows) => `Linhas: ${rows} — novas: ${rows}, atualizadas: 0, sem mudança: 0, com erro: 0.`,
  noErrors: 'Nenhuma linha recusada: todas as linhas foram lidas.',
  eanTitle: (n) => `${n} produtos têm problema de EAN e não vão para a Amazon até serem corrigidos`,
  eanCause: {
    missing: (n) => `${n} sem EAN`,
    checkDigit: (n) => `${n} com dígito verificador errado (confira o número na embalagem)`,
    inStore: (n) => `${n} com código interno de loja (começa com 2, não é EAN de fábrica)`,
    duplicate: (n) => `${n} com EAN repetido em outro produto`,
    other: (n) => `${n} com EAN inválido por outro motivo (tamanho, só zeros, cupom)`,
  },
  eanShow: 'Ver os produtos com problema de EAN',
  eanFilter: 'EAN',
  eanProblem: 'Com problema',
  syncEanInvalid: 'EAN inválido ou repetido: não pode ir para a Amazon',
  syncEanMissing: 'Sem EAN: não pode ir para a Amazon',
  importButton: 'Importar',
  importDone: 'Importação concluída.',
  matchingNext: /^Agora o Vitrine procura seus produtos na Amazon pelo EAN\./,
  seeProducts: 'Ver produtos',
  productCount: (n) => `${n} produtos`,
  lookupDone: /^Busca concluída: \d+ SKUs já existem na Amazon Brasil \(“Encontrado na Amazon”\)\. Eles podem ser incluídos sem preencher características\.$/,
  foundOnAmazon: (asin) => `Encontrado na Amazon: ASIN ${asin}`,
  relateCategories: 'Relacionar categorias',
  categoriesTitle: 'Relacionar categorias',
  evidence: /^\d+ dos \d+ produtos desta categoria são .+ na Amazon$/,
  accept: /^Aceitar: /,
  characteristicsTitle: 'Relacionar características',
  characteristicsSummary: (products, ready) =>
    ready === null
      ? new RegExp(`^Malas de viagem: ${products} produtos · prontos para envio: \\d+ · com pendências: [1-9]\\d*$`)
      : `Malas de viagem: ${products} produtos · prontos para envio: ${ready} · com pendências: ${products - ready}`,
  storeCharacteristic: 'Característica da loja',
  amazonValueFor: (store) => `Valor Amazon para ${store}`,
  defaultValue: 'Valor padrão',
  save: 'Salvar',
  saved: 'Salvo',
  nothingBlocks: 'Nada mais impede seus produtos deste tipo.',
  fills: LUGGAGE_FILLS,
  includeProducts: 'Incluir produtos',
  includeTitle: 'Incluir produtos',
  includeAll: 'Incluir todos os prontos',
  included: /\d+ produtos incluídos\./,
  syncTitle: 'Sincronização com a Amazon',
  syncNow: 'Sincronizar agora',
  syncDone: /Sincronização concluída: a Amazon aceitou \d+ produtos\./,
  onAmazon: 'Na Amazon',
};

const en: SellerPathWords = {
  locale: 'en',
  prefix: 'seller-en',
  marketplace: 'Marketplace',
  steps: ['Connect account', 'Import products', 'Match categories', 'Match characteristics', 'Include products', 'Follow the sync'],
  navHome: 'Dashboard',
  navSync: 'Sync',
  importSheet: 'Import spreadsheet',
  importTitle: 'Import a product spreadsheet',
  chooseFile: 'Choose file…',
  useSample: 'Use the sample spreadsheet',
  preview: 'Check spreadsheet',
  importSummary: (rows) => `Rows: ${rows} — new: ${rows}, updated: 0, unchanged: 0, with errors: 0.`,
  noErrors: 'No row refused: every row was read.',
  eanTitle: (n) => `${n} products have an EAN problem and will not go to Amazon until fixed`,
  eanCause: {
    missing: (n) => `${n} without an EAN`,
    checkDigit: (n) => `${n} with a wrong check digit (compare with the number on the package)`,
    inStore: (n) => `${n} with an in-store code (starts with 2, not a manufacturer EAN)`,
    duplicate: (n) => `${n} with an EAN repeated on another product`,
    other: (n) => `${n} with an EAN invalid for another reason (length, all zeros, coupon)`,
  },
  eanShow: 'Show the products with an EAN problem',
  eanFilter: 'EAN',
  eanProblem: 'With a problem',
  syncEanInvalid: 'Invalid or repeated EAN: cannot go to Amazon',
  syncEanMissing: 'No EAN: cannot go to Amazon',
  importButton: 'Import',
  importDone: 'Import finished.',
  matchingNext: /^Vitrine now looks your products up on Amazon by EAN\./,
  seeProducts: 'See products',
  productCount: (n) => `${n} products`,
  lookupDone: /^Lookup finished: \d+ SKUs are already on Amazon Brazil \(“Found on Amazon”\)\. They can be included without filling in characteristics\.$/,
  foundOnAmazon: (asin) => `Found on Amazon: ASIN ${asin}`,
  relateCategories: 'Match categories',
  categoriesTitle: 'Match categories',
  evidence: /^\d+ of the \d+ products in this category are .+ on Amazon$/,
  accept: /^Accept: /,
  characteristicsTitle: 'Match characteristics',
  characteristicsSummary: (products, ready) =>
    ready === null
      ? new RegExp(`^Malas de viagem: ${products} products · ready to send: \\d+ · with problems: [1-9]\\d*$`)
      : `Malas de viagem: ${products} products · ready to send: ${ready} · with problems: ${products - ready}`,
  storeCharacteristic: 'Store characteristic',
  amazonValueFor: (store) => `Amazon value for ${store}`,
  defaultValue: 'Default value',
  save: 'Save',
  saved: 'Saved',
  nothingBlocks: 'Nothing keeps your products of this type from being sent any more.',
  fills: LUGGAGE_FILLS,
  includeProducts: 'Include products',
  includeTitle: 'Include products',
  includeAll: 'Include all ready products',
  included: /\d+ products included\./,
  syncTitle: 'Sync with Amazon',
  syncNow: 'Sync now',
  syncDone: /Sync finished: Amazon accepted \d+ products\./,
  onAmazon: 'On Amazon',
};

export function sellerPathWords(locale: 'pt-BR' | 'en'): SellerPathWords {
  return locale === 'pt-BR' ? ptBR : en;
}
