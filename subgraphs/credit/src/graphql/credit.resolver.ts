import { PageArgs, pageWindow, toPage } from '@dealergraph/runtime';
import { Arg, Args, ArgsType, Authorized, Ctx, Field, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';

import type { CreditContext } from '../context.js';
import * as credit from '../services/credit.service.js';
import {
  CreditAccountType,
  CreditAgeingType,
  DealerStub,
  InvoiceConnection,
  InvoiceFilterInput,
  PaymentConnection,
} from './credit.type.js';
import { toAgeingType, toCreditAccountType, toInvoiceType, toPaymentType } from './mappers.js';

@ArgsType()
class InvoicesArgs extends PageArgs {
  @Field(() => InvoiceFilterInput, { nullable: true, description: 'Narrows the list.' })
  filter?: InvoiceFilterInput | null;
}

@Resolver(() => CreditAccountType)
export class CreditAccountResolver {
  @Authorized()
  @Query(() => CreditAccountType, {
    nullable: true,
    description:
      "A dealer's credit account. Dealer users get their own dealer's account (omit dealerId; another dealer's id reads as null); staff must pass dealerId.",
  })
  async creditAccount(
    @Arg('dealerId', () => ID, { nullable: true, description: 'The dealer; required for staff, optional for dealer users.' })
    dealerId: string | null,
    @Ctx() ctx: CreditContext,
  ): Promise<CreditAccountType | null> {
    const position = await credit.creditAccountFor(ctx, dealerId);
    return position ? toCreditAccountType(position) : null;
  }

  // The fields below hang off an account the caller was already allowed to read.

  @FieldResolver(() => CreditAgeingType, { description: 'The open balance by days past due.' })
  async ageing(@Root() account: CreditAccountType, @Ctx() ctx: CreditContext): Promise<CreditAgeingType> {
    return toAgeingType(await credit.ageingOf(ctx, account.dealerId), account.currency);
  }

  @FieldResolver(() => InvoiceConnection, { description: "The dealer's invoices, newest first." })
  async invoices(@Root() account: CreditAccountType, @Args() args: InvoicesArgs, @Ctx() ctx: CreditContext): Promise<InvoiceConnection> {
    const window = pageWindow(args);
    const f = args.filter;
    const filter = {
      status: f?.status ?? null,
      issuedFrom: f?.issuedFrom ?? null,
      issuedBefore: f?.issuedBefore ?? null,
      dueFrom: f?.dueFrom ?? null,
      dueBefore: f?.dueBefore ?? null,
      numberPrefix: f?.numberPrefix ?? null,
    };
    const [rows, total] = await credit.listInvoices(ctx, account.dealerId, filter, window);
    const now = ctx.now();
    return toPage(
      rows.map((invoice) => toInvoiceType(invoice, now)),
      total,
      window,
    );
  }

  @FieldResolver(() => PaymentConnection, { description: "The dealer's payments, newest first." })
  async payments(@Root() account: CreditAccountType, @Args() args: PageArgs, @Ctx() ctx: CreditContext): Promise<PaymentConnection> {
    const window = pageWindow(args);
    const [rows, total] = await credit.listPayments(ctx, account.dealerId, window);
    return toPage(rows.map(toPaymentType), total, window);
  }
}

@Resolver(() => DealerStub)
export class DealerCreditResolver {
  @FieldResolver(() => CreditAccountType, {
    nullable: true,
    description: "The dealer's credit account; null when the caller may not see this dealer or it has no account.",
  })
  async credit(@Root() dealer: DealerStub, @Ctx() ctx: CreditContext): Promise<CreditAccountType | null> {
    const position = await credit.findCreditPosition(ctx, dealer.id);
    return position ? toCreditAccountType(position) : null;
  }
}
