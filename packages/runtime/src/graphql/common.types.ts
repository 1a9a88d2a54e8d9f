import { ArgsType, type ClassType, Directive, Field, Int, ObjectType } from 'type-graphql';

/** The API's money: an exact decimal string, never a float. */
@Directive('@shareable')
@ObjectType({ description: 'An amount of money: an exact decimal string with two fraction digits and an ISO 4217 currency.' })
export class Money {
  @Field({ description: 'Exact decimal amount with two fraction digits, e.g. "1234.50".' })
  amount!: string;

  @Field({ description: 'ISO 4217 currency code, e.g. "USD".' })
  currency!: string;
}

@Directive('@shareable')
@ObjectType({ description: 'Where a page of a connection ends and whether more follows.' })
export class PageInfo {
  @Field({ description: 'True when another page follows this one.' })
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Pass as "after" to get the next page; null for an empty page.' })
  endCursor!: string | null;
}

@Directive('@shareable')
@ObjectType({ description: 'A business rule that said no, or input that cannot be used: expected outcomes, not errors.' })
export class UserError {
  @Field({ description: 'Stable machine-readable code, e.g. INVALID_CREDENTIALS or CREDIT_LIMIT_EXCEEDED.' })
  code!: string;

  @Field({ description: 'What went wrong and what to do next, for people.' })
  message!: string;

  @Field(() => [String], { nullable: true, description: 'Path to the input field at fault, when one is.' })
  field?: string[] | null;
}

/**
 * Builds the abstract base of a connection type (`nodes`, `pageInfo`, `totalCount`); subclass it with
 * `@ObjectType({ description })` to name it.
 */
export function ConnectionType<T extends object>(node: ClassType<T>, nodeLabel: string) {
  @ObjectType()
  abstract class Connection {
    @Field(() => [node], { description: `The ${nodeLabel} on this page.` })
    nodes!: T[];

    @Field(() => PageInfo, { description: 'Where this page ends and whether more follows.' })
    pageInfo!: PageInfo;

    @Field(() => Int, { description: `How many ${nodeLabel} match, over all pages.` })
    totalCount!: number;
  }
  return Connection;
}

/** `first` and `after` of every connection field; subclass it to add a filter. */
@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: 'Page size, 0-100 (default 20).' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Cursor to continue after: pageInfo.endCursor of the previous page.' })
  after?: string | null;
}
