/**
 * The listing document sent to Amazon (putListingsItem body, or a JSON_LISTINGS_FEED message minus
 * messageId/sku/operationType). Attribute values are Amazon's array-of-objects shape (REFERENCE §5).
 */
export type ListingRequirements = 'LISTING' | 'LISTING_PRODUCT_ONLY' | 'LISTING_OFFER_ONLY';

export type AttributeValue = Readonly<Record<string, unknown>>;
export type ListingAttributes = Readonly<Record<string, readonly AttributeValue[]>>;

export interface Listing {
  readonly productType: string;
  readonly requirements?: ListingRequirements;
  readonly attributes: ListingAttributes;
}

/**
 * Why a listing is not valid. `code` is stable (tests, UI icons); `message` is already in the
 * seller's language and names the store field to fix when the caller told us which one it is.
 */
export type IssueCode =
  | 'missing'
  | 'missing_field'
  | 'not_allowed'
  | 'too_long'
  | 'too_short'
  | 'too_many'
  | 'too_few'
  | 'out_of_range'
  | 'wrong_type'
  | 'wrong_format'
  | 'unknown_attribute'
  | 'invalid';

export interface ListingIssue {
  /** Top-level attribute at fault (`brand`); empty when the whole document is wrong. */
  readonly attribute: string;
  readonly code: IssueCode;
  readonly message: string;
  /** Store column/characteristic that feeds this attribute, when known. */
  readonly storeField?: string;
  /** JSON pointer into `attributes` (`/item_name/0/value`). */
  readonly path: string;
  /** The values interpolated into `message`, kept for callers that re-render it. */
  readonly params: Readonly<Record<string, string | number>>;
}

export interface ValidationResult {
  readonly valid: boolean;
  readonly issues: readonly ListingIssue[];
}
