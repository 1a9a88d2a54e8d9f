import { GraphQLError } from 'graphql';

import { liveScopeOf } from '../approvals/approver-scope.service.js';
import type { OrdersContext } from '../context.js';
import { findVisibleOrder } from '../orders/order.service.js';
import { isSpecialPriceEvent, seesSpecialPriceRequestEvent } from '../special-prices/domain/special-price-audience.js';
import { findSpecialPriceRequest } from '../special-prices/special-price-request.service.js';
import { seesOrderEvent, sendsOrderUpdate } from './domain/event-audience.js';
import type { OrderEventMessage } from './event-bus.js';
import { keptEvents, type OrderEventHub } from './order-event-hub.js';

function hubOf(ctx: OrdersContext): OrderEventHub {
  if (!ctx.events) throw new Error('order events are not running on this instance');
  return ctx.events;
}

/**
 * The caller's order events for orderUpdated: every order it may see, or only `orderId`. A named
 * order the caller may not see (another dealer's, or none at all) is refused when it subscribes, with
 * the same NOT_FOUND either way, rather than a subscription that stays silent forever.
 */
export async function watchOrderUpdates(
  ctx: OrdersContext,
  orderId: string | null | undefined,
): Promise<AsyncIterableIterator<OrderEventMessage>> {
  const hub = hubOf(ctx);
  const only = orderId ? (await findVisibleOrder(ctx, orderId))?.id : undefined;
  if (orderId && !only) throw new GraphQLError('There is no such order.', { extensions: { code: 'NOT_FOUND', field: 'orderId' } });
  return keptEvents(
    hub,
    (event) =>
      !isSpecialPriceEvent(event) &&
      sendsOrderUpdate({ event }) &&
      seesOrderEvent({ claims: ctx.claims, event }) &&
      (!only || only === event.orderId),
  );
}

/**
 * The caller's special price request events for specialPriceRequestUpdated: every request it may see,
 * or only `requestId`, refused with NOT_FOUND when it subscribes if the caller may not see it. An
 * approver gets those of its scope only (a rep's dealers, a manager's region).
 */
export async function watchSpecialPriceRequests(
  ctx: OrdersContext,
  requestId: string | null | undefined,
): Promise<AsyncIterableIterator<OrderEventMessage>> {
  const hub = hubOf(ctx);
  const only = requestId ? (await findSpecialPriceRequest(ctx, requestId))?.id : undefined;
  if (requestId && !only)
    throw new GraphQLError('There is no such special price request.', { extensions: { code: 'NOT_FOUND', field: 'requestId' } });
  // A request's events carry its id where an order's carry the order id.
  return keptEvents(
    hub,
    async (event) =>
      (!only || only === event.orderId) && seesSpecialPriceRequestEvent({ claims: ctx.claims, event, scope: await liveScopeOf(ctx) }),
  );
}
