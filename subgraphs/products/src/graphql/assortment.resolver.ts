import { canSeeDealer, isStaff, normalizeId, requireClaims, type UserError } from '@dealergraph/runtime';
import { Arg, Authorized, Ctx, Directive, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';

import type { ProductsContext } from '../context.js';
import * as assortment from '../services/assortment.service.js';
import {
  AssortmentCheckType,
  AssortmentGrantInput,
  AssortmentGrantPayload,
  AssortmentStatusEnum,
  ProductRestrictionEnum,
  SetDealerCategoryLimitsPayload,
  SetProductRestrictionPayload,
} from './assortment.type.js';
import { toProductType } from './mappers.js';
import { ProductType } from './product.type.js';

// Who manages assortments (SALES_DIRECTOR, GENERAL_MANAGER, ADMIN): the authorization matrix in @dealergraph/runtime.

const unknownSkus = (skus: string[]): UserError[] =>
  skus.length ? [{ code: 'UNKNOWN_SKU', message: `No product has the sku ${skus.join(', ')}.`, field: ['input', 'skus'] }] : [];

@Resolver(() => ProductType)
export class AssortmentResolver {
  @FieldResolver(() => ProductRestrictionEnum, {
    nullable: true,
    description: 'Null for a product every dealer may buy; otherwise why it is sold only to some.',
  })
  async restriction(@Root() product: ProductType, @Ctx() ctx: ProductsContext): Promise<ProductRestrictionEnum | null> {
    const row = await ctx.loaders.productById.load(product.id);
    return (row?.restriction as ProductRestrictionEnum | null) ?? null;
  }

  // Not in the public API (@inaccessible): for the orders subgraph (cart, quick order, placeOrder)
  // over a signed internal call. A dealer user's claims may ask about its own dealer only.
  @Directive('@inaccessible')
  @Query(() => [AssortmentCheckType], {
    description: 'Internal: whether a dealer may buy each sku (NOT_AUTHORIZED outside its assortment).',
  })
  async assortmentCheck(
    @Arg('dealerId', () => ID, { description: 'The dealer.' }) dealerId: string,
    @Arg('skus', () => [String], { description: 'The skus to check, at most 1000.' }) skus: string[],
    @Ctx() ctx: ProductsContext,
  ): Promise<AssortmentCheckType[]> {
    const id = normalizeId(dealerId);
    if (ctx.claims && !isStaff(ctx.claims) && (!id || !canSeeDealer(ctx.claims, id))) {
      return skus.map((sku) => ({ sku, status: AssortmentStatusEnum.NOT_AUTHORIZED, productId: null }));
    }
    const rows = await assortment.checkAssortment(ctx, dealerId, skus.slice(0, 1000));
    return rows.map((r) => ({ ...r, status: r.status as AssortmentStatusEnum }));
  }

  @Authorized()
  @Mutation(() => SetProductRestrictionPayload, {
    description: 'Staff: restrict a product to granted dealers and segments, or (restriction null) open it to all.',
  })
  async setProductRestriction(
    @Arg('sku', { description: 'The product.' }) sku: string,
    @Arg('restriction', () => ProductRestrictionEnum, {
      nullable: true,
      description: 'The restriction; null opens the product to every dealer.',
    })
    restriction: ProductRestrictionEnum | null,
    @Ctx() ctx: ProductsContext,
  ): Promise<SetProductRestrictionPayload> {
    const product = await assortment.setRestriction(ctx, sku, restriction ?? null);
    return product ? { product: toProductType(product), userErrors: [] } : { product: null, userErrors: unknownSkus([sku]) };
  }

  @Authorized()
  @Mutation(() => AssortmentGrantPayload, { description: 'Staff: grant restricted products to a dealer or a segment. Idempotent.' })
  async grantProductAccess(
    @Arg('input', () => AssortmentGrantInput, { description: 'What to whom.' }) input: AssortmentGrantInput,
    @Ctx() ctx: ProductsContext,
  ): Promise<AssortmentGrantPayload> {
    requireClaims(ctx.claims);
    const { count, unknown, target } = await assortment.grantAccess(ctx, input);
    return { changed: count, userErrors: target ? [target] : unknownSkus(unknown) };
  }

  @Authorized()
  @Mutation(() => AssortmentGrantPayload, { description: 'Staff: withdraw grants of restricted products.' })
  async revokeProductAccess(
    @Arg('input', () => AssortmentGrantInput, { description: 'What from whom.' }) input: AssortmentGrantInput,
    @Ctx() ctx: ProductsContext,
  ): Promise<AssortmentGrantPayload> {
    const { count, unknown } = await assortment.revokeAccess(ctx, input);
    return { changed: count, userErrors: unknownSkus(unknown) };
  }

  @Authorized()
  @Mutation(() => SetDealerCategoryLimitsPayload, {
    description: "Staff: limit a dealer's assortment to these categories (and below); an empty list gives back the whole catalog.",
  })
  async setDealerCategoryLimits(
    @Arg('dealerId', () => ID, { description: 'The dealer.' }) dealerId: string,
    @Arg('categoryIds', () => [ID], { description: 'The allowed categories.' }) categoryIds: string[],
    @Ctx() ctx: ProductsContext,
  ): Promise<SetDealerCategoryLimitsPayload> {
    const id = normalizeId(dealerId);
    // Limits for an id that names no dealer (a staff user, a typo) would be stored and limit nobody.
    if (!id || !(await assortment.dealerKnown(ctx, id)))
      return { categoryIds: [], userErrors: [{ code: 'UNKNOWN_DEALER', message: 'No dealer has this id.', field: ['dealerId'] }] };
    const result = await assortment.setCategoryLimits(ctx, id, categoryIds);
    if (!result.ok)
      return {
        categoryIds: [],
        userErrors: [{ code: 'UNKNOWN_CATEGORY', message: `Unknown categories: ${result.unknown.join(', ')}.`, field: ['categoryIds'] }],
      };
    return { categoryIds: [...new Set(categoryIds)], userErrors: [] };
  }
}
