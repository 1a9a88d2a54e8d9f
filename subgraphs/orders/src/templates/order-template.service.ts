import { randomUUID } from 'node:crypto';

import {
  groupedLoader,
  isStaff,
  normalizeId,
  ok,
  type PageWindow,
  refused,
  requireClaims,
  type Result,
  userError,
} from '@dealergraph/runtime';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type DataLoader from 'dataloader';

import { type AddedLines, addLines, type CartOperation, cartWriter, quote, readCartLines } from '../cart/cart.service.js';
import type { LineVerdict } from '../cart/domain/cart-lines.js';
import type { OrdersContext } from '../context.js';
import { findVisibleOrder, orderLines } from '../orders/order.service.js';
import { withinCharacters } from './domain/text-length.js';
import { OrderTemplate } from './order-template.entity.js';
import { OrderTemplateLine } from './order-template-line.entity.js';

/** Longest template name. */
export const MAX_TEMPLATE_NAME = 100;

const notFound = (what: string, field: string) => userError('NOT_FOUND', `No ${what} with this id is yours.`, [field]);

/** One line of a reorder: the price paid then against today's price for the same quantity. */
export interface ReorderDifference {
  sku: string;
  quantity: number;
  previousUnitPrice: number;
  /** Null when the product cannot be ordered today. */
  currentUnitPrice: number | null;
  verdict: LineVerdict;
}

/** A reorder's lines, compared in the past order's currency. */
export interface Reordered {
  currency: string;
  lines: ReorderDifference[];
}

const lineLoaders = new WeakMap<OrdersContext, DataLoader<string, OrderTemplateLine[]>>();

/** The lines of templates the caller was already allowed to see, by position: one query per batch. */
export function templateLines(ctx: OrdersContext, templateId: string): Promise<OrderTemplateLine[]> {
  let loader = lineLoaders.get(ctx);
  if (!loader) {
    loader = groupedLoader(
      (ids: string[]) => ctx.em.find(OrderTemplateLine, { template: { $in: ids } }, { orderBy: { template: 'asc', position: 'asc' } }),
      (line) => line.template.id,
    );
    lineLoaders.set(ctx, loader);
  }
  return loader.load(templateId);
}

/** The caller's dealer's templates, by name; staff have none. */
export async function listTemplates(ctx: OrdersContext, window: PageWindow): Promise<[OrderTemplate[], number]> {
  const claims = requireClaims(ctx.claims);
  if (isStaff(claims) || !claims.dealerId) return [[], 0];
  return ctx.em.findAndCount(
    OrderTemplate,
    { dealerId: claims.dealerId },
    { orderBy: { name: 'asc', id: 'asc' }, offset: window.offset, limit: window.limit },
  );
}

/** A template of the caller's dealer, or null: another dealer's reads as missing. */
export async function findTemplate(ctx: OrdersContext, id: string): Promise<OrderTemplate | null> {
  const claims = requireClaims(ctx.claims);
  const templateId = normalizeId(id);
  if (!templateId || isStaff(claims) || !claims.dealerId) return null;
  return ctx.em.findOne(OrderTemplate, { id: templateId, dealerId: claims.dealerId });
}

/** Stores lines under a name for the caller's dealer; the name is unique within the dealer. */
async function saveTemplate(
  ctx: OrdersContext,
  operation: CartOperation,
  name: string,
  lines: { productId: string; sku: string; quantity: number }[],
): Promise<Result<OrderTemplate>> {
  const writer = cartWriter(ctx, operation);
  if (!writer.ok) return writer;
  const { dealerId, userId } = writer.value;
  const trimmed = name.trim();
  if (!trimmed || !withinCharacters({ text: trimmed, max: MAX_TEMPLATE_NAME })) {
    return refused(userError('INVALID_NAME', `A template name has 1-${MAX_TEMPLATE_NAME} characters.`, ['name']));
  }
  try {
    const template = await ctx.em.transactional(async (em) => {
      const created = em.create(OrderTemplate, {
        id: randomUUID(),
        dealerId,
        createdByUserId: userId,
        name: trimmed,
      });
      lines.forEach((line, i) =>
        em.create(OrderTemplateLine, {
          id: randomUUID(),
          template: created,
          position: i + 1,
          productId: line.productId,
          sku: line.sku,
          quantity: line.quantity,
        }),
      );
      return created;
    });
    return ok(template);
  } catch (e) {
    if (!(e instanceof UniqueConstraintViolationException)) throw e;
    return refused(
      userError('TEMPLATE_NAME_TAKEN', `Your dealer already has a template named "${trimmed}": choose another name or delete that one.`, [
        'name',
      ]),
    );
  }
}

/** Saves the caller's cart as a template (EMPTY_CART when there is nothing in it). */
export async function saveCartAsTemplate(ctx: OrdersContext, name: string): Promise<Result<OrderTemplate>> {
  const writer = cartWriter(ctx, 'Mutation.saveCartAsTemplate');
  if (!writer.ok) return writer;
  const lines = await readCartLines(ctx);
  if (lines.length === 0) return refused(userError('EMPTY_CART', 'Your cart is empty: add products before saving it as a template.'));
  return saveTemplate(ctx, 'Mutation.saveCartAsTemplate', name, lines);
}

/** Saves a past order of the caller's dealer as a template. */
export async function saveOrderAsTemplate(ctx: OrdersContext, orderId: string, name: string): Promise<Result<OrderTemplate>> {
  const writer = cartWriter(ctx, 'Mutation.saveOrderAsTemplate');
  if (!writer.ok) return writer;
  const order = await findVisibleOrder(ctx, orderId);
  if (!order || order.dealerId !== writer.value.dealerId) return refused(notFound('order', 'orderId'));
  const lines = await orderLines(ctx, order.id);
  return saveTemplate(
    ctx,
    'Mutation.saveOrderAsTemplate',
    name,
    lines.map((l) => ({ productId: l.productId, sku: l.sku, quantity: l.quantity })),
  );
}

/** Deletes a template of the caller's dealer; answers the deleted template's id. */
export async function deleteTemplate(ctx: OrdersContext, templateId: string): Promise<Result<string>> {
  const writer = cartWriter(ctx, 'Mutation.deleteOrderTemplate');
  if (!writer.ok) return writer;
  const template = await findTemplate(ctx, templateId);
  if (!template) return refused(notFound('template', 'templateId'));
  // Of concurrent deletions, only the one whose statement removed the row says it deleted it.
  const deleted = await ctx.em.nativeDelete(OrderTemplate, { id: template.id, dealerId: writer.value.dealerId });
  if (deleted === 0) return refused(notFound('template', 'templateId'));
  return ok(template.id);
}

/** Adds a template's lines to the caller's cart, priced today; lines that cannot be ordered are reported. */
export async function addTemplateToCart(ctx: OrdersContext, templateId: string): Promise<Result<AddedLines>> {
  const writer = cartWriter(ctx, 'Mutation.addTemplateToCart');
  if (!writer.ok) return writer;
  const template = await findTemplate(ctx, templateId);
  if (!template) return refused(notFound('template', 'templateId'));
  const lines = await templateLines(ctx, template.id);
  return addLines(
    ctx,
    lines.map((l) => ({ sku: l.sku, quantity: l.quantity })),
    { operation: 'Mutation.addTemplateToCart' },
  );
}

/**
 * Adds a past order's lines to the caller's cart at today's prices and reports, per line, the unit
 * price paid then against today's price for the same quantity.
 */
export async function reorder(ctx: OrdersContext, orderId: string): Promise<Result<Reordered>> {
  const writer = cartWriter(ctx, 'Mutation.reorder');
  if (!writer.ok) return writer;
  const { dealerId } = writer.value;
  const order = await findVisibleOrder(ctx, orderId);
  if (!order || order.dealerId !== dealerId) return refused(notFound('order', 'orderId'));
  const lines = await orderLines(ctx, order.id);
  const added = await addLines(
    ctx,
    lines.map((l) => ({ sku: l.sku, quantity: l.quantity })),
    { operation: 'Mutation.reorder' },
  );
  if (!added.ok) return added;
  const result = added.value;
  const orderable = (v: LineVerdict | undefined) => v?.status === 'OK' || v?.status === 'DUPLICATE';
  // Today's price for the quantity ordered then (the cart line may hold more): a like-for-like comparison.
  const today = await quote(
    ctx,
    dealerId,
    lines.filter((_, i) => orderable(result.verdicts[i])).map((l) => ({ productId: l.productId, quantity: l.quantity })),
  );
  const todayById = new Map(today.lines.map((q) => [q.productId, q]));
  const differences = lines.map((line, i): ReorderDifference => {
    const verdict = result.verdicts[i];
    const now = orderable(verdict) ? todayById.get(line.productId) : undefined;
    return {
      sku: line.sku,
      quantity: line.quantity,
      previousUnitPrice: line.unitPrice,
      currentUnitPrice: now?.priceable ? now.unitPrice : null,
      verdict,
    };
  });
  return ok({ currency: order.currency, lines: differences });
}
