import { UserError } from '@dealergraph/runtime';
import { Field, ID, InputType, ObjectType } from 'type-graphql';

import { UpsertStatusEnum } from './dealer-master.type.js';

@ObjectType('DealerAddress', { description: "A dealer's billing or ship-to address, from the ERP." })
export class DealerAddressType {
  @Field(() => ID, { description: 'Stable identifier.' })
  id!: string;

  @Field({ description: "The ERP's address number, unique within the dealer." })
  code!: string;

  @Field({ description: 'BILLING or SHIP_TO.' })
  kind!: string;

  @Field({ description: 'The name on the address (company, department).' })
  name!: string;

  @Field({ description: 'Street and number.' })
  street!: string;

  @Field({ description: 'Postal code.' })
  postalCode!: string;

  @Field({ description: 'City.' })
  city!: string;

  @Field(() => String, { nullable: true, description: 'State or region; null when none.' })
  region!: string | null;

  @Field({ description: 'Country, ISO 3166-1 alpha-2 (e.g. "US").' })
  country!: string;

  @Field({ description: "True for the dealer's default address of its kind." })
  isDefault!: boolean;

  @Field({ description: 'False for an address no longer in use.' })
  active!: boolean;
}

@ObjectType('DealerContact', { description: 'A person at a dealer, from the ERP (not a portal user: those are invited).' })
export class DealerContactType {
  @Field(() => ID, { description: 'Stable identifier.' })
  id!: string;

  @Field({ description: 'Email, unique within the dealer.' })
  email!: string;

  @Field({ description: 'Full name.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'What they do for the dealer, e.g. "Purchasing".' })
  role!: string | null;

  @Field(() => String, { nullable: true, description: 'Phone.' })
  phone!: string | null;

  @Field({ description: 'False for a contact who left.' })
  active!: boolean;
}

@InputType({ description: "A dealer's address from the ERP; the key is the dealer code and the address code." })
export class UpsertDealerAddressInput {
  @Field({ description: 'The dealer, by code (any case).' })
  dealerCode!: string;

  @Field({ description: 'The ERP\'s address number (1 to 40 letters, digits, ".", "-", "_", "/").' })
  code!: string;

  @Field({ description: 'BILLING or SHIP_TO.' })
  kind!: string;

  @Field({ description: 'The name on the address.' })
  name!: string;

  @Field({ description: 'Street and number.' })
  street!: string;

  @Field({ description: 'Postal code.' })
  postalCode!: string;

  @Field({ description: 'City.' })
  city!: string;

  @Field(() => String, { nullable: true, description: 'State or region.' })
  region?: string | null;

  @Field({ description: 'ISO 3166-1 alpha-2, e.g. "US".' })
  country!: string;

  @Field(() => Boolean, {
    nullable: true,
    defaultValue: false,
    description: "The dealer's default of its kind (the previous default loses the flag).",
  })
  isDefault?: boolean | null;

  @Field(() => Boolean, { nullable: true, defaultValue: true, description: 'False takes the address out of use.' })
  active?: boolean | null;
}

@InputType({ description: "A dealer's contact from the ERP; the key is the dealer code and the email." })
export class UpsertDealerContactInput {
  @Field({ description: 'The dealer, by code (any case).' })
  dealerCode!: string;

  @Field({ description: 'Email (any case; stored in lower case).' })
  email!: string;

  @Field({ description: 'Full name.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'What they do, e.g. "Purchasing".' })
  role?: string | null;

  @Field(() => String, { nullable: true, description: 'Phone.' })
  phone?: string | null;

  @Field(() => Boolean, { nullable: true, defaultValue: true, description: 'False for a contact who left.' })
  active?: boolean | null;
}

@ObjectType({ description: 'The result of upsertDealerAddress.' })
export class UpsertDealerAddressPayload {
  @Field(() => DealerAddressType, { nullable: true, description: 'The address as stored; null when refused.' })
  address!: DealerAddressType | null;

  @Field(() => UpsertStatusEnum, { nullable: true, description: 'What was done; null when refused.' })
  status!: UpsertStatusEnum | null;

  @Field(() => [UserError], {
    description: 'Why it was refused: REQUIRED, TOO_LONG, UNKNOWN_DEALER, INVALID_CODE, INVALID_KIND, INVALID_COUNTRY.',
  })
  userErrors!: UserError[];
}

@ObjectType({ description: 'The result of upsertDealerContact.' })
export class UpsertDealerContactPayload {
  @Field(() => DealerContactType, { nullable: true, description: 'The contact as stored; null when refused.' })
  contact!: DealerContactType | null;

  @Field(() => UpsertStatusEnum, { nullable: true, description: 'What was done; null when refused.' })
  status!: UpsertStatusEnum | null;

  @Field(() => [UserError], { description: 'Why it was refused: REQUIRED, TOO_LONG, UNKNOWN_DEALER, INVALID_EMAIL.' })
  userErrors!: UserError[];
}
