import { selectsField } from '@dealergraph/runtime';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Authorized, Ctx, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';

import type { ProductsContext } from '../context.js';
import * as catalog from '../services/catalog.service.js';
import * as products from '../services/product.service.js';
import * as stock from '../services/stock.service.js';
import { CategoryType } from './catalog.type.js';
import { toCategoryType, toProductType, toStockType } from './mappers.js';
import { ProductConnection, ProductsArgs, ProductType } from './product.type.js';
import { StockType } from './stock.type.js';

/** Thrown when a row another row points at is missing: a broken foreign key, never expected. */
function missing(what: string, id: string): Error {
  return new Error(`${what} ${id} is missing`);
}

@Resolver(() => ProductType)
export class ProductResolver {
  @Authorized()
  @Query(() => ProductConnection, {
    description: "The caller's catalog (a dealer's own assortment; staff: all), narrowed by a filter and sorted.",
  })
  async products(@Args(() => ProductsArgs) args: ProductsArgs, @Ctx() ctx: ProductsContext, @Info() info: GraphQLResolveInfo) {
    const page = await products.listProducts(ctx, args.filter ?? {}, args, args.sort, { count: selectsField(info, 'totalCount') });
    return { ...page, nodes: page.nodes.map(toProductType) };
  }

  @Authorized()
  @Query(() => ProductType, { nullable: true, description: 'An active product by its exact sku; null when there is none.' })
  async product(@Arg('sku', () => String, { description: 'The sku, e.g. "BRG-004211".' }) sku: string, @Ctx() ctx: ProductsContext) {
    const product = await products.findProductBySku(ctx, sku);
    return product ? toProductType(product) : null;
  }

  @FieldResolver(() => String, { description: 'Brand name.' })
  async brand(@Root() product: ProductType, @Ctx() ctx: ProductsContext): Promise<string> {
    const brand = await catalog.findBrand(ctx, product.brandId);
    if (!brand) throw missing('brand', product.brandId);
    return brand.name;
  }

  @FieldResolver(() => CategoryType, { description: 'The category the product is filed under (normally a leaf of the tree).' })
  async category(@Root() product: ProductType, @Ctx() ctx: ProductsContext): Promise<CategoryType> {
    const category = await catalog.findCategory(ctx, product.categoryId);
    if (!category) throw missing('category', product.categoryId);
    return toCategoryType(category);
  }

  @FieldResolver(() => StockType, { description: 'Stock over all warehouses and per warehouse, with what is on the way.' })
  async stock(@Root() product: ProductType, @Ctx() ctx: ProductsContext): Promise<StockType> {
    return toStockType(product.id, await stock.stockOf(ctx, product.id));
  }
}
