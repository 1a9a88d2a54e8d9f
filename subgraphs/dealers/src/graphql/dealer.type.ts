import { ConnectionType, ENTITY_DESCRIPTIONS } from '@dealergraph/runtime';
import { Directive, Field, ID, ObjectType } from 'type-graphql';

import { DealerTierEnum } from './enums.js';

@Directive('@key(fields: "id")')
@ObjectType('Dealer', { description: ENTITY_DESCRIPTIONS.Dealer })
export class DealerType {
  @Field(() => ID, { description: ENTITY_DESCRIPTIONS.id })
  id!: string;

  @Field({ description: 'Customer number in the ERP, e.g. "D0001".' })
  code!: string;

  @Field({ description: 'Company name.' })
  name!: string;

  @Field(() => DealerTierEnum, { description: 'Commercial tier; selects the tier price list.' })
  tier!: DealerTierEnum;

  @Field({ description: 'Sales region.' })
  region!: string;

  @Field({ description: 'City of the main address.' })
  city!: string;

  @Field({ description: 'Contact email.' })
  email!: string;

  @Field({ description: 'Contact phone.' })
  phone!: string;
}

@ObjectType({ description: 'A page of dealers.' })
export class DealerConnection extends ConnectionType(DealerType, 'dealers') {}
