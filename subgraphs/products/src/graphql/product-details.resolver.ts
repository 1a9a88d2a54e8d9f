import { PageArgs, pageWindow, toPage } from '@dealergraph/runtime';
import { Arg, Args, ArgsType, Authorized, Ctx, Field, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import type { ProductsContext } from '../context.js';
import { newProducts, substitutesOf } from '../services/product-details.service.js';
import { toProductType } from './mappers.js';
import { ProductConnection, ProductType } from './product.type.js';

@ArgsType()
class NewProductsArgs extends PageArgs {
  @Field(() => Date, { description: 'Products added at or after this instant.' })
  since!: Date;
}

@Resolver(() => ProductType)
export class ProductDetailsResolver {
  @Authorized()
  @Query(() => ProductConnection, { description: "What's new: products added since an instant, newest first, within the caller's assortment." })
  async newProducts(@Args(() => NewProductsArgs) args: NewProductsArgs, @Ctx() ctx: ProductsContext): Promise<ProductConnection> {
    const window = pageWindow(args);
    const [rows, total] = await newProducts(ctx, args.since, window);
    return toPage(rows.map(toProductType), total, window);
  }

  @FieldResolver(() => [ProductType], {
    description: "Alternatives (same category, another brand) in the caller's assortment, those in stock first; offer them when this product is out of stock. Each has its own stock and price.",
  })
  async substitutes(
    @Root() product: ProductType,
    @Arg('first', () => Int, { defaultValue: 5, description: 'How many, 1-20.' }) first: number,
    @Ctx() ctx: ProductsContext,
  ): Promise<ProductType[]> {
    return (await substitutesOf(ctx, product.id, Math.min(Math.max(first, 1), 20))).map(toProductType);
  }
}
