import { requireClaims, type UserError } from '@dealergraph/runtime';
import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';

import type { ProductsContext } from '../context.js';
import { Category } from '../entities/category.entity.js';
import { Warehouse } from '../entities/warehouse.entity.js';
import { upsertCategories, upsertWarehouses } from '../services/catalog-master.service.js';
import { findProductById } from '../services/product.service.js';
import { deactivateProduct, upsertProducts } from '../services/product-master.service.js';
import { upsertInTransit } from '../services/stock-master.service.js';
import { toCategoryType, toProductType, toWarehouseType } from './mappers.js';
import {
  ProductMasterPayload,
  type ProductUpsertStatusEnum,
  UpsertCategoryInput,
  UpsertCategoryPayload,
  UpsertInTransitInput,
  UpsertInTransitPayload,
  UpsertProductInput,
  UpsertWarehouseInput,
  UpsertWarehousePayload,
} from './product-master.type.js';

const actorOf = (ctx: ProductsContext) => {
  const claims = requireClaims(ctx.claims);
  return { actor: { id: claims.sub, name: claims.email ?? null }, dryRun: false, allOrNothing: true };
};

/** The one row of a single upsert as user errors (the field under `input`). */
const errorsOf = (row: { status: string; code?: string; message?: string; field?: string | null }): UserError[] =>
  row.status === 'FAILED' ? [{ code: row.code!, message: row.message!, field: row.field ? ['input', row.field] : ['input'] }] : [];

// Who may: the authorization matrix's rows (ADMIN, or an API client with ERP_IMPORT).
@Resolver()
export class ProductMasterResolver {
  @Authorized()
  @Mutation(() => ProductMasterPayload, {
    description: 'ADMIN or an ERP_IMPORT client: creates or updates a product by SKU (idempotent); the change is audited.',
  })
  async upsertProduct(
    @Arg('input', () => UpsertProductInput, { description: "The product's master data." }) input: UpsertProductInput,
    @Ctx() ctx: ProductsContext,
  ): Promise<ProductMasterPayload> {
    const result = await upsertProducts(ctx, [{ ...input }], actorOf(ctx));
    const row = result.rows[0]!;
    if (row.status === 'FAILED') return { product: null, status: null, userErrors: errorsOf(row) };
    const product = await findProductById(ctx, result.productIds[0]!);
    return { product: product ? toProductType(product) : null, status: row.status as ProductUpsertStatusEnum, userErrors: [] };
  }

  @Authorized()
  @Mutation(() => ProductMasterPayload, {
    description: 'ADMIN or an ERP_IMPORT client: takes a product out of the catalog (it still resolves for old orders); audited.',
  })
  async deactivateProduct(
    @Arg('sku', { description: 'The SKU (any case).' }) sku: string,
    @Ctx() ctx: ProductsContext,
  ): Promise<ProductMasterPayload> {
    const done = sku.trim() ? await deactivateProduct(ctx, sku, actorOf(ctx)) : null;
    if (!done)
      return {
        product: null,
        status: null,
        userErrors: [{ code: 'UNKNOWN_SKU', message: `No product has the SKU ${sku.slice(0, 60)}.`, field: ['sku'] }],
      };
    const product = await findProductById(ctx, done.productId);
    return { product: product ? toProductType(product) : null, status: done.status as ProductUpsertStatusEnum, userErrors: [] };
  }

  @Authorized()
  @Mutation(() => UpsertInTransitPayload, {
    description: 'ADMIN or an ERP_IMPORT client: creates, updates or removes an inbound shipment by its reference (idempotent); audited.',
  })
  async upsertInTransit(
    @Arg('input', () => UpsertInTransitInput, { description: 'The shipment.' }) input: UpsertInTransitInput,
    @Ctx() ctx: ProductsContext,
  ): Promise<UpsertInTransitPayload> {
    const { warehouseCode, ...rest } = input;
    const result = await upsertInTransit(ctx, [{ ...rest, warehouse: warehouseCode }], actorOf(ctx));
    const row = result.rows[0]!;
    if (row.status === 'FAILED')
      return { status: null, userErrors: errorsOf({ ...row, field: row.field === 'warehouse' ? 'warehouseCode' : row.field }) };
    return { status: row.status as ProductUpsertStatusEnum, userErrors: [] };
  }

  @Authorized()
  @Mutation(() => UpsertCategoryPayload, {
    description: 'ADMIN or an ERP_IMPORT client: creates or updates a category of the catalog tree by slug (idempotent); audited.',
  })
  async upsertCategory(
    @Arg('input', () => UpsertCategoryInput, { description: 'The category.' }) input: UpsertCategoryInput,
    @Ctx() ctx: ProductsContext,
  ): Promise<UpsertCategoryPayload> {
    // parentSlug left out keeps the stored parent; null or empty makes a root.
    const row = { slug: input.slug, name: input.name, ...(input.parentSlug === undefined ? {} : { parent: input.parentSlug ?? '' }) };
    const result = await upsertCategories(ctx, [row], actorOf(ctx));
    const answer = result.rows[0]!;
    if (answer.status === 'FAILED')
      return {
        category: null,
        status: null,
        userErrors: errorsOf({ ...answer, field: answer.field === 'parent' ? 'parentSlug' : answer.field }),
      };
    const category = await ctx.em.fork().findOne(Category, { id: result.ids[0]! });
    return { category: category ? toCategoryType(category) : null, status: answer.status as ProductUpsertStatusEnum, userErrors: [] };
  }

  @Authorized()
  @Mutation(() => UpsertWarehousePayload, {
    description: 'ADMIN or an ERP_IMPORT client: creates or updates a warehouse by code (idempotent); audited.',
  })
  async upsertWarehouse(
    @Arg('input', () => UpsertWarehouseInput, { description: 'The warehouse.' }) input: UpsertWarehouseInput,
    @Ctx() ctx: ProductsContext,
  ): Promise<UpsertWarehousePayload> {
    const result = await upsertWarehouses(ctx, [{ ...input }], actorOf(ctx));
    const answer = result.rows[0]!;
    if (answer.status === 'FAILED') return { warehouse: null, status: null, userErrors: errorsOf(answer) };
    const warehouse = await ctx.em.fork().findOne(Warehouse, { id: result.ids[0]! });
    return { warehouse: warehouse ? toWarehouseType(warehouse) : null, status: answer.status as ProductUpsertStatusEnum, userErrors: [] };
  }
}
