/** Everything the simulator remembers. Plain data, so it persists as one JSON file (document bytes as base64). */

export type IssueSeverity = 'ERROR' | 'WARNING' | 'INFO';

/** An issue as the Listings Items API reports it. */
export interface ListingIssue {
  readonly code: string;
  readonly message: string;
  readonly severity: IssueSeverity;
  readonly attributeNames?: readonly string[];
  readonly categories: readonly string[];
}

export type Attributes = Record<string, unknown[]>;

/**
 * A seller SKU's listing in one marketplace. Amazon keeps a SKU's offers per marketplace: each
 * has its own attributes, status, issues and summary, and a write names the marketplace it is for.
 */
export interface ListingRecord {
  readonly sku: string;
  productType: string;
  requirements?: string;
  /** Only the values that apply in this marketplace (their `marketplace_id` is it, or absent). */
  attributes: Attributes;
  readonly marketplaceId: string;
  asin?: string;
  issues: ListingIssue[];
  createdAt: number;
  updatedAt: number;
}

/** One seller's listings: SKU → marketplace id → the SKU's listing there. */
export type SellerListings = Record<string, Record<string, ListingRecord>>;

export interface SellerRecord {
  readonly sellerId: string;
  readonly storeName: string;
  readonly marketplaceIds: readonly string[];
}

export interface AppRecord {
  readonly clientId: string;
  clientSecret: string;
}

export interface RefreshTokenRecord {
  readonly sellerId: string;
  readonly clientId: string;
}

export interface AccessTokenRecord {
  /** Undefined for grantless (client_credentials) tokens. */
  readonly sellerId?: string;
  readonly clientId: string;
  readonly expiresAt: number;
}

export type DocumentKind = 'feed-input' | 'feed-result' | 'report' | 'easyship-documents';

export interface DocumentRecord {
  readonly id: string;
  readonly kind: DocumentKind;
  readonly sellerId: string;
  readonly contentType: string;
  readonly createdAt: number;
  /** Presigned upload window for feed inputs. */
  readonly uploadExpiresAt?: number;
  /**
   * The stored bytes (uncompressed). Kept as a Buffer, off the JS heap: a 100k-SKU publish
   * holds ~0.5 GB of feed documents, which as base64 strings weighed on every full GC and were
   * decoded again on each read. The state file stores them as base64.
   */
  content?: Buffer;
  /** Result documents may be served gzip-compressed, as Amazon does. */
  readonly compressed?: boolean;
}

export interface FeedRecord {
  readonly feedId: string;
  readonly sellerId: string;
  readonly feedType: string;
  readonly marketplaceIds: readonly string[];
  readonly inputFeedDocumentId: string;
  readonly createdAt: number;
  /** Planned processing window; moves when an earlier queued feed is cancelled. */
  startAt: number;
  endAt: number;
  readonly messageCount: number;
  /** Extra IN_PROGRESS time injected by the "stuck feed" fault. */
  readonly stuckMs: number;
  cancelled: boolean;
  /** Set once the feed's messages have been applied and its report written. */
  outcome?: 'DONE' | 'FATAL';
  resultFeedDocumentId?: string;
}

export type OrderStatus = 'Pending' | 'Unshipped' | 'Shipped' | 'Canceled';

export interface OrderLine {
  readonly orderItemId: string;
  readonly sku: string;
  readonly asin: string;
  readonly title: string;
  readonly quantity: number;
  /** Unit price in the marketplace currency. */
  readonly unitPrice: number;
}

export interface ShipmentRecord {
  readonly carrierCode: string;
  readonly carrierName?: string;
  readonly trackingNumber: string;
  readonly shipDate: string;
  readonly packageReferenceId: string;
}

export interface OrderRecord {
  readonly orderId: string;
  readonly sellerId: string;
  readonly marketplaceId: string;
  readonly currency: string;
  readonly createdAt: number;
  lastUpdatedAt: number;
  status: OrderStatus;
  /** When a Pending order leaves Pending, and where it goes. */
  pendingUntil?: number;
  readonly willCancel: boolean;
  readonly buyerName: string;
  readonly buyerEmail: string;
  readonly recipient: {
    readonly name: string;
    readonly city: string;
    readonly stateOrRegion: string;
    readonly postalCode: string;
    readonly countryCode: string;
    readonly addressLine1: string;
  };
  readonly lines: readonly OrderLine[];
  shipment?: ShipmentRecord;
  /** How the order is fulfilled (absent: self-ship, as every order before Brazil's programs). */
  readonly program?: SimProgram;
}

/** Self-ship (the seller ships), Delivery by Amazon / Easy Ship (Amazon picks up), FBA (Amazon ships its stock). */
export type SimProgram = 'self_ship' | 'easy_ship' | 'fba';

/** An NF-e submitted with submitInvoice: Processing until `decideAt`, then its outcome. */
export interface InvoiceRecord {
  readonly orderId: string;
  readonly sellerId: string;
  readonly programType: string;
  readonly accessKey: string;
  readonly submittedAt: number;
  readonly decideAt: number;
  readonly outcome: 'Accepted' | 'Errored';
  readonly errors: readonly { readonly code: string; readonly message: string; readonly details?: string }[];
  /** The order's lastUpdatedTime moved when the outcome was decided (incremental imports see it). */
  settled?: boolean;
}

export interface SimTimeSlot {
  readonly slotId: string;
  readonly startTime: string;
  readonly endTime: string;
  readonly handoverMethod: 'PICKUP' | 'DROPOFF';
}

/** A scheduled Easy Ship package; picked up once its slot has ended. */
export interface ScheduledPackageRecord {
  readonly orderId: string;
  readonly sellerId: string;
  readonly marketplaceId: string;
  readonly packageId: string;
  slot: SimTimeSlot;
  readonly dimensions: { readonly length: number; readonly width: number; readonly height: number };
  readonly weightG: number;
  status: string;
  readonly trackingId: string;
  readonly invoiceNumber?: string;
}

/** Units Amazon holds for one seller SKU in one marketplace (FBA). */
export interface FbaStockRecord {
  readonly sku: string;
  readonly asin: string;
  readonly fnSku: string;
  readonly marketplaceId: string;
  readonly productName: string;
  fulfillable: number;
  inbound: number;
  reserved: number;
  unfulfillable: number;
  lastUpdatedAt: number;
}

export interface ReportRecord {
  readonly reportId: string;
  readonly sellerId: string;
  readonly reportType: string;
  readonly marketplaceIds: readonly string[];
  readonly createdAt: number;
  readonly startAt: number;
  readonly endAt: number;
  reportDocumentId?: string;
}

export interface CatalogItemRecord {
  readonly asin: string;
  readonly ean: string;
  readonly title: string;
  readonly brand: string;
  readonly productType: string;
  readonly marketplaceIds: readonly string[];
}

/** The state file's shape; 1 kept one listing per SKU for every marketplace (state.ts migrates it). */
export const SIM_DATA_VERSION = 2;

export interface SimData {
  readonly version: typeof SIM_DATA_VERSION;
  sequence: number;
  sellers: Record<string, SellerRecord>;
  apps: Record<string, AppRecord>;
  refreshTokens: Record<string, RefreshTokenRecord>;
  accessTokens: Record<string, AccessTokenRecord>;
  /** By seller (see SellerListings). */
  listings: Record<string, SellerListings>;
  feeds: Record<string, FeedRecord>;
  documents: Record<string, DocumentRecord>;
  orders: Record<string, OrderRecord>;
  reports: Record<string, ReportRecord>;
  catalog: CatalogItemRecord[];
  /** Next simulated moment a buyer places an order (automatic order flow). */
  nextOrderAt: number;
  /** NF-e submissions by order id, latest last (absent in states written before Brazil's programs). */
  invoices?: Record<string, InvoiceRecord[]>;
  /** Easy Ship packages by order id. */
  scheduledPackages?: Record<string, ScheduledPackageRecord>;
  /** The package size each Easy Ship order was last quoted slots for (createScheduledPackage carries none). */
  easyShipQuotes?: Record<string, { readonly dimensions: ScheduledPackageRecord['dimensions']; readonly weightG: number }>;
  /** FBA stock by seller, then SKU. */
  fbaStock?: Record<string, Record<string, FbaStockRecord>>;
  /** Roles a seller's app was not granted (Tax Invoicing, Easy Ship, FBA inventory): those APIs answer 403. */
  withheldRoles?: Record<string, ('taxInvoicing' | 'easyShip' | 'fbaInventory')[]>;
}
