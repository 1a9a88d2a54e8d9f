import { Arg, Authorized, Ctx, ID, Mutation, Resolver } from 'type-graphql';

import type { OrdersContext } from '../context.js';
import { toOrderPayload } from './order.mapper.js';
import { OrderType } from './order.type.js';
import { OrderCancellationCodeEnum } from './order-cancellation.type.js';
import * as decisions from './order-decision.service.js';
import { AcknowledgeOrderInput, OrderFulfillmentInput, OrderPayload } from './order-lifecycle.type.js';

/** The lifecycle mutations of an order after its approval: cancel, fulfilment, the ERP's acknowledgement. */
@Resolver(() => OrderType)
export class OrderLifecycleResolver {
  @Authorized()
  @Mutation(() => OrderPayload, {
    description: 'Cancels an order: dealers while it is pending or approved and not yet processing. Its stock and credit are released.',
  })
  async cancelOrder(
    @Arg('orderId', () => ID, { description: 'The order.' }) orderId: string,
    @Arg('reason', () => String, { nullable: true, description: 'Why, for the status history.' }) reason: string | null,
    @Arg('reasonCode', () => OrderCancellationCodeEnum, {
      nullable: true,
      description:
        'Why, as a code; the error codes (ENTRY_ERROR, DUPLICATE_ORDER, WRONG_PRICE, WRONG_ITEM) count in successMetrics.orderErrorRate.',
    })
    reasonCode: OrderCancellationCodeEnum | null,
    @Ctx() ctx: OrdersContext,
  ): Promise<OrderPayload> {
    return toOrderPayload(await decisions.cancelOrder(ctx, orderId, reason ?? null, reasonCode ?? null));
  }

  @Authorized()
  @Mutation(() => OrderPayload, {
    description: 'Staff or the ERP integration: the order is PROCESSING, SHIPPED (with carrier and tracking number) or DELIVERED.',
  })
  async updateOrderFulfillment(
    @Arg('input', () => OrderFulfillmentInput, { description: 'The update.' }) input: OrderFulfillmentInput,
    @Ctx() ctx: OrdersContext,
  ): Promise<OrderPayload> {
    return toOrderPayload(await decisions.updateFulfillment(ctx, input.orderId, input));
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
    return toOrderPayload(
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
}
