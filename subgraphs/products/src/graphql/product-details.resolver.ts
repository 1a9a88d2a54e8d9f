import { intInRange, PageArgs, pageWindow, toPage } from '@dealergraph/runtime';
import { Arg, Args, ArgsType, Authorized, Ctx, Field, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';

import type { ProductsContext } from '../context.js';
import { linksOf, newProducts, specificationsOf, substitutesOf } from '../services/product-details.service.js';
import { toProductType } from './mappers.js';
import { ProductConnection, ProductType } from './product.type.js';
import { ProductLinkKindEnum, ProductLinkType, ProductSpecificationType, SpecificationTypeEnum } from './product-details.type.js';

@ArgsType()
class NewProductsArgs extends PageArgs {
  @Field(() => Date, { description: 'Products added at or after this instant.' })
  since!: Date;
}

@Resolver(() => ProductType)
export class ProductDetailsResolver {
  @Authorized()
  @Query(() => ProductConnection, {
    description: "What's new: products added since an instant, newest first, within the caller's assortment.",
  })
  async newProducts(@Args(() => NewProductsArgs) args: NewProductsArgs, @Ctx() ctx: ProductsContext): Promise<ProductConnection> {
    const window = pageWindow(args);
    const [rows, total] = await newProducts(ctx, args.since, window);
    return toPage(rows.map(toProductType), total, window);
  }

  @FieldResolver(() => [ProductSpecificationType], {
    description: 'Technical specifications (typed key/value), in display order; filter on them with ProductFilter.specifications.',
  })
  async specifications(@Root() product: ProductType, @Ctx() ctx: ProductsContext): Promise<ProductSpecificationType[]> {
    return (await specificationsOf(ctx, product.id)).map((s) => ({
      name: s.name,
      type: s.type as SpecificationTypeEnum,
      value: s.value,
      numberValue: s.numberValue === null ? null : Number(s.numberValue),
      booleanValue: s.type === 'BOOLEAN' ? s.value === 'true' : null,
      unit: s.unit,
    }));
  }

  @FieldResolver(() => [ProductLinkType], { description: 'Pictures of the product, the main one first.' })
  async images(@Root() product: ProductType, @Ctx() ctx: ProductsContext): Promise<ProductLinkType[]> {
    return (await linksOf(ctx, product.id, 'IMAGES')).map((l) => ({ kind: l.kind as ProductLinkKindEnum, url: l.url, title: l.title }));
  }

  @FieldResolver(() => [ProductLinkType], { description: 'Documents: data sheets, manuals, certificates, CAD files; by kind.' })
  async documents(@Root() product: ProductType, @Ctx() ctx: ProductsContext): Promise<ProductLinkType[]> {
    return (await linksOf(ctx, product.id, 'DOCUMENTS')).map((l) => ({ kind: l.kind as ProductLinkKindEnum, url: l.url, title: l.title }));
  }

  @FieldResolver(() => [ProductType], {
    description:
      "Alternatives in the caller's assortment: the substitutes the distributor named (upsertProduct), then the same category and another brand, those in stock first; offer them when this product is out of stock. Each has its own stock and price.",
  })
  async substitutes(
    @Root() product: ProductType,
    @Arg('first', () => Int, { defaultValue: 5, description: 'How many, 1-20.' }) first: number,
    @Ctx() ctx: ProductsContext,
  ): Promise<ProductType[]> {
    return (await substitutesOf(ctx, product.id, intInRange({ value: first, min: 1, max: 20, name: 'first' }))).map(toProductType);
  }
}
