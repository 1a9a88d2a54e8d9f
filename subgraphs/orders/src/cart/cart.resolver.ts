import { catchRefusal, type UserError } from '@dealergraph/runtime';
import { Arg, Authorized, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';

import type { OrdersContext } from '../context.js';
import { toCartType, toCreditPreviewType, toUploadedLineType } from './cart.mapper.js';
import * as carts from './cart.service.js';
import {
  CartCreditPreviewType,
  CartLineInput,
  CartPayload,
  CartType,
  UploadOrderLinesInput,
  UploadOrderLinesPayload,
} from './cart.type.js';
import { uploadOrderLines } from './order-upload.service.js';

/** The caller's cart, priced now (a Refusal when its total cannot be computed exactly). */
async function currentCart(ctx: OrdersContext): Promise<CartType | null> {
  const cart = await carts.loadCart(ctx);
  return cart ? toCartType(cart) : null;
}

/** A cart mutation's payload: the cart after the change and the userErrors, the cart's own refusal among them. */
export async function cartPayload(ctx: OrdersContext, userErrors: UserError[]): Promise<CartPayload> {
  const cart = await catchRefusal(() => currentCart(ctx));
  return cart.ok ? { cart: cart.value, userErrors } : { cart: null, userErrors: [...userErrors, ...cart.errors] };
}

@Resolver(() => CartType)
export class CartResolver {
  @Authorized()
  @Query(() => CartType, {
    nullable: true,
    description: "The caller's cart, priced now for the caller's dealer; null for staff, who have no cart.",
  })
  cart(@Ctx() ctx: OrdersContext): Promise<CartType | null> {
    return currentCart(ctx);
  }

  @FieldResolver(() => CartCreditPreviewType, {
    nullable: true,
    description:
      'What credit would decide for an order of this total right now; null when nothing in the cart can be ordered. A preview: nothing is held.',
  })
  async creditPreview(@Root() cart: CartType, @Ctx() ctx: OrdersContext): Promise<CartCreditPreviewType | null> {
    const lineTotals = cart.orderableTotals.map((l) => l.lineTotal);
    const decision = await carts.creditPreview(ctx, { dealerId: cart.dealerId, total: cart.totalMinor, lineTotals });
    return decision ? toCreditPreviewType(decision, cart.total.currency, cart.orderableTotals) : null;
  }

  @Authorized()
  @Mutation(() => CartPayload, {
    description:
      'Adds lines to the cart (quick order: many typed SKUs at once). Quantities add to what the cart holds; the same SKU twice is merged. Lines that cannot be ordered get a userError each (UNKNOWN_SKU, NOT_AUTHORIZED, INVALID_QUANTITY, OUT_OF_STOCK) with field ["lines", index, ...]; the others are added. VIEW_ONLY users and staff: FORBIDDEN.',
  })
  async addToCart(
    @Arg('lines', () => [CartLineInput], { description: 'Products by SKU and quantities to add.' }) lines: CartLineInput[],
    @Ctx() ctx: OrdersContext,
  ): Promise<CartPayload> {
    return cartPayload(ctx, carts.addedLinesErrors(await carts.addLines(ctx, lines), ['lines']));
  }

  @Authorized()
  @Mutation(() => CartPayload, {
    description: 'Sets the quantity of a cart line (0 removes it). Codes: INVALID_QUANTITY, NOT_IN_CART, FORBIDDEN.',
  })
  async updateCartLine(
    @Arg('sku', { description: 'The SKU of the line (any case).' }) sku: string,
    @Arg('quantity', () => Int, { description: 'The new quantity, 0-100,000; 0 removes the line.' }) quantity: number,
    @Ctx() ctx: OrdersContext,
  ): Promise<CartPayload> {
    return cartPayload(ctx, await carts.updateCartLine(ctx, sku, quantity));
  }

  @Authorized()
  @Mutation(() => CartPayload, { description: 'Removes lines from the cart by SKU. Codes: NOT_IN_CART, FORBIDDEN.' })
  async removeFromCart(
    @Arg('skus', () => [String], { description: 'SKUs of the lines to remove (any case).' }) skus: string[],
    @Ctx() ctx: OrdersContext,
  ): Promise<CartPayload> {
    return cartPayload(ctx, await carts.removeFromCart(ctx, skus));
  }

  @Authorized()
  @Mutation(() => CartPayload, { description: 'Empties the cart. Codes: FORBIDDEN.' })
  async clearCart(@Ctx() ctx: OrdersContext): Promise<CartPayload> {
    return cartPayload(ctx, await carts.clearCart(ctx));
  }

  @Authorized()
  @Mutation(() => UploadOrderLinesPayload, {
    description:
      'Adds the lines of a CSV or XLSX file to the cart. The first row names the columns sku and quantity (any case); up to 10,000 lines and 1 MB. Every row is reported (OK, UNKNOWN_SKU, NOT_AUTHORIZED, INVALID_QUANTITY, OUT_OF_STOCK with substitutes, DUPLICATE merged into the first row of its SKU); valid rows go to the cart, or none when allOrNothing is set and a row is not valid. A file that cannot be read changes nothing.',
  })
  async uploadOrderLines(
    @Arg('input', () => UploadOrderLinesInput, { description: 'The file and how to treat rows that cannot be ordered.' })
    input: UploadOrderLinesInput,
    @Ctx() ctx: OrdersContext,
  ): Promise<UploadOrderLinesPayload> {
    const result = await uploadOrderLines(ctx, input);
    return { rows: result.rows.map(toUploadedLineType), ...(await cartPayload(ctx, result.userErrors)) };
  }
}
