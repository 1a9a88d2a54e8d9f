/**
 * The portal's success metrics (the seed's "B2B Portal Success Metrics") from the counts of one
 * period: pure, no I/O. The service counts in SQL; these functions say what the counts mean.
 */

/** Orders placed from 18:00 until 09:00, in the dealer's time zone, are after hours. */
export const AFTER_HOURS = { startHour: 18, endHour: 9 } as const;

/** The channels of orders the dealer placed itself (the portal ratio's numerator). */
export const SELF_PLACED_CHANNELS = ['PORTAL', 'API'] as const;

/** The channels of orders staff keyed in (the sales team's order-entry load). */
export const STAFF_ENTERED_CHANNELS = ['PHONE', 'FAX', 'EMAIL'] as const;

/** True when a local hour of the day (0-23) falls in the after-hours window. */
export function isAfterHours({ localHour }: { localHour: number }): boolean {
  return localHour >= AFTER_HOURS.startHour || localHour < AFTER_HOURS.endHour;
}

/** True for a time zone name the platform knows (IANA, e.g. Europe/Istanbul); an unknown one is counted as UTC. */
export function isKnownTimeZone({ timeZone }: { timeZone: string | null | undefined }): boolean {
  if (!timeZone) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** What the service counts over the orders placed in a period (orders still being placed left out). */
export interface SuccessMetricCounts {
  orderCount: number;
  /** Orders whose channel is PORTAL or API. */
  selfPlacedOrders: number;
  /** Orders whose channel is PHONE, FAX or EMAIL. */
  staffEnteredOrders: number;
  /** Active dealers with at least one order in the period. */
  dealersWithOrders: number;
  /** Dealers active now. */
  activeDealers: number;
  /** Orders cancelled with an error code (orders/domain/order-cancellation.ts). */
  errorOrders: number;
  /** Orders placed after hours in their dealer's time zone. */
  afterHoursOrders: number;
  /** Orders of the period that have shipped, and the sum of their seconds from placement to shipment. */
  shippedOrders: number;
  processingSeconds: number;
  /** Recorded self-service views and the orders they are compared with; null: nothing is recorded. */
  selfServiceViews: number | null;
  /** Survey answers (1-5) of the period; null or empty: nothing is recorded. */
  satisfactionScores: readonly number[] | null;
}

/** The metrics of a period: ratios from 0 to 1, null where there is nothing to divide by. */
export interface SuccessMetrics {
  orderCount: number;
  portalOrderRatio: number | null;
  activeDealerRatio: number | null;
  orderErrorRate: number | null;
  averageProcessingHours: number | null;
  afterHoursOrderRatio: number | null;
  staffEnteredOrderRatio: number | null;
  selfServiceRatio: number | null;
  dealerSatisfaction: number | null;
}

const ratio = (part: number, whole: number): number | null => (whole > 0 ? Math.min(1, Math.max(0, part / whole)) : null);

/**
 * The metrics from the counts. Self-service usage is the share of self-service views (invoice,
 * statement, order tracking) among those views and the orders; satisfaction is the mean answer of a
 * 1-5 survey scaled to 0-1. Both are null while nothing of them is recorded.
 */
export function successMetricsOf(counts: SuccessMetricCounts): SuccessMetrics {
  const scores = counts.satisfactionScores ?? [];
  return {
    orderCount: counts.orderCount,
    portalOrderRatio: ratio(counts.selfPlacedOrders, counts.orderCount),
    activeDealerRatio: ratio(counts.dealersWithOrders, counts.activeDealers),
    orderErrorRate: ratio(counts.errorOrders, counts.orderCount),
    averageProcessingHours: counts.shippedOrders > 0 ? counts.processingSeconds / counts.shippedOrders / 3600 : null,
    afterHoursOrderRatio: ratio(counts.afterHoursOrders, counts.orderCount),
    staffEnteredOrderRatio: ratio(counts.staffEnteredOrders, counts.orderCount),
    selfServiceRatio:
      counts.selfServiceViews === null || counts.selfServiceViews + counts.orderCount === 0
        ? null
        : ratio(counts.selfServiceViews, counts.selfServiceViews + counts.orderCount),
    dealerSatisfaction: scores.length > 0 ? (scores.reduce((a, b) => a + b, 0) / scores.length - 1) / 4 : null,
  };
}

/** A period the metrics can be asked for, or why not: it must start before it ends. */
export function metricsPeriodProblem({ from, to }: { from: Date; to: Date }): string | null {
  if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime())) return 'from and to must be instants.';
  if (from.getTime() >= to.getTime()) return 'The period must start (from) before it ends (to).';
  return null;
}
