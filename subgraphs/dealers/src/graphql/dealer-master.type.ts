import { UserError } from '@dealergraph/runtime';
import { Field, InputType, ObjectType, registerEnumType } from 'type-graphql';

import { DealerType } from './dealer.type.js';
import { DealerTierEnum } from './enums.js';

export enum DealerKindEnum {
  DISTRIBUTOR = 'DISTRIBUTOR',
  WHOLESALER = 'WHOLESALER',
  RETAILER = 'RETAILER',
}
registerEnumType(DealerKindEnum, {
  name: 'DealerKind',
  description: 'What kind of business a dealer is.',
  valuesConfig: {
    DISTRIBUTOR: { description: 'A distributor reselling to others.' },
    WHOLESALER: { description: 'A wholesaler.' },
    RETAILER: { description: 'A retailer selling to end customers.' },
  },
});

export enum UpsertStatusEnum {
  CREATED = 'CREATED',
  UPDATED = 'UPDATED',
  UNCHANGED = 'UNCHANGED',
}
registerEnumType(UpsertStatusEnum, {
  name: 'UpsertStatus',
  description: 'What an idempotent upsert did.',
  valuesConfig: {
    CREATED: { description: 'No record had this key: it was created.' },
    UPDATED: { description: 'The record existed and at least one field changed.' },
    UNCHANGED: { description: 'The record already had these values: nothing was written.' },
  },
});

@InputType({ description: "A dealer's master data from the distributor's ERP; the code is the key. Every field is set as given." })
export class UpsertDealerInput {
  @Field({ description: 'The ERP customer number, e.g. "D0001": the key (1 to 40 letters, digits, ".", "-", "_").' })
  code!: string;

  @Field({ description: 'Company name.' })
  name!: string;

  @Field(() => DealerTierEnum, { description: 'Commercial tier: prices and assortments follow it at once.' })
  tier!: DealerTierEnum;

  @Field(() => DealerKindEnum, { nullable: true, description: 'DISTRIBUTOR, WHOLESALER or RETAILER.' })
  dealerType?: DealerKindEnum | null;

  @Field({ description: 'Sales region, e.g. NORTH.' })
  region!: string;

  @Field({ description: 'City of the main address.' })
  city!: string;

  @Field({ description: 'Contact email.' })
  email!: string;

  @Field(() => String, { nullable: true, description: 'Contact phone.' })
  phone?: string | null;

  @Field(() => String, { nullable: true, description: 'Contract type as the ERP names it (e.g. STANDARD, FRAME).' })
  contractType?: string | null;

  @Field(() => Boolean, { nullable: true, defaultValue: true, description: 'False for a dealer that may no longer order.' })
  active?: boolean | null;
}

@ObjectType({ description: 'The result of upsertDealer.' })
export class UpsertDealerPayload {
  @Field(() => DealerType, { nullable: true, description: 'The dealer as stored; null when the input was refused.' })
  dealer!: DealerType | null;

  @Field(() => UpsertStatusEnum, { nullable: true, description: 'What the upsert did; null when refused.' })
  status!: UpsertStatusEnum | null;

  @Field(() => [UserError], {
    description: 'Why the input was refused (INVALID_CODE, REQUIRED, INVALID_EMAIL, …), or SEGMENT_NOT_PUBLISHED.',
  })
  userErrors!: UserError[];
}
