import { UserError } from '@dealergraph/runtime';
import { Field, ID, InputType, ObjectType } from 'type-graphql';

@ObjectType('DealerSecurityPolicy', {
  description: "A dealer's security settings: two-factor sign-in for all its users, and the addresses they may come from.",
})
export class DealerSecurityPolicyType {
  @Field({ description: 'Every user of the dealer must sign in with two-factor; those not enrolled get a session that may only enrol.' })
  mfaRequired!: boolean;

  @Field(() => [String], { description: 'CIDR ranges (IPv4, IPv6) its users may sign in and work from; empty: any address.' })
  ipAllowList!: string[];
}

@InputType({ description: "Changes a dealer's security settings; fields left out stay as they are." })
export class UpdateDealerSecurityPolicyInput {
  @Field(() => ID, { description: 'The dealer (a DEALER_ADMIN: its own).' })
  dealerId!: string;

  @Field(() => Boolean, { nullable: true, description: 'Require two-factor sign-in for all its users.' })
  mfaRequired?: boolean | null;

  @Field(() => [String], {
    nullable: true,
    description: 'The new allow-list: IPv4 or IPv6 addresses or CIDR ranges; an empty list allows any address.',
  })
  ipAllowList?: string[] | null;

  @Field(() => Boolean, {
    nullable: true,
    defaultValue: false,
    description: 'Apply a list that leaves out your own current address (you will be shut out).',
  })
  confirmOwnAddressExcluded?: boolean | null;
}

@ObjectType({ description: "The result of changing a dealer's security settings." })
export class UpdateDealerSecurityPolicyPayload {
  @Field(() => DealerSecurityPolicyType, { nullable: true, description: 'The settings now in force; null when nothing changed.' })
  policy!: DealerSecurityPolicyType | null;

  @Field(() => [UserError], { description: 'FORBIDDEN, NOT_FOUND, INVALID_CIDR (field names the entry) or OWN_ADDRESS_EXCLUDED.' })
  userErrors!: UserError[];
}
