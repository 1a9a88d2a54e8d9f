/**
 * Which channel an order came in by, and who may say so: pure, no I/O.
 *
 * - A dealer user's own order is PORTAL; an API client's is API (or EDI, when the client says so:
 *   an EDI converter sends through the API). Neither may claim a staff channel.
 * - Staff keying in an order on behalf of a dealer name the channel it reached them by: PHONE (when
 *   they name none), FAX, EMAIL or EDI; never PORTAL or API, which are the dealer's own.
 */

export const ORDER_CHANNELS = ['PORTAL', 'API', 'EDI', 'PHONE', 'FAX', 'EMAIL'] as const;
export type OrderChannel = (typeof ORDER_CHANNELS)[number];

/** Who places the order: a dealer user in the portal, an API client, or staff on behalf of a dealer. */
export type OrderPlacer = 'DEALER_USER' | 'API_CLIENT' | 'STAFF';

const ALLOWED: Readonly<Record<OrderPlacer, readonly OrderChannel[]>> = {
  DEALER_USER: ['PORTAL'],
  API_CLIENT: ['API', 'EDI'],
  STAFF: ['PHONE', 'FAX', 'EMAIL', 'EDI'],
};
const DEFAULT: Readonly<Record<OrderPlacer, OrderChannel>> = { DEALER_USER: 'PORTAL', API_CLIENT: 'API', STAFF: 'PHONE' };

/** The order's channel, or why the requested one cannot be used (code INVALID_INPUT). */
export function orderChannel({
  placer,
  requested,
}: {
  placer: OrderPlacer;
  requested: OrderChannel | null | undefined;
}): { ok: true; channel: OrderChannel } | { ok: false; code: 'INVALID_INPUT'; message: string } {
  if (requested === null || requested === undefined) return { ok: true, channel: DEFAULT[placer] };
  if (ALLOWED[placer].includes(requested)) return { ok: true, channel: requested };
  const who = placer === 'STAFF' ? 'Staff entering an order' : placer === 'API_CLIENT' ? 'An API client' : "A dealer user's own order";
  return { ok: false, code: 'INVALID_INPUT', message: `${who} may use the channel ${ALLOWED[placer].join(', ')}, not ${requested}.` };
}
