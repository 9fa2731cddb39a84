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
  packageStatus: openEnum(['ReadyForPickup', 'PickedUp', 'AtOriginFC', 'AtDestinationFC', 'Delivered', 'Rejected', 'Undeliverable', 'ReturnedToSeller', 'LostInTransit', 'LabelCanceled', 'DamagedInTransit', 'OutForDelivery']).optional(),
  trackingDetails: z.looseObject({ trackingId: z.string().optional() }).optional(),
});
export type ScheduledPackage = z.infer<typeof packageSchema>;

const listHandoverSlotsResponseSchema = z.looseObject({ amazonOrderId: z.string(), timeSlots: z.array(timeSlotSchema) });
const packagesSchema = z.looseObject({ packages: z.array(packageSchema) });
const bulkResponseSchema = z.looseObject({
  scheduledPackages: z.array(packageSchema).optional(),
  rejectedOrders: z.array(z.looseObject({ amazonOrderId: z.string(), error: z.looseObject({ code: z.string(), message: z.string(), details: z.string().optional() }).optional() })).optional(),
  printableDocumentsUrl: z.string().optional(),
});
export type ScheduleBulkResponse = z.infer<typeof bulkResponseSchema>;

const dimensions = (size: PackageSize) => ({ length: size.lengthCm, width: size.widthCm, height: size.heightCm, unit: 'cm' as const });
const weight = (size: PackageSize) => ({ value: size.weightG, unit: 'g' as const });
/** Only the fields the model defines for a slot (a slot read from listHandoverSlots may carry more). */
const slotOf = (slot: TimeSlot) => ({
  slotId: slot.slotId,
  ...(slot.startTime ? { startTime: slot.startTime } : {}),
  ...(slot.endTime ? { endTime: slot.endTime } : {}),
  ...(slot.handoverMethod === 'PICKUP' || slot.handoverMethod === 'DROPOFF' ? { handoverMethod: slot.handoverMethod } : {}),
});

export function easyShipApi(invoke: Invoke) {
  return {
    async listHandoverSlots(params: { orderId: string; marketplaceId: string; size: PackageSize; signal?: AbortSignal }) {
      return invoke('listHandoverSlots', {
        schema: listHandoverSlotsResponseSchema,
        signal: params.signal,
        body: { marketplaceId: params.marketplaceId, amazonOrderId: params.orderId, packageDimensions: dimensions(params.size), packageWeight: weight(params.size) },
      });
    },

    async getScheduledPackage(params: { orderId: string; marketplaceId: string; signal?: AbortSignal }): Promise<ScheduledPackage> {
      return invoke('getScheduledPackage', { schema: packageSchema, signal: params.signal, query: { amazonOrderId: params.orderId, marketplaceId: params.marketplaceId } });
    },

    /** Schedules without documents (kept for completeness of the model; Vitrine schedules with the bulk call, which returns the label). */
    async createScheduledPackage(params: { orderId: string; marketplaceId: string; slot: TimeSlot; signal?: AbortSignal }): Promise<ScheduledPackage> {
      return invoke('createScheduledPackage', {
        schema: packageSchema,
        signal: params.signal,
        body: { amazonOrderId: params.orderId, marketplaceId: params.marketplaceId, packageDetails: { packageTimeSlot: slotOf(params.slot) } },
      });
    },

    /**
     * Schedules the order in the seller's chosen slot and generates its label: the answer carries
     * a short-lived URL of a zip with the printable documents (labelFormat PDF).
     */
    async createScheduledPackageBulk(params: { orderId: string; marketplaceId: string; slot: TimeSlot; signal?: AbortSignal }): Promise<ScheduleBulkResponse> {
      return invoke('createScheduledPackageBulk', {
        schema: bulkResponseSchema,
        signal: params.signal,
        body: {
          marketplaceId: params.marketplaceId,
          orderScheduleDetailsList: [{ amazonOrderId: params.orderId, packageDetails: { packageTimeSlot: slotOf(params.slot) } }],
          labelFormat: 'PDF',
        },
      });
    },

    async updateScheduledPackages(params: { orderId: string; packageId: string; marketplaceId: string; slot: TimeSlot; signal?: AbortSignal }): Promise<ScheduledPackage[]> {
      const response = await invoke('updateScheduledPackages', {
        schema: packagesSchema,
        signal: params.signal,
        body: {
          marketplaceId: params.marketplaceId,
          updatePackageDetailsList: [{ scheduledPackageId: { amazonOrderId: params.orderId, packageId: params.packageId }, packageTimeSlot: slotOf(params.slot) }],
        },
      });
      return response.packages;
    },
  };
}
