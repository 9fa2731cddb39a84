import { booleanAttribute, enumAttribute, integerAttribute, measureAttribute, textAttribute, type JsonObject } from './attribute-templates';

/** A value that fills one requirement, for the simulator's seed products and our tests. */
export interface ExampleValue {
  readonly attribute: string;
  readonly value: string | number | boolean;
  readonly unit?: string;
}

export interface CategorySpec {
  readonly productType: string;
  readonly displayName: { readonly en: string; readonly 'pt-BR': string };
  /** Schema revision; bump when the generated schema changes. */
  readonly version: string;
  readonly itemTypeKeywords: readonly string[];
  /** BRACELET attributes beyond the shared set. */
  readonly lifted: readonly string[];
  readonly authored: Readonly<Record<string, JsonObject>>;
  /** Required on top of the shared required set. */
  readonly required: readonly string[];
  readonly requiredUnlessParent: readonly string[];
  readonly themes: readonly string[];
  readonly themeTokens: Readonly<Record<string, string>>;
  readonly batteries: boolean;
  readonly examples: readonly ExampleValue[];
}

export const SHARED_REQUIRED = ['brand', 'bullet_point', 'country_of_origin', 'item_name', 'item_type_keyword', 'product_description', 'supplier_declared_dg_hz_regulation'] as const;

const COLOR_SIZE = { COLOR: 'color', SIZE: 'size' } as const;
const sharedExamples: readonly ExampleValue[] = [
  { attribute: 'country_of_origin', value: 'BR' },
  { attribute: 'supplier_declared_dg_hz_regulation', value: 'not_applicable' },
];

/** A category's example values by attribute, in order; a measure is [value, unit]. */
type Examples = Readonly<Record<string, string | number | boolean | readonly [number, string]>>;

type SpecInput = Omit<CategorySpec, 'version' | 'requiredUnlessParent' | 'batteries' | 'lifted' | 'examples'> &
  Partial<Omit<CategorySpec, 'examples'>> & { readonly examples: Examples };

const spec = ({ examples, ...s }: SpecInput): CategorySpec => ({
  version: '1',
  requiredUnlessParent: [],
  batteries: false,
  lifted: [],
  ...s,
  examples: [
    ...sharedExamples,
    { attribute: 'item_type_keyword', value: s.itemTypeKeywords[0] ?? '' },
    ...Object.entries(examples).map(([attribute, v]): ExampleValue => (typeof v === 'object' ? { attribute, value: v[0], unit: v[1] } : { attribute, value: v })),
  ],
});

export const CATEGORIES: readonly CategorySpec[] = [
  spec({
    productType: 'LUGGAGE',
    displayName: { en: 'Luggage', 'pt-BR': 'Malas de viagem' },
    itemTypeKeywords: ['suitcases', 'carry-on-luggage', 'luggage-sets', 'garment-bags'],
    authored: {
      number_of_wheels: enumAttribute({ title: 'Number of Wheels', description: 'Select how many wheels the luggage has', examples: ['4'] }, [0, 2, 4, 8], ['None', '2 wheels', '4 wheels', '8 wheels']),
      shell_type: enumAttribute({ title: 'Shell Type', description: 'Select the luggage shell type', examples: ['Hard Shell'] }, ['hard_shell', 'soft_shell', 'hybrid'], ['Hard Shell', 'Soft Shell', 'Hybrid']),
    },
    required: ['color', 'material', 'number_of_wheels'],
    themes: ['COLOR', 'SIZE', 'SIZE/COLOR'],
    themeTokens: COLOR_SIZE,
    examples: { color: 'Black', material: 'Polycarbonate', number_of_wheels: 4 },
  }),
  spec({
    productType: 'SHOES',
    displayName: { en: 'Shoes', 'pt-BR': 'Calçados' },
    itemTypeKeywords: ['sneakers', 'running-shoes', 'sandals', 'boots', 'loafers'],
    lifted: ['department', 'target_gender'],
    authored: {
      footwear_size: textAttribute(
        { title: 'Shoe Size', description: 'Provide the shoe size in the marketplace size system', examples: ['40'] },
        { maxLength: 20, suggestions: Array.from({ length: 14 }, (_, i) => String(33 + i)) },
      ),
      sole_material: textAttribute({ title: 'Sole Material', description: 'Provide the material of the sole', examples: ['Rubber'] }, { suggestions: ['Rubber', 'EVA', 'Leather', 'Thermoplastic Rubber'] }),
    },
    required: ['color', 'department', 'footwear_size', 'material', 'target_gender'],
    themes: ['COLOR', 'SIZE', 'SIZE/COLOR'],
    themeTokens: { COLOR: 'color', SIZE: 'footwear_size' },
    examples: { color: 'White', department: 'Womens', footwear_size: '37', material: 'Leather', target_gender: 'female' },
  }),
  spec({
    productType: 'CAMERA_DIGITAL',
    displayName: { en: 'Digital cameras', 'pt-BR': 'Câmeras digitais' },
    itemTypeKeywords: ['digital-cameras', 'mirrorless-cameras', 'dslr-cameras', 'action-cameras'],
    authored: {
      effective_still_resolution: measureAttribute({ title: 'Effective Still Resolution', description: 'Provide the effective resolution of still images', examples: ['24'] }, ['megapixels'], ['Megapixels']),
      optical_zoom: measureAttribute({ title: 'Optical Zoom', description: 'Provide the optical zoom factor', examples: ['3'] }, ['x'], ['x']),
    },
    required: ['batteries_required', 'effective_still_resolution', 'model_number'],
    batteries: true,
    themes: ['COLOR', 'MODEL'],
    themeTokens: { COLOR: 'color', MODEL: 'model_number' },
    examples: { batteries_required: false, effective_still_resolution: [24, 'megapixels'], model_number: 'CAM-24' },
  }),
  spec({
    productType: 'SHIRT',
    displayName: { en: 'Shirts', 'pt-BR': 'Camisas e camisetas' },
    itemTypeKeywords: ['t-shirts', 'polo-shirts', 'button-down-shirts', 'henley-shirts'],
    lifted: ['department', 'target_gender'],
    authored: {
      fabric_type: textAttribute({ title: 'Fabric Type', description: 'Provide the fabric composition', examples: ['100% Cotton'] }, { maxLength: 300 }),
      sleeve_type: enumAttribute({ title: 'Sleeve Type', description: 'Select the sleeve type', examples: ['Short Sleeve'] }, ['long_sleeve', 'short_sleeve', 'sleeveless', 'three_quarter_sleeve'], ['Long Sleeve', 'Short Sleeve', 'Sleeveless', '3/4 Sleeve']),
    },
    required: ['color', 'department', 'fabric_type', 'size', 'target_gender'],
    themes: ['COLOR', 'SIZE', 'SIZE/COLOR'],
    themeTokens: COLOR_SIZE,
    examples: { color: 'Blue', department: 'Mens', fabric_type: '100% Cotton', size: 'Medium', target_gender: 'male' },
  }),
  spec({
    productType: 'ABIS_BOOK',
    displayName: { en: 'Books', 'pt-BR': 'Livros' },
    itemTypeKeywords: ['fiction-books', 'nonfiction-books', 'childrens-books', 'textbooks'],
    lifted: ['edition'],
    authored: {
      author: textAttribute({ title: 'Author', description: 'Provide the name of the author', examples: ['Machado de Assis'] }, { maxLength: 300, maxUniqueItems: 10 }),
      binding: enumAttribute({ title: 'Binding', description: 'Select the binding of the book', examples: ['Paperback'] }, ['paperback', 'hardcover', 'spiral_bound', 'board_book'], ['Paperback', 'Hardcover', 'Spiral-bound', 'Board book']),
      pages: integerAttribute({ title: 'Number of Pages', description: 'Provide the number of pages', examples: ['320'] }, 1, 100000),
    },
    required: ['author', 'binding', 'pages'],
    themes: ['EDITION'],
    themeTokens: { EDITION: 'edition' },
    examples: { author: 'Machado de Assis', binding: 'paperback', pages: 256 },
  }),
  spec({
    productType: 'HEADPHONES',
    displayName: { en: 'Headphones', 'pt-BR': 'Fones de ouvido' },
    itemTypeKeywords: ['earbud-headphones', 'over-ear-headphones', 'on-ear-headphones'],
    authored: {
      headphones_form_factor: enumAttribute({ title: 'Form Factor', description: 'Select how the headphones are worn', examples: ['In Ear'] }, ['in_ear', 'on_ear', 'over_ear'], ['In Ear', 'On Ear', 'Over Ear']),
      connectivity_technology: enumAttribute({ title: 'Connectivity Technology', description: 'Select how the headphones connect', examples: ['Bluetooth'] }, ['bluetooth', 'usb', 'wired', 'wireless_rf'], ['Bluetooth', 'USB', 'Wired', 'Wireless (RF)']),
    },
    required: ['batteries_required', 'color', 'connectivity_technology', 'headphones_form_factor', 'model_number'],
    batteries: true,
    themes: ['COLOR'],
    themeTokens: { COLOR: 'color' },
    examples: { batteries_required: true, batteries_included: true, color: 'Black', connectivity_technology: 'bluetooth', headphones_form_factor: 'in_ear', model_number: 'HP-100' },
  }),
  spec({
    productType: 'OFFICE_PRODUCTS',
    displayName: { en: 'Office products', 'pt-BR': 'Papelaria e escritório' },
    itemTypeKeywords: ['notebooks', 'ballpoint-pens', 'staplers', 'folders'],
    lifted: ['paper_size'],
    authored: {},
    required: ['color', 'number_of_items'],
    themes: ['COLOR', 'NUMBER_OF_ITEMS', 'SIZE/COLOR'],
    themeTokens: { COLOR: 'color', SIZE: 'size', NUMBER_OF_ITEMS: 'number_of_items' },
    examples: { color: 'Blue', number_of_items: 10 },
  }),
  spec({
    productType: 'SPORTING_GOODS',
    displayName: { en: 'Sporting goods', 'pt-BR': 'Artigos esportivos' },
    itemTypeKeywords: ['yoga-mats', 'soccer-balls', 'dumbbells', 'jump-ropes'],
    lifted: ['age_range_description'],
    authored: {
      sport_type: textAttribute({ title: 'Sport Type', description: 'Provide the sport the item is made for', examples: ['Soccer'] }, { suggestions: ['Soccer', 'Running', 'Yoga', 'Fitness', 'Cycling', 'Swimming'] }),
    },
    required: ['color', 'sport_type'],
    themes: ['COLOR', 'SIZE', 'SIZE/COLOR'],
    themeTokens: COLOR_SIZE,
    examples: { color: 'Green', sport_type: 'Yoga' },
  }),
  spec({
    productType: 'JEWELRY',
    displayName: { en: 'Jewelry', 'pt-BR': 'Joias e bijuterias' },
    itemTypeKeywords: ['necklaces', 'earrings', 'rings', 'pendants'],
    lifted: ['department', 'metal_type', 'gem_type', 'jewelry_material_categorization'],
    authored: {},
    required: ['department', 'jewelry_material_categorization', 'metal_type'],
    requiredUnlessParent: ['color'],
    themes: ['COLOR', 'SIZE', 'METAL_TYPE', 'COLOR/SIZE'],
    themeTokens: { ...COLOR_SIZE, METAL_TYPE: 'metal_type' },
    examples: { color: 'Gold', department: 'Womens', jewelry_material_categorization: 'fashion', metal_type: 'Brass' },
  }),
  spec({
    productType: 'TOOLS',
    displayName: { en: 'Tools', 'pt-BR': 'Ferramentas' },
    itemTypeKeywords: ['power-drills', 'screwdrivers', 'hammers', 'wrench-sets'],
    authored: {
      power_source_type: enumAttribute({ title: 'Power Source', description: 'Select how the tool is powered', examples: ['Battery Powered'] }, ['battery_powered', 'corded_electric', 'gas_powered', 'manual', 'pneumatic'], ['Battery Powered', 'Corded Electric', 'Gas Powered', 'Manual', 'Pneumatic']),
      voltage: measureAttribute({ title: 'Voltage', description: 'Provide the operating voltage', examples: ['127'] }, ['volts'], ['Volts']),
    },
    required: ['batteries_required', 'model_number', 'power_source_type'],
    batteries: true,
    themes: ['COLOR', 'SIZE', 'STYLE'],
    themeTokens: { ...COLOR_SIZE, STYLE: 'style' },
    examples: { batteries_required: false, model_number: 'DRL-500', power_source_type: 'corded_electric' },
  }),
  spec({
    productType: 'TOY',
    displayName: { en: 'Toys', 'pt-BR': 'Brinquedos' },
    itemTypeKeywords: ['building-sets', 'dolls', 'puzzles', 'plush-toys'],
    lifted: ['cpsia_cautionary_statement'],
    authored: {
      manufacturer_minimum_age: measureAttribute({ title: 'Manufacturer Minimum Age', description: 'Provide the minimum age recommended by the manufacturer', examples: ['36'] }, ['months', 'years'], ['Months', 'Years']),
      is_assembly_required: booleanAttribute({ title: 'Is Assembly Required', description: 'Select whether the toy needs assembly', examples: ['No'] }),
    },
    required: ['batteries_required', 'cpsia_cautionary_statement', 'manufacturer_minimum_age'],
    batteries: true,
    themes: ['COLOR', 'STYLE'],
    themeTokens: { COLOR: 'color', STYLE: 'style' },
    examples: { batteries_required: false, cpsia_cautionary_statement: 'choking_hazard_small_parts', manufacturer_minimum_age: [3, 'years'] },
  }),
  spec({
    productType: 'HOME',
    displayName: { en: 'Home', 'pt-BR': 'Casa' },
    itemTypeKeywords: ['vases', 'cushions', 'picture-frames', 'storage-baskets'],
    lifted: ['item_shape'],
    authored: {
      room_type: textAttribute({ title: 'Room Type', description: 'Provide the room the item is meant for', examples: ['Living Room'] }, { suggestions: ['Bathroom', 'Bedroom', 'Kitchen', 'Living Room', 'Office', 'Outdoor'] }),
    },
    required: ['color', 'material', 'room_type'],
    themes: ['COLOR', 'SIZE', 'SIZE/COLOR'],
    themeTokens: COLOR_SIZE,
    examples: { color: 'Beige', material: 'Ceramic', room_type: 'Living Room' },
  }),
];
