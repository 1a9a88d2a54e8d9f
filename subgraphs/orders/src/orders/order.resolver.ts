import { PageArgs, pageWindow, toPage } from '@dealergraph/runtime';
import { Arg, Args, ArgsType, Authorized, Ctx, Field, FieldResolver, ID, InputType, Int, Query, Resolver, Root } from 'type-graphql';

import type { OrdersContext } from '../context.js';
import { toOrderLineType, toOrderStatusChangeType, toOrderType } from './order.mapper.js';
import * as orders from './order.service.js';
import { OrderConnection, OrderLineType, OrderStatusChangeType, OrderType } from './order.type.js';
import { OrderStatusEnum } from './order-status.type.js';

@InputType('OrderFilter', { description: 'Narrows an order list. Conditions combine with AND.' })
class OrderFilterInput {
  @Field(() => [OrderStatusEnum], { nullable: true, description: 'Only orders in one of these statuses; omitted or empty: any status.' })
  status?: OrderStatusEnum[] | null;

  @Field(() => ID, {
    nullable: true,
    description: "Only this dealer's orders. Staff only: for dealer users it is ignored, they always get their own dealer's orders.",
  })
  dealerId?: string | null;

  @Field(() => Date, { nullable: true, description: 'Only orders placed at or after this instant.' })
  placedFrom?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Only orders placed before this instant (exclusive).' })
  placedTo?: Date | null;

  @Field(() => String, { nullable: true, description: 'Part of the order number or of the PO number, any case.' })
  search?: string | null;
}

@ArgsType()
class OrdersArgs extends PageArgs {
  @Field(() => OrderFilterInput, { nullable: true, description: 'Narrows the list.' })
  filter?: OrderFilterInput | null;
}

@Resolver(() => OrderType)
export class OrderResolver {
  @Authorized()
  @Query(() => OrderConnection, {
    description:
      "Orders, newest first. Dealer users get their own dealer's orders only, whatever the filter says; staff get every dealer's.",
  })
  async orders(@Args() args: OrdersArgs, @Ctx() ctx: OrdersContext) {
    const window = pageWindow(args);
    const [rows, total] = await orders.listOrders(ctx, args.filter ?? {}, window);
    return toPage(rows.map(toOrderType), total, window);
  }

  @Authorized()
  @Query(() => OrderType, { nullable: true, description: "An order by id; null when there is none or it is another dealer's." })
  async order(@Arg('id', () => ID, { description: 'The order id.' }) id: string, @Ctx() ctx: OrdersContext) {
    const order = await orders.findOrder(ctx, id);
    return order ? toOrderType(order) : null;
  }

  @FieldResolver(() => Int, { description: 'How many lines the order has.' })
  lineCount(@Root() order: OrderType, @Ctx() ctx: OrdersContext): Promise<number> {
    return orders.orderLineCount(ctx, order.id);
  }

  @FieldResolver(() => [OrderLineType], { description: 'The lines, in the order they were entered.' })
  async lines(@Root() order: OrderType, @Ctx() ctx: OrdersContext): Promise<OrderLineType[]> {
    const lines = await orders.orderLines(ctx, order.id);
    return lines.map((line) => toOrderLineType(line, order.currency));
  }

  @FieldResolver(() => [OrderStatusChangeType], {
    description: 'Every status the order went through, oldest first; the first entry is the status it was placed in.',
  })
  async statusHistory(@Root() order: OrderType, @Ctx() ctx: OrdersContext): Promise<OrderStatusChangeType[]> {
    return (await orders.orderHistory(ctx, order.id)).map(toOrderStatusChangeType);
  }
}
