import { PageArgs, pageWindow, toPage } from '@dealergraph/runtime';
import { GraphQLError } from 'graphql';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';

import type { OrdersContext } from '../context.js';
import { setMinimumOrder } from '../services/dealer-order-policy.service.js';
import * as decisions from '../services/order-decision.service.js';
import { placeOrder } from '../services/place-order.service.js';
import { toApprovalStepType, toOrderType } from './mappers.js';
import { OrderConnection, OrderType } from './order.type.js';
import { RejectionAlternativeInput, RejectionCodeEnum } from './order-rejection.type.js';
import {
  AcknowledgeOrderInput,
  type BelowMinimumEnum,
  MinimumOrderInput,
  MinimumOrderPayload,
  OrderApprovalStepType,
  OrderFulfillmentInput,
  OrderPayload,
  PlaceOrderInput,
  PlaceOrderPayload,
} from './order-workflow.type.js';

const toPayload = ({ order, userErrors }: decisions.OrderDecisionResult): OrderPayload => ({
  order: order ? toOrderType(order) : null,
  userErrors,
});

@Resolver(() => OrderType)
export class OrderWorkflowResolver {
  @Authorized()
  @Mutation(() => PlaceOrderPayload, {
    description:
      "Places an order for the caller's dealer from the given lines or, lines omitted, from the caller's cart: priced exactly as quoted now, stock reserved, routed to approval when a rule says so, credit held when approved. The same idempotencyKey returns the same order.",
  })
  async placeOrder(
    @Arg('input', () => PlaceOrderInput, { description: 'The order.' }) input: PlaceOrderInput,
    @Ctx() ctx: OrdersContext,
  ): Promise<PlaceOrderPayload> {
    const result = await placeOrder(ctx, input);
    if (result.failure) throw new GraphQLError(result.failure, { extensions: { code: 'SERVICE_UNAVAILABLE' } });
    return { order: result.order ? toOrderType(result.order) : null, warning: result.warning, userErrors: result.userErrors };
  }

  @Authorized()
  @Mutation(() => OrderPayload, {
    description:
      "Approves the waiting steps of a pending order at the caller's level or below; the last one holds credit and makes the order APPROVED.",
  })
  async approveOrder(
    @Arg('orderId', () => ID, { description: 'The order.' }) orderId: string,
    @Arg('comment', () => String, { nullable: true, description: 'A note for the status history.' }) comment: string | null,
    @Ctx() ctx: OrdersContext,
  ): Promise<OrderPayload> {
    return toPayload(await decisions.approveOrder(ctx, orderId, comment ?? null));
  }

  @Authorized()
  @Mutation(() => OrderPayload, {
    description:
      'Rejects a pending order (an approver at the waiting level or above) with a reason code, text and suggested alternatives, shown on Order.rejection; its stock and credit are released.',
  })
  async rejectOrder(
    @Arg('orderId', () => ID, { description: 'The order.' }) orderId: string,
    @Arg('reason', { description: 'Why, for the dealer (mandatory).' }) reason: string,
    @Arg('reasonCode', () => RejectionCodeEnum, { nullable: true, description: 'The reason code; OTHER when omitted.' })
    reasonCode: RejectionCodeEnum | null,
    @Arg('alternatives', () => [RejectionAlternativeInput], {
      nullable: true,
      description: 'What the dealer could do instead (each kind once, at most five).',
    })
    alternatives: RejectionAlternativeInput[] | null,
    @Ctx() ctx: OrdersContext,
  ): Promise<OrderPayload> {
    return toPayload(await decisions.rejectOrder(ctx, orderId, { reason, code: reasonCode, alternatives }));
  }

  @Authorized()
  @Mutation(() => OrderPayload, {
    description: 'Cancels an order: dealers while it is pending or approved and not yet processing. Its stock and credit are released.',
  })
  async cancelOrder(
    @Arg('orderId', () => ID, { description: 'The order.' }) orderId: string,
    @Arg('reason', () => String, { nullable: true, description: 'Why, for the status history.' }) reason: string | null,
    @Ctx() ctx: OrdersContext,
  ): Promise<OrderPayload> {
    return toPayload(await decisions.cancelOrder(ctx, orderId, reason ?? null));
  }

  @Authorized()
  @Mutation(() => OrderPayload, {
    description: 'Staff or the ERP integration: the order is PROCESSING, SHIPPED (with carrier and tracking number) or DELIVERED.',
  })
  async updateOrderFulfillment(
    @Arg('input', () => OrderFulfillmentInput, { description: 'The update.' }) input: OrderFulfillmentInput,
    @Ctx() ctx: OrdersContext,
  ): Promise<OrderPayload> {
    return toPayload(await decisions.updateFulfillment(ctx, input.orderId, input));
  }

  @Authorized()
  @Mutation(() => OrderPayload, {
    description:
      'The ERP (or ADMIN, GENERAL_MANAGER): the ERP has taken the order in, as its own order number, with the dates it confirms; an APPROVED order becomes PROCESSING. Repeats are harmless; another number is ERP_ORDER_NUMBER_CONFLICT.',
  })
  async acknowledgeOrder(
    @Arg('input', () => AcknowledgeOrderInput, { description: 'The order and what the ERP says.' }) input: AcknowledgeOrderInput,
    @Ctx() ctx: OrdersContext,
  ): Promise<OrderPayload> {
    return toPayload(
      await decisions.acknowledgeOrder(
        ctx,
        { orderId: input.orderId, orderNumber: input.orderNumber },
        {
          erpOrderNumber: input.erpOrderNumber,
          confirmedShipDate: input.confirmedShipDate,
          confirmedDeliveryDate: input.confirmedDeliveryDate,
        },
      ),
    );
  }

  @Authorized()
  @Mutation(() => MinimumOrderPayload, {
    description: "ADMIN or GENERAL_MANAGER: a dealer's minimum order amount and what happens below it.",
  })
  async setMinimumOrderAmount(
    @Arg('input', () => MinimumOrderInput, { description: 'The setting.' }) input: MinimumOrderInput,
    @Ctx() ctx: OrdersContext,
  ): Promise<MinimumOrderPayload> {
    const { policy, userErrors } = await setMinimumOrder(ctx, input);
    return { policy: policy ? { ...policy, belowMinimum: policy.belowMinimum as BelowMinimumEnum } : null, userErrors };
  }

  @Authorized()
  @Query(() => OrderConnection, {
    description: "Staff: pending orders whose next approval step is at the caller's level or below, oldest first.",
  })
  async approvalQueue(@Args() args: PageArgs, @Ctx() ctx: OrdersContext) {
    const window = pageWindow(args);
    const [rows, total] = await decisions.approvalQueue(ctx, window);
    return toPage(rows.map(toOrderType), total, window);
  }

  @FieldResolver(() => [OrderApprovalStepType], { description: 'The approval chain, in order; empty for an order approved automatically.' })
  async approvalSteps(@Root() order: OrderType, @Ctx() ctx: OrdersContext): Promise<OrderApprovalStepType[]> {
    const steps = await ctx.loaders.approvalStepsByOrderId.load(order.id);
    return steps.map(toApprovalStepType);
  }
}
