import { UserError } from '@dealergraph/runtime';
import { Field, ID, InputType, ObjectType } from 'type-graphql';

@InputType('SpendingLimitInput', {
  description:
    "An ORDER_ENTRY user's spending limits; what is left out (or null) has no limit. An order above one waits for the dealer's own DEALER_ADMIN first.",
})
export class SpendingLimitInput {
  @Field(() => ID, { description: 'The ORDER_ENTRY user.' })
  userId!: string;

  @Field(() => String, { nullable: true, description: 'The most one order may total without approval, e.g. "2500.00"; null: no limit.' })
  perOrderLimit?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The most the user\'s orders may total in a calendar month (UTC) without approval, e.g. "20000.00"; null: no limit.',
  })
  monthlyLimit?: string | null;
}

@ObjectType('SpendingLimit', { description: "An ORDER_ENTRY user's spending limits, set by the dealer's DEALER_ADMIN." })
export class SpendingLimitType {
  @Field(() => ID, { description: 'The user.' })
  userId!: string;

  @Field(() => ID, { description: "The user's dealer." })
  dealerId!: string;

  @Field(() => String, { nullable: true, description: 'The per-order limit; null: none.' })
  perOrderLimit!: string | null;

  @Field(() => String, { nullable: true, description: 'The monthly limit (calendar month, UTC); null: none.' })
  monthlyLimit!: string | null;

  @Field({ description: 'When it was last set.' })
  updatedAt!: Date;
}

@ObjectType('SpendingLimitPayload', { description: 'The spending limits as set, or why not.' })
export class SpendingLimitPayload {
  @Field(() => SpendingLimitType, { nullable: true, description: 'The limits; null when userErrors say why not.' })
  spendingLimit!: SpendingLimitType | null;

  @Field(() => [UserError], {
    description: 'FORBIDDEN, NOT_FOUND (no such user of your dealer), INVALID_TARGET (not ORDER_ENTRY) or INVALID_AMOUNT.',
  })
  userErrors!: UserError[];
}
