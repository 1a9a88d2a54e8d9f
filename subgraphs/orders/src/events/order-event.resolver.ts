import { PageArgs, pageWindow, toPage, userErrorsOf } from '@dealergraph/runtime';
import { GraphQLError } from 'graphql';
import {
  Arg,
  Args,
  ArgsType,
  Authorized,
  Ctx,
  Field,
  FieldResolver,
  ID,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
  Subscription,
} from 'type-graphql';

import { liveScopeOf } from '../approvals/approver-scope.service.js';
import type { Rejection } from '../approvals/domain/order-rejection.js';
import { toRejectionType } from '../approvals/order-rejection.type.js';
import type { OrdersContext } from '../context.js';
import { Order } from '../orders/order.entity.js';
import { createOrderLoaders } from '../orders/order.loaders.js';
import { toOrderType } from '../orders/order.mapper.js';
import { findVisibleOrder } from '../orders/order.service.js';
import { OrderType } from '../orders/order.type.js';
import { changesApprovalQueueOf, notifies } from './domain/event-audience.js';
import type { OrderEventMessage } from './event-bus.js';
import { MarkNotificationsReadPayload, NotificationConnection, OrderEventType } from './order-event.type.js';
import { ORDER_EVENTS_TOPIC } from './order-event-hub.js';
import * as events from './order-events.service.js';
import { watchOrderUpdates } from './order-watch.service.js';

interface FilterData<TArgs = Record<string, unknown>> {
  payload: OrderEventMessage;
  args: TArgs;
  context: OrdersContext;
}

const levelOf = (data: Record<string, unknown> | null) => (typeof data?.level === 'number' ? data.level : null);

const rejectionOf = (data: Record<string, unknown> | null) =>
  data?.rejection && typeof data.currency === 'string' ? toRejectionType(data.rejection as Rejection, data.currency) : null;

function toEventType(
  event: {
    id: string;
    type: string;
    orderId: string;
    status: string | null;
    reason: string | null;
    data: Record<string, unknown> | null;
    at: Date | string;
    read?: boolean;
  },
  order?: OrderType | null,
): OrderEventType {
  return {
    id: event.id,
    type: event.type,
    orderId: event.orderId,
    order,
    status: event.status,
    reason: event.reason,
    level: levelOf(event.data),
    rejection: rejectionOf(event.data),
    at: new Date(event.at),
    read: event.read ?? false,
  };
}

/**
 * The order as committed when the event arrived: a fresh unit of work (one subscription's context lives
 * for many events), loaded once per event however many subscriptions receive it (the hub hands every
 * subscription the same event object). Visibility is the subscription filter's business, not this one's.
 */
const orderOfEvent = new WeakMap<OrderEventMessage, Promise<OrderType | null>>();
function currentOrder(ctx: OrdersContext, event: OrderEventMessage): Promise<OrderType | null> {
  // The order's own fields (steps, history, lines) read through the context's loaders: fresh ones for
  // each event, or every event after the first would answer from the first one's cache.
  ctx.loaders = createOrderLoaders(ctx.em.fork());
  let loaded = orderOfEvent.get(event);
  if (!loaded) {
    loaded = ctx.em
      .fork()
      .findOne(Order, event.orderId)
      .then((order) => (order ? toOrderType(order) : null));
    orderOfEvent.set(event, loaded);
  }
  return loaded;
}

@ArgsType()
class NotificationsArgs extends PageArgs {
  @Field(() => Boolean, { nullable: true, description: 'Only notifications not marked read yet.' })
  unreadOnly?: boolean | null;
}

@Resolver(() => OrderEventType)
export class OrderEventResolver {
  @Authorized()
  @Subscription(() => OrderType, {
    subscribe: ({ args, context }: { args: { orderId?: string | null }; context: OrdersContext }) =>
      watchOrderUpdates(context, args.orderId),
    description:
      "An order each time it changes (placed, approval steps, status, shipping), after the change committed. A dealer user receives its own dealer's orders only; staff receive every order they may see. orderId narrows it to one order; an order the caller may not see is refused with NOT_FOUND when it subscribes.",
  })
  async orderUpdated(
    @Root() event: OrderEventMessage,
    @Arg('orderId', () => ID, { nullable: true, description: 'Only this order; omitted: every order the caller may see.' })
    _orderId: string | null,
    @Ctx() ctx: OrdersContext,
  ): Promise<OrderType> {
    const order = await currentOrder(ctx, event);
    if (!order) throw new GraphQLError('The order of this event is gone.', { extensions: { code: 'NOT_FOUND' } });
    return order;
  }

  @Authorized()
  @Subscription(() => OrderEventType, {
    topics: ORDER_EVENTS_TOPIC,
    filter: async ({ payload, context }: FilterData) =>
      changesApprovalQueueOf({ claims: context.claims, event: payload, scope: await liveScopeOf(context) }),
    description:
      "For approvers: an order entered or left the caller's approval queue, or one of its steps was decided, escalated or reminded about (steps of another area or above the caller's level excluded). Within the caller's scope: a SALES_REP their own dealers' orders, a REGIONAL_MANAGER their region's, a SALES_DIRECTOR and up all, a DEALER_ADMIN their own dealer's own steps.",
  })
  async approvalQueueChanged(@Root() event: OrderEventMessage, @Ctx() ctx: OrdersContext): Promise<OrderEventType> {
    return toEventType(event, await currentOrder(ctx, event));
  }

  @Authorized()
  @Subscription(() => OrderEventType, {
    topics: ORDER_EVENTS_TOPIC,
    filter: async ({ payload, context }: FilterData) =>
      notifies({ claims: context.claims, event: payload, scope: await liveScopeOf(context) }),
    description:
      "A new entry of the caller's notification feed: for dealer users everything that happens to their dealer's orders (approvals, rejections with the reason, escalations, status changes); for approvers what changes their queue, within their scope (a SALES_REP's own dealers, a REGIONAL_MANAGER's region).",
  })
  async notificationAdded(@Root() event: OrderEventMessage, @Ctx() ctx: OrdersContext): Promise<OrderEventType> {
    return toEventType(event, await currentOrder(ctx, event));
  }

  @Authorized()
  @Query(() => [OrderEventType], {
    description:
      "The events the caller may see that happened after `since`, oldest first (at most `first`, default 100, up to 500): what a client missed while its socket was down. A SALES_REP gets their own dealers' events only, a REGIONAL_MANAGER their region's. Ask again from the last `at` received and drop ids already seen.",
  })
  async orderEvents(
    @Arg('since', () => Date, { description: 'Exclusive lower bound: usually the `at` of the last event received.' }) since: Date,
    @Arg('orderId', () => ID, { nullable: true, description: 'Only this order.' }) orderId: string | null,
    @Arg('first', () => Int, { nullable: true, description: 'At most this many events (1-500, default 100).' }) first: number | null,
    @Ctx() ctx: OrdersContext,
  ): Promise<OrderEventType[]> {
    const rows = await events.orderEventsSince(ctx, { since, orderId, first });
    return rows.map((row) => toEventType(row));
  }

  @Authorized()
  @Query(() => NotificationConnection, { description: "The caller's in-app notification feed, newest first, with the unread count." })
  async notifications(@Args() args: NotificationsArgs, @Ctx() ctx: OrdersContext) {
    const window = pageWindow(args);
    const feed = await events.notificationFeed(ctx, { offset: window.offset, limit: window.limit, unreadOnly: args.unreadOnly });
    return {
      ...toPage(
        feed.nodes.map((row) => toEventType(row)),
        feed.totalCount,
        window,
      ),
      unreadCount: feed.unreadCount,
    };
  }

  @Authorized()
  @Mutation(() => MarkNotificationsReadPayload, {
    description: "Marks notifications of the caller's feed read: the given ones, or all with all: true.",
  })
  async markNotificationsRead(
    @Arg('eventIds', () => [ID], { nullable: true, description: 'The notifications (event ids) to mark read.' }) eventIds: string[] | null,
    @Arg('all', () => Boolean, { nullable: true, description: 'Mark the whole feed read.' }) all: boolean | null,
    @Ctx() ctx: OrdersContext,
  ): Promise<MarkNotificationsReadPayload> {
    const result = await events.markNotificationsRead(ctx, { eventIds, all });
    return { unreadCount: result.ok ? result.value : 0, userErrors: userErrorsOf(result) };
  }

  @FieldResolver(() => OrderType, { nullable: true, description: 'The order as it is now; null when the caller may no longer see it.' })
  async order(@Root() event: OrderEventType, @Ctx() ctx: OrdersContext): Promise<OrderType | null> {
    if (event.order !== undefined) return event.order;
    const order = await findVisibleOrder(ctx, event.orderId);
    return order ? toOrderType(order) : null;
  }
}
