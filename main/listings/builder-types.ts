/**
 * Plain inputs of the listing builder. Deliberately not the catalog's database rows: the catalog
 * module converts its rows into these, so the builder stays a pure function testable without SQLite.
 */

export interface BuilderProduct {
  readonly title: string;
  readonly description?: string;
  readonly brand?: string;
  readonly manufacturer?: string;
  readonly bulletPoints?: readonly string[];
  /** First is the main image. https only in practice; Amazon also accepts s3:// and http://. */
  readonly imageUrls?: readonly string[];
  /** Store characteristics, name → value ("Cor" → "Azul"). */
  readonly characteristics?: Readonly<Record<string, string>>;
  /** Per-product override of the shop-wide handling time. */
  readonly handlingTimeDays?: number;
}

export interface KitComponent {
  readonly sku: string;
  /** Units of this component inside one kit. */
  readonly quantityPerKit: number;
  /** Units of this component in the store's stock. */
  readonly stock: number;
}

export interface SalePrice {
  readonly amount: number;
  /** ISO date (YYYY-MM-DD) or date-time; defaults to `BuildContext.today`. */
  readonly startAt?: string;
  /** Amazon requires an end; defaults to one year after the start. */
  readonly endAt?: string;
}

export interface BuilderSku {
  readonly sku: string;
  /** EAN-8/13, UPC-12 or GTIN-14, digits only. */
  readonly gtin?: string;
  /** The seller has Amazon's approval to list this brand without barcodes. */
  readonly gtinExempt?: boolean;
  readonly price: number;
  readonly salePrice?: SalePrice;
  readonly stock: number;
  readonly weightKg?: number;
  readonly dimensionsCm?: { readonly length: number; readonly width: number; readonly height: number };
  /** Characteristics that vary between siblings ("Cor" → "Azul", "Tamanho" → "M"). */
  readonly variationAttributes?: Readonly<Record<string, string>>;
  /** Set on a variation child: the SKU of its parent. */
  readonly parentSku?: string;
  /** The SKU is the parent of a variation family: it gets no offer. */
  readonly isVariationParent?: boolean;
  /** A kit is its own SKU whose sellable quantity follows from its components' stock. */
  readonly isKit?: boolean;
  readonly kitComponents?: readonly KitComponent[];
}

export interface BuilderMarketplace {
  readonly id: string;
  /** ISO 4217, from getMarketplaceParticipations (`BRL`). */
  readonly currency: string;
  /** Amazon's language tag with an underscore (`pt_BR`). */
  readonly languageTag: string;
}

/** Where an attribute's value comes from. */
export type AttributeSource =
  | { readonly kind: 'characteristic'; readonly name: string }
  | { readonly kind: 'constant'; readonly value: string | number | boolean }
  /** Entries sent verbatim, for structured attributes no single characteristic can fill (`stones`). */
  | { readonly kind: 'entries'; readonly entries: readonly Readonly<Record<string, unknown>>[] };

export interface AttributeMapping {
  readonly attribute: string;
  readonly source: AttributeSource;
  /** Store value → schema value ("Azul" → "Blue", "Feminino" → "Womens"). */
  readonly valueMap?: Readonly<Record<string, string>>;
  /** Unit for measure attributes (`kilograms`, `centimeters`). */
  readonly unit?: string;
}

export interface ProductTypeMapping {
  readonly productType: string;
  readonly attributes: readonly AttributeMapping[];
  /** Values used when the mapped characteristic is empty for a product (`country_of_origin` → "BR"). */
  readonly defaults?: Readonly<Record<string, string | number | boolean>>;
  /** Amazon variation theme (`COLOR/SIZE`) for variation families of this category. */
  readonly variationTheme?: string;
}

export type PriceRounding = 'none' | 'cents_90' | 'cents_99';

export interface PriceRule {
  readonly multiplier?: number;
  readonly fixedAmount?: number;
  readonly rounding?: PriceRounding;
}

export interface ListingSettings {
  readonly conditionType?: string;
  readonly handlingTimeDays?: number;
  readonly shippingTemplate?: string;
  /** At or above this stock the real quantity is sent; below it, 0 (avoids overselling the last units). */
  readonly safetyStock?: number;
  /**
   * false: "don't update prices of existing offers" — an offer already on Amazon (`existingOffer`)
   * gets no price attributes, the seller manages its price there; a new offer still carries its
   * price, since Amazon creates no offer without one.
   */
  readonly sendPrice?: boolean;
  readonly priceRule?: PriceRule;
  /** `DEFAULT` = merchant-fulfilled; FBA codes (`AMAZON_NA`) come from the seller's schema. */
  readonly fulfillmentChannelCode?: string;
}

export interface BuildInput {
  readonly product: BuilderProduct;
  readonly sku: BuilderSku;
  readonly marketplace: BuilderMarketplace;
  readonly mapping: ProductTypeMapping;
  readonly settings: ListingSettings;
  /** Catalog match for this SKU's barcode, when one was found. */
  readonly matchedAsin?: string;
  /** Amazon already holds an offer for this SKU (sent by Vitrine, or a linked offer it manages). */
  readonly existingOffer?: boolean;
  /** The offer is fulfilled by Amazon (FBA): its quantity is Amazon's, no fulfillment_availability is sent. */
  readonly fulfilledByAmazon?: boolean;
  /** The product type schema: tells each mapped attribute's shape and value type. */
  readonly schema?: Readonly<Record<string, unknown>>;
  /** Today's date (YYYY-MM-DD) from the app clock, for sale price schedules. */
  readonly today: string;
}
