import { CATALOG_SIMPLE_FIELDS } from '../../preload/contract/catalog';

/** Columns with one meaning each (the list lives in the IPC contract for the mapping screen). */
export const SIMPLE_FIELDS = CATALOG_SIMPLE_FIELDS;
export type SimpleField = (typeof SIMPLE_FIELDS)[number];
/** `bullet:1`…, `image:1`…, `characteristic:Cor`, `variation:Tamanho`. */
export type Field = SimpleField | `bullet:${number}` | `image:${number}` | `characteristic:${string}` | `variation:${string}`;

const NUMBERED = /^(bullet|image):([1-9]\d?)$/;
const NAMED = /^(characteristic|variation):(.{1,100})$/s;

export function isField(value: string): value is Field {
  return (SIMPLE_FIELDS as readonly string[]).includes(value) || NUMBERED.test(value) || (NAMED.test(value) && value.split(':')[1]?.trim() !== '');
}

export interface ColumnMapping {
  /** 0-based column index in the file. */
  readonly column: number;
  readonly header: string;
  /** null: the column is ignored. */
  readonly field: Field | null;
}

/** Lowercase, accents and punctuation removed: "Preço (R$)" → "preco r", "Código de barras" → "codigo de barras". */
export function normalizeHeader(header: string): string {
  return header
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}:]+/gu, ' ')
    .trim();
}

/** Headers sellers use in pt-BR, en and es, normalized. Exports write the first pt-BR/en label. */
const SYNONYMS: Readonly<Record<SimpleField, readonly string[]>> = {
  sku: [
    'sku',
    'codigo',
    'codigo sku',
    'cod',
    'codigo do produto',
    'codigo produto',
    'referencia',
    'ref',
    'seller sku',
    'sku do produto',
    'item sku',
    'sku vendedor',
    'codigo interno',
    'sku del vendedor',
  ],
  parentSku: [
    'sku pai',
    'parent sku',
    'sku padre',
    'codigo pai',
    'codigo do produto pai',
    'produto pai',
    'parent',
    'sku principal',
    'referencia pai',
    'ref pai',
    'referencia do produto pai',
    'sku do produto pai',
    'codigo sku pai',
  ],
  title: [
    'titulo',
    'nome',
    'nome do produto',
    'title',
    'name',
    'product name',
    'item name',
    'product title',
    'nombre',
    'nombre del producto',
    'titulo del producto',
    'produto',
    'descricao curta',
  ],
  description: ['descricao', 'description', 'descripcion', 'product description', 'descricao do produto', 'descricao completa', 'descripcion del producto'],
  brand: ['marca', 'brand', 'brand name'],
  manufacturer: ['fabricante', 'manufacturer'],
  category: ['categoria', 'category', 'categoria da loja', 'store category', 'categoria do produto', 'categoria de la tienda'],
  gtin: [
    'ean',
    'gtin',
    'codigo de barras',
    'codigo de barra',
    'ean 13',
    'ean13',
    'gtin ean',
    'ean gtin',
    'upc',
    'barcode',
    'bar code',
    'product id',
    'codigo ean',
    'gtin 13',
  ],
  gtinExempt: ['isento de gtin', 'sem gtin', 'gtin exempt', 'gtin exemption', 'exento de gtin', 'sin gtin', 'isencao de gtin'],
  price: [
    'preco',
    'price',
    'precio',
    'preco de venda',
    'preco venda',
    'valor',
    'valor de venda',
    'preco r',
    'preco unitario',
    'precio de venta',
    'standard price',
    'list price',
  ],
  salePrice: [
    'preco promocional',
    'preco de promocao',
    'preco de oferta',
    'sale price',
    'promotional price',
    'precio de oferta',
    'precio promocional',
    'preco promocional r',
  ],
  stock: [
    'estoque',
    'stock',
    'quantidade',
    'quantity',
    'qty',
    'qtd',
    'existencias',
    'inventario',
    'inventory',
    'saldo',
    'saldo em estoque',
    'cantidad',
    'estoque atual',
  ],
  weightKg: ['peso', 'peso kg', 'weight', 'weight kg', 'peso bruto', 'peso bruto kg', 'peso liquido kg', 'peso en kg'],
  weightG: ['peso g', 'peso gramas', 'peso em gramas', 'weight g', 'weight grams', 'peso gr', 'peso en gramos'],
  lengthCm: ['comprimento', 'comprimento cm', 'length', 'length cm', 'largo', 'largo cm', 'profundidade', 'profundidade cm', 'profundidad cm'],
  widthCm: ['largura', 'largura cm', 'width', 'width cm', 'ancho', 'ancho cm'],
  heightCm: ['altura', 'altura cm', 'height', 'height cm', 'alto', 'alto cm'],
  active: ['ativo', 'active', 'activo', 'situacao', 'status'],
  kit: ['componentes do kit', 'kit', 'kit components', 'componentes del kit', 'composicao do kit', 'itens do kit'],
  bullets: ['bullet points', 'topicos', 'destaques', 'key features', 'vinetas', 'caracteristicas principais'],
  images: ['imagens', 'images', 'image urls', 'fotos', 'urls das imagens', 'imagenes', 'url das imagens'],
};

/** Swedish headers (Vitrine's own sv exports and common Swedish store sheets), normalized. */
const SWEDISH: Readonly<Partial<Record<SimpleField, readonly string[]>>> = {
  sku: ['artikel sku', 'saljarens sku'],
  parentSku: ['overordnad sku', 'foralder sku'],
  title: ['titel', 'produktnamn', 'namn', 'produkttitel'],
  description: ['beskrivning', 'produktbeskrivning'],
  brand: ['varumarke'],
  manufacturer: ['tillverkare'],
  category: ['kategori', 'butikskategori', 'produktkategori'],
  gtin: ['streckkod', 'ean kod'],
  gtinExempt: ['undantagen fran gtin', 'gtin undantag'],
  price: ['pris', 'forsaljningspris', 'pris kr'],
  salePrice: ['reapris', 'kampanjpris'],
  stock: ['lagersaldo', 'lager', 'antal', 'lagerantal'],
  weightKg: ['vikt', 'vikt kg'],
  weightG: ['vikt g', 'vikt gram'],
  lengthCm: ['langd', 'langd cm'],
  widthCm: ['bredd', 'bredd cm'],
  heightCm: ['hojd', 'hojd cm'],
  active: ['aktiv'],
  kit: ['kitkomponenter', 'kit komponenter'],
  bullets: ['punktlista', 'viktiga egenskaper'],
  images: ['bilder', 'bild urls'],
};

const LOOKUP = new Map<string, SimpleField>(
  [SYNONYMS, SWEDISH].flatMap((table) =>
    (Object.entries(table) as [SimpleField, readonly string[]][]).flatMap(([field, names]) => names.map((n) => [n, field] as const)),
  ),
);

const BULLET = /^(?:bullet(?: point)?|topico|destaque|vineta|key feature|punkt)\s*(\d{1,2})$/;
const IMAGE = /^(?:imagem|image|image url|url da imagem|url imagem|imagen|foto|picture|bild)\s*(\d{1,2})$/;
const CHARACTERISTIC = /^(?:caracteristica|characteristic|atributo|attribute|egenskap)\s*:\s*(.+)$/;
const VARIATION = /^(?:variacao|variation|variacion|variant)\s*:\s*(.+)$/;

/** The part after "Característica:" keeps the seller's spelling and accents (in one Unicode form, NFC). */
function namedPart(header: string): string {
  return header
    .slice(header.indexOf(':') + 1)
    .trim()
    .normalize('NFC');
}

/** Guesses one header's field, or null. Unknown columns ("Cor") stay unmapped until the seller maps them. */
export function guessField(header: string): Field | null {
  const n = normalizeHeader(header);
  if (!n) return null;
  const simple = LOOKUP.get(n);
  if (simple) return simple;
  const bullet = BULLET.exec(n);
  if (bullet?.[1] && Number(bullet[1]) >= 1) return `bullet:${Number(bullet[1])}`;
  const image = IMAGE.exec(n);
  if (image?.[1] && Number(image[1]) >= 1) return `image:${Number(image[1])}`;
  if (CHARACTERISTIC.test(n) && namedPart(header)) return `characteristic:${namedPart(header)}`;
  if (VARIATION.test(n) && namedPart(header)) return `variation:${namedPart(header)}`;
  return null;
}

/** Maps every header; when two columns claim the same field the first keeps it (no silent merging). */
export function autoMap(headers: readonly string[]): ColumnMapping[] {
  const taken = new Set<string>();
  return headers.map((header, column) => {
    const guess = guessField(header);
    const key = guess?.toLowerCase();
    if (!guess || !key || taken.has(key)) return { column, header, field: null };
    taken.add(key);
    return { column, header, field: guess };
  });
}
