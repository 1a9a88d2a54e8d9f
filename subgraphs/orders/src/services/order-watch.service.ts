import { GraphQLError } from 'graphql';
import type { OrdersContext } from '../context.js';
import { seesOrderEvent } from '../domain/event-audience.js';
import { isSpecialPriceEvent } from '../domain/special-price-audience.js';
import type { OrderEventMessage } from './event-bus.js';
import { keptEvents } from './order-event-hub.js';
import { findVisibleOrder } from './order.service.js';

/**
 * The caller's order events for orderUpdated: every order it may see, or only `orderId`. A named
 * order the caller may not see (another dealer's, or none at all) is refused when it subscribes, with
 * the same NOT_FOUND either way, rather than a subscription that stays silent forever.
 */
export async function watchOrderUpdates(ctx: OrdersContext, orderId: string | null | undefined): Promise<AsyncIterableIterator<OrderEventMessage>> {
  if (!ctx.events) throw new Error('order events are not running on this instance');
  const only = orderId ? (await findVisibleOrder(ctx, orderId))?.id : undefined;
  if (orderId && !only) throw new GraphQLError('There is no such order.', { extensions: { code: 'NOT_FOUND', field: 'orderId' } });
  return keptEvents(ctx.events, (event) => !isSpecialPriceEvent(event) && seesOrderEvent({ claims: ctx.claims, event }) && (!only || only === event.orderId));
}
