import { PageArgs, pageWindow, type Result, toMoney, toPage, userErrorsOf } from '@dealergraph/runtime';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';

import { cartPayload } from '../cart/cart.resolver.js';
import * as carts from '../cart/cart.service.js';
import { CartPayload, LineStatusEnum } from '../cart/cart.type.js';
import type { OrdersContext } from '../context.js';
import type { OrderTemplate } from './order-template.entity.js';
import * as templates from './order-template.service.js';
import {
  DeleteOrderTemplatePayload,
  OrderTemplateConnection,
  OrderTemplateLineType,
  OrderTemplatePayload,
  OrderTemplateType,
  ReorderPayload,
} from './order-template.type.js';

const toTemplateType = (t: OrderTemplate): OrderTemplateType => ({ id: t.id, name: t.name, createdAt: t.createdAt });

const templatePayload = (result: Result<OrderTemplate>): OrderTemplatePayload => ({
  template: result.ok ? toTemplateType(result.value) : null,
  userErrors: userErrorsOf(result),
});

@Resolver(() => OrderTemplateType)
export class OrderTemplateResolver {
  @Authorized()
  @Query(() => OrderTemplateConnection, { description: "The caller's dealer's order templates, by name; empty for staff." })
  async orderTemplates(@Args() args: PageArgs, @Ctx() ctx: OrdersContext) {
    const window = pageWindow(args);
    const [rows, total] = await templates.listTemplates(ctx, window);
    return toPage(rows.map(toTemplateType), total, window);
  }

  @FieldResolver(() => [OrderTemplateLineType], { description: 'The lines, in the order they were saved.' })
  async lines(@Root() template: OrderTemplateType, @Ctx() ctx: OrdersContext): Promise<OrderTemplateLineType[]> {
    const lines = await templates.templateLines(ctx, template.id);
    return lines.map((l) => ({ sku: l.sku, quantity: l.quantity, product: { id: l.productId } }));
  }

  @FieldResolver(() => Int, { description: 'How many lines.' })
  async lineCount(@Root() template: OrderTemplateType, @Ctx() ctx: OrdersContext): Promise<number> {
    return (await templates.templateLines(ctx, template.id)).length;
  }

  @Authorized()
  @Mutation(() => OrderTemplatePayload, {
    description: 'Saves the cart under a name as a template of the dealer (the cart stays as it is).',
  })
  async saveCartAsTemplate(
    @Arg('name', { description: 'Template name, 1-100 characters, unique within the dealer.' }) name: string,
    @Ctx() ctx: OrdersContext,
  ): Promise<OrderTemplatePayload> {
    return templatePayload(await templates.saveCartAsTemplate(ctx, name));
  }

  @Authorized()
  @Mutation(() => OrderTemplatePayload, { description: "Saves the lines of one of the dealer's past orders under a name as a template." })
  async saveOrderAsTemplate(
    @Arg('orderId', () => ID, { description: 'The past order.' }) orderId: string,
    @Arg('name', { description: 'Template name, 1-100 characters, unique within the dealer.' }) name: string,
    @Ctx() ctx: OrdersContext,
  ): Promise<OrderTemplatePayload> {
    return templatePayload(await templates.saveOrderAsTemplate(ctx, orderId, name));
  }

  @Authorized()
  @Mutation(() => DeleteOrderTemplatePayload, { description: 'Deletes a template of the dealer.' })
  async deleteOrderTemplate(
    @Arg('templateId', () => ID, { description: 'The template.' }) templateId: string,
    @Ctx() ctx: OrdersContext,
  ): Promise<DeleteOrderTemplatePayload> {
    const result = await templates.deleteTemplate(ctx, templateId);
    return { deletedTemplateId: result.ok ? result.value : null, userErrors: userErrorsOf(result) };
  }

  @Authorized()
  @Mutation(() => CartPayload, {
    description:
      'Adds a template\'s lines to the cart at today\'s prices; lines that cannot be ordered get a userError each (field ["lines", index, ...]).',
  })
  async addTemplateToCart(
    @Arg('templateId', () => ID, { description: 'The template.' }) templateId: string,
    @Ctx() ctx: OrdersContext,
  ): Promise<CartPayload> {
    return cartPayload(ctx, carts.addedLinesErrors(await templates.addTemplateToCart(ctx, templateId), ['lines']));
  }

  @Authorized()
  @Mutation(() => ReorderPayload, {
    description:
      "Adds a past order's lines to the cart, re-priced at today's prices, and shows per line the price paid then against today's.",
  })
  async reorder(
    @Arg('orderId', () => ID, { description: "One of the dealer's past orders." }) orderId: string,
    @Ctx() ctx: OrdersContext,
  ): Promise<ReorderPayload> {
    const reordered = await templates.reorder(ctx, orderId);
    if (!reordered.ok) return { lines: [], ...(await cartPayload(ctx, reordered.errors)) };
    const result = reordered.value;
    const lines = result.lines.map((l) => ({
      sku: l.sku,
      quantity: l.quantity,
      status: l.verdict.status as LineStatusEnum,
      message: l.verdict.message,
      previousUnitPrice: toMoney(l.previousUnitPrice, result.currency),
      currentUnitPrice: l.currentUnitPrice === null ? null : toMoney(l.currentUnitPrice, result.currency),
      unitPriceChange: l.currentUnitPrice === null ? null : toMoney(l.currentUnitPrice - l.previousUnitPrice, result.currency),
      priceChanged: l.currentUnitPrice !== null && l.currentUnitPrice !== l.previousUnitPrice,
    }));
    const verdicts = result.lines.map((l) => l.verdict);
    return { lines, ...(await cartPayload(ctx, carts.verdictErrors(verdicts, ['lines']))) };
  }
}
