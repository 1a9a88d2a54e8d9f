import { ENTITY_DESCRIPTIONS } from '@dealergraph/runtime';
import { Directive, Field, ID, ObjectType } from 'type-graphql';

// Descriptions are the owners' own words: different ones would be composition hints.

/** The dealer, owned by the dealers subgraph; this subgraph knows its id only. */
@Directive('@key(fields: "id")')
@ObjectType('Dealer', { description: ENTITY_DESCRIPTIONS.Dealer })
export class DealerRef {
  @Field(() => ID, { description: ENTITY_DESCRIPTIONS.id })
  id!: string;
}

/** The product, owned by the products subgraph; this subgraph knows its id only. */
@Directive('@key(fields: "id")')
@ObjectType('Product', { description: ENTITY_DESCRIPTIONS.Product })
export class ProductRef {
  @Field(() => ID, { description: ENTITY_DESCRIPTIONS.id })
  id!: string;
}
