import { z } from 'zod';
import type { Invoke } from './invoke';
import { openEnum } from './common';

/**
 * Easy Ship 2022-03-23 (models/easyShip_2022-03-23.json): Delivery by Amazon pickups in Brazil.
 * Weights in grams (at least 11 g), sizes in centimetres, as the model requires.
 */
export interface PackageSize {
  readonly lengthCm: number;
  readonly widthCm: number;
  readonly heightCm: number;
  readonly weightG: number;
}

const timeSlotSchema = z.looseObject({
  slotId: z.string(),
  startTime: z.string().optional(),
  endTime: z.string().optional(),
  handoverMethod: openEnum(['PICKUP', 'DROPOFF']).optional(),
});
export type TimeSlot = z.infer<typeof timeSlotSchema>;

const packageSchema = z.looseObject({
  scheduledPackageId: z.looseObject({ amazonOrderId: z.string(), packageId: z.string().optional() }),
  packageTimeSlot: timeSlotSchema,
  packageIdentifier: z.string().optional(),
  invoice: z.looseObject({ invoiceNumber: z.string(), invoiceDate: z.string().optional() }).optional(),
  packageStatus: openEnum([
    'ReadyForPickup',
    'PickedUp',
    'AtOriginFC',
    'AtDestinationFC',
    'Delivered',
    'Rejected',
    'Undeliverable',
    'ReturnedToSeller',
    'LostInTransit',
    'LabelCanceled',
    'DamagedInTransit',
    'OutForDelivery',
  ]).optional(),
  trackingDetails: z.looseObject({ trackingId: z.string().optional() }).optional(),
});
export type ScheduledPackage = z.infer<typeof packageSchema>;

const listHandoverSlotsResponseSchema = z.looseObject({ amazonOrderId: z.string(), timeSlots: z.array(timeSlotSchema) });
const packagesSchema = z.looseObject({ packages: z.array(packageSchema) });
const bulkResponseSchema = z.looseObject({
  scheduledPackages: z.array(packageSchema).optional(),
  rejectedOrders: z
    .array(
      z.looseObject({ amazonOrderId: z.string(), error: z.looseObject({ code: z.string(), message: z.string(), details: z.string().optional() }).optional() }),
    )
    .optional(),
  printableDocumentsUrl: z.string().optional(),
});
export type ScheduleBulkResponse = z.infer<typeof bulkResponseSchema>;

const dimensions = (size: PackageSize) => ({ length: size.lengthCm, width: size.widthCm, height: size.heightCm, unit: 'cm' as const });
const weight = (size: PackageSize) => ({ value: size.weightG, unit: 'g' as const });

/** Only the fields the model defines for a slot (a slot read from listHandoverSlots may carry more). */
export const slotOf = (slot: TimeSlot) => ({
  slotId: slot.slotId,
  ...(slot.startTime ? { startTime: slot.startTime } : {}),
  ...(slot.endTime ? { endTime: slot.endTime } : {}),
  ...(slot.handoverMethod === 'PICKUP' || slot.handoverMethod === 'DROPOFF' ? { handoverMethod: slot.handoverMethod } : {}),
});

/** The request bodies of the model, built from what Vitrine knows. */
export const easyShipRequests = {
  slots: (orderId: string, marketplaceId: string, size: PackageSize) => ({
    marketplaceId,
    amazonOrderId: orderId,
    packageDimensions: dimensions(size),
    packageWeight: weight(size),
  }),
  schedule: (orderId: string, marketplaceId: string, slot: TimeSlot) => ({
    amazonOrderId: orderId,
    marketplaceId,
    packageDetails: { packageTimeSlot: slotOf(slot) },
  }),
  /** One order in the seller's chosen slot, its label as PDF. */
  scheduleWithLabel: (orderId: string, marketplaceId: string, slot: TimeSlot) => ({
    marketplaceId,
    orderScheduleDetailsList: [{ amazonOrderId: orderId, packageDetails: { packageTimeSlot: slotOf(slot) } }],
    labelFormat: 'PDF' as 'PDF' | 'ZPL',
  }),
  reschedule: (orderId: string, packageId: string, marketplaceId: string, slot: TimeSlot) => ({
    marketplaceId,
    updatePackageDetailsList: [{ scheduledPackageId: { amazonOrderId: orderId, packageId }, packageTimeSlot: slotOf(slot) }],
  }),
};

export type ListHandoverSlotsRequest = ReturnType<typeof easyShipRequests.slots>;
export type CreateScheduledPackageRequest = ReturnType<typeof easyShipRequests.schedule>;
export type CreateScheduledPackagesRequest = ReturnType<typeof easyShipRequests.scheduleWithLabel>;
export type UpdateScheduledPackagesRequest = ReturnType<typeof easyShipRequests.reschedule>;

export function easyShipApi(invoke: Invoke) {
  return {
    async listHandoverSlots(body: ListHandoverSlotsRequest, options: { signal?: AbortSignal } = {}) {
      return invoke('listHandoverSlots', { schema: listHandoverSlotsResponseSchema, signal: options.signal, body });
    },

    async getScheduledPackage(params: { orderId: string; marketplaceId: string; signal?: AbortSignal }): Promise<ScheduledPackage> {
      return invoke('getScheduledPackage', {
        schema: packageSchema,
        signal: params.signal,
        query: { amazonOrderId: params.orderId, marketplaceId: params.marketplaceId },
      });
    },

    /** Schedules without documents. Vitrine schedules with the bulk call, which also returns the label. */
    async createScheduledPackage(body: CreateScheduledPackageRequest, options: { signal?: AbortSignal } = {}): Promise<ScheduledPackage> {
      return invoke('createScheduledPackage', { schema: packageSchema, signal: options.signal, body });
    },

    /**
     * Schedules orders (each in its preferred slot, else the earliest) and generates their labels:
     * the answer carries a short-lived URL of a zip with the printable documents.
     */
    async createScheduledPackageBulk(body: CreateScheduledPackagesRequest, options: { signal?: AbortSignal } = {}): Promise<ScheduleBulkResponse> {
      return invoke('createScheduledPackageBulk', { schema: bulkResponseSchema, signal: options.signal, body });
    },

    async updateScheduledPackages(body: UpdateScheduledPackagesRequest, options: { signal?: AbortSignal } = {}): Promise<ScheduledPackage[]> {
      const response = await invoke('updateScheduledPackages', { schema: packagesSchema, signal: options.signal, body });
      return response.packages;
    },
  };
}
