import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The dealer, owned by the dealers subgraph; this subgraph knows its id only. */
@Directive('@key(fields: "id")')
@ObjectType('Dealer', { description: "A dealer: the distributor's customer." })
export class DealerRef {
  @Field(() => ID, { description: 'Stable identifier.' })
  id!: string;
}

/** The product, owned by the products subgraph; this subgraph knows its id only. */
@Directive('@key(fields: "id")')
@ObjectType('Product', { description: 'A product of the catalog.' })
export class ProductRef {
  @Field(() => ID, { description: 'Stable identifier.' })
  id!: string;
}
