import { pageWindow, toPage, userErrorsOf } from '@dealergraph/runtime';
import { GraphQLError } from 'graphql';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';

import type { OrdersContext } from '../context.js';
import type { OrderEventMessage } from '../events/event-bus.js';
import { OrderEventType } from '../events/order-event.type.js';
import { watchSpecialPriceRequests } from '../events/order-watch.service.js';
import { isSpecialPriceEvent } from './domain/special-price-audience.js';
import * as decisions from './special-price-decision.service.js';
import { SpecialPriceRequest } from './special-price-request.entity.js';
import { toSpecialPriceRequestType } from './special-price-request.mapper.js';
import * as requests from './special-price-request.service.js';
import {
  ApproveSpecialPriceRequestInput,
  RequestSpecialPriceInput,
  SpecialPriceRequestConnection,
  SpecialPriceRequestPayload,
  SpecialPriceRequestsArgs,
  SpecialPriceRequestType,
} from './special-price-request.type.js';

function toPayload(result: requests.SpecialPriceRequestResult): SpecialPriceRequestPayload {
  return { specialPriceRequest: result.ok ? toSpecialPriceRequestType(result.value) : null, userErrors: userErrorsOf(result) };
}

/**
 * The request as committed when its event arrived, loaded once per event however many subscriptions
 * receive it (a fresh unit of work: a subscription's context lives for many events).
 */
const requestOfEvent = new WeakMap<OrderEventMessage, Promise<SpecialPriceRequest | null>>();
function currentRequest(ctx: OrdersContext, event: OrderEventMessage): Promise<SpecialPriceRequest | null> {
  let loaded = requestOfEvent.get(event);
  if (!loaded) {
    loaded = ctx.em.fork().findOne(SpecialPriceRequest, { id: event.orderId });
    requestOfEvent.set(event, loaded);
  }
  return loaded;
}

@Resolver(() => SpecialPriceRequestType)
export class SpecialPriceRequestResolver {
  @Authorized()
  @Mutation(() => SpecialPriceRequestPayload, {
    description:
      "A dealer user (not VIEW_ONLY) asks for a special price for a product in its assortment and a quantity, with a reason and optionally the unit price and validity wanted. It is routed to an approval level by the discount against the dealer's current price.",
  })
  async requestSpecialPrice(
    @Arg('input', () => RequestSpecialPriceInput, { description: 'The request.' }) input: RequestSpecialPriceInput,
    @Ctx() ctx: OrdersContext,
  ): Promise<SpecialPriceRequestPayload> {
    return toPayload(await requests.requestSpecialPrice(ctx, input));
  }

  @Authorized()
  @Mutation(() => SpecialPriceRequestPayload, {
    description:
      "An approver at the request's level or above, within their scope (FORBIDDEN outside it), approves it, with the dealer's terms or a counter price, quantity or validity (counter terms that go deeper need their own level). The special price then applies to the dealer's next orders within its validity and granted quantity.",
  })
  async approveSpecialPriceRequest(
    @Arg('input', () => ApproveSpecialPriceRequestInput, { description: 'The approval.' }) input: ApproveSpecialPriceRequestInput,
    @Ctx() ctx: OrdersContext,
  ): Promise<SpecialPriceRequestPayload> {
    return toPayload(await decisions.approveSpecialPriceRequest(ctx, input));
  }

  @Authorized()
  @Mutation(() => SpecialPriceRequestPayload, {
    description:
      "An approver at the request's level or above, within their scope (FORBIDDEN outside it), rejects it, with a reason for the dealer.",
  })
  async rejectSpecialPriceRequest(
    @Arg('requestId', () => ID, { description: 'The request.' }) requestId: string,
    @Arg('reason', { description: 'Why, for the dealer (mandatory).' }) reason: string,
    @Ctx() ctx: OrdersContext,
  ): Promise<SpecialPriceRequestPayload> {
    return toPayload(await decisions.rejectSpecialPriceRequest(ctx, { requestId, reason }));
  }

  @Authorized()
  @Query(() => SpecialPriceRequestConnection, {
    description:
      "Special price requests, newest first: a dealer user sees its dealer's; an approver those its level and scope may decide (a SALES_REP their own dealers', a REGIONAL_MANAGER their region's, a SALES_DIRECTOR and up all).",
  })
  async specialPriceRequests(@Args() args: SpecialPriceRequestsArgs, @Ctx() ctx: OrdersContext) {
    const window = pageWindow(args);
    const [rows, total] = await requests.listSpecialPriceRequests(ctx, { window, status: args.status });
    return toPage(rows.map(toSpecialPriceRequestType), total, window);
  }

  @Authorized()
  @Query(() => SpecialPriceRequestType, {
    nullable: true,
    description: 'One special price request; null when there is none the caller may see.',
  })
  async specialPriceRequest(
    @Arg('id', () => ID, { description: 'The request.' }) id: string,
    @Ctx() ctx: OrdersContext,
  ): Promise<SpecialPriceRequestType | null> {
    const request = await requests.findSpecialPriceRequest(ctx, id);
    return request ? toSpecialPriceRequestType(request) : null;
  }

  @Authorized()
  @Subscription(() => SpecialPriceRequestType, {
    subscribe: ({ args, context }: { args: { requestId?: string | null }; context: OrdersContext }) =>
      watchSpecialPriceRequests(context, args.requestId),
    description:
      "A special price request each time it changes (asked, approved, rejected), after the change committed. A dealer user receives its own dealer's requests only; an approver those its level and scope may decide (a SALES_REP their own dealers', a REGIONAL_MANAGER their region's). requestId narrows it to one request; a request the caller may not see is refused with NOT_FOUND when it subscribes.",
  })
  async specialPriceRequestUpdated(
    @Root() event: OrderEventMessage,
    @Arg('requestId', () => ID, { nullable: true, description: 'Only this request; omitted: every request the caller may see.' })
    _requestId: string | null,
    @Ctx() ctx: OrdersContext,
  ): Promise<SpecialPriceRequestType> {
    const request = await currentRequest(ctx, event);
    if (!request) throw new GraphQLError('The request of this event is gone.', { extensions: { code: 'NOT_FOUND' } });
    return toSpecialPriceRequestType(request);
  }
}

/** Links an event of the notification feed (or of orderEvents) to the special price request it is about. */
@Resolver(() => OrderEventType)
export class SpecialPriceEventResolver {
  @FieldResolver(() => SpecialPriceRequestType, {
    nullable: true,
    description:
      'For a SPECIAL_PRICE_REQUEST event: the request as it is now (null when the caller may not see it); null for order events.',
  })
  async specialPriceRequest(@Root() event: OrderEventType, @Ctx() ctx: OrdersContext): Promise<SpecialPriceRequestType | null> {
    if (!isSpecialPriceEvent(event)) return null;
    const request = await requests.findSpecialPriceRequest(ctx, event.orderId);
    return request ? toSpecialPriceRequestType(request) : null;
  }
}
