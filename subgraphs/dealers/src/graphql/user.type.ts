import { ConnectionType } from '@dealergraph/runtime';
import { Field, ID, Int, ObjectType } from 'type-graphql';

import { DealerType } from './dealer.type.js';
import { RoleEnum } from './enums.js';

@ObjectType('User', { description: 'A person who signs in.' })
export class UserType {
  @Field(() => ID, { description: 'Stable identifier.' })
  id!: string;

  @Field({ description: 'Sign-in email, lower-case.' })
  email!: string;

  @Field({ description: 'Full name.' })
  fullName!: string;

  @Field(() => RoleEnum, { description: 'What the user may do.' })
  role!: RoleEnum;

  @Field(() => Int, { description: 'Approval level 1-5 for staff who approve orders; 0 otherwise.' })
  approvalLevel!: number;

  @Field(() => DealerType, { nullable: true, description: 'The dealer the user acts for; null for staff.' })
  dealer!: DealerType | null;

  @Field({ description: 'False once an administrator disabled the account: it cannot sign in.' })
  active!: boolean;
}

@ObjectType({ description: 'A page of users.' })
export class UserConnection extends ConnectionType(UserType, 'users') {}
