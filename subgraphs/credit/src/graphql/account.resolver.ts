import { PageArgs, pageWindow, requireClaims, toPage } from '@dealergraph/runtime';
import { Arg, Args, ArgsType, Authorized, Ctx, Field, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';

import type { CreditContext } from '../context.js';
import { dueCalendarOf, summaryOf } from '../services/account.service.js';
import * as credit from '../services/credit.service.js';
import * as admin from '../services/credit-admin.service.js';
import { statementOf } from '../services/statement.service.js';
import { AccountSummaryType, CreditAccountConnection, CreditLimitChangeType, DueCalendarType, StatementType } from './account.type.js';
import { CalendarGranularityEnum, CreditRiskSortEnum } from './account-enums.js';
import { toDueCalendarType, toLimitChangeType, toStatementType, toSummaryType } from './account-mappers.js';
import { CreditAccountType, DealerStub } from './credit.type.js';
import { SetCreditLimitInput, SetCreditLimitPayload } from './ledger.type.js';
import { toCreditAccountType } from './mappers.js';

@ArgsType()
class RiskViewArgs extends PageArgs {
  @Field(() => CreditRiskSortEnum, { defaultValue: CreditRiskSortEnum.UTILISATION, description: 'Riskiest first by this measure.' })
  sortBy!: CreditRiskSortEnum;
}

// Who reads the risk view and sets limits (FINANCE, GENERAL_MANAGER): the authorization matrix in @dealergraph/runtime.

@Resolver(() => CreditAccountType)
export class AccountResolver {
  // The fields below hang off an account the caller was already allowed to read.

  @FieldResolver(() => DealerStub, { description: 'The dealer this account belongs to.' })
  dealer(@Root() account: CreditAccountType): DealerStub {
    return { id: account.dealerId };
  }

  @FieldResolver(() => AccountSummaryType, {
    description: 'Utilisation, and what to pay to unblock, clear the status or get under the limit.',
  })
  async summary(@Root() account: CreditAccountType, @Ctx() ctx: CreditContext): Promise<AccountSummaryType> {
    const position = await credit.findCreditPosition(ctx, account.dealerId);
    return toSummaryType(await summaryOf(ctx, position!), account.currency);
  }

  @FieldResolver(() => DueCalendarType, { description: 'What falls due when, from today on.' })
  async dueCalendar(
    @Root() account: CreditAccountType,
    @Arg('granularity', () => CalendarGranularityEnum, { defaultValue: CalendarGranularityEnum.WEEK, description: 'By day or by week.' })
    granularity: CalendarGranularityEnum,
    @Arg('horizonDays', () => Int, { defaultValue: 60, description: 'How many days ahead (1-366).' }) horizonDays: number,
    @Ctx() ctx: CreditContext,
  ): Promise<DueCalendarType> {
    return toDueCalendarType(await dueCalendarOf(ctx, account.dealerId, granularity, horizonDays), account.currency);
  }

  @FieldResolver(() => StatementType, {
    description: 'The statement for [from, to): opening balance, movements, closing balance, with PDF and CSV links.',
  })
  async statement(
    @Root() account: CreditAccountType,
    @Arg('from', () => Date, { description: 'Start of the period, included.' }) from: Date,
    @Arg('to', () => Date, { description: 'End of the period, excluded (at most two years after from).' }) to: Date,
    @Ctx() ctx: CreditContext,
  ): Promise<StatementType> {
    return toStatementType(await statementOf(ctx, account.dealerId, from, to), account.dealerId, account.currency);
  }

  @Authorized('STAFF')
  @FieldResolver(() => [CreditLimitChangeType], {
    description: 'Staff: the audit trail of limit and policy changes, newest first (last 100).',
  })
  async limitChanges(@Root() account: CreditAccountType, @Ctx() ctx: CreditContext): Promise<CreditLimitChangeType[]> {
    return (await admin.limitChangesOf(ctx, account.dealerId)).map((c) => toLimitChangeType(c, account.currency));
  }

  @Authorized()
  @Query(() => CreditAccountConnection, { description: 'FINANCE and up: every credit account, riskiest first.' })
  async creditRiskView(@Args() args: RiskViewArgs, @Ctx() ctx: CreditContext): Promise<CreditAccountConnection> {
    const window = pageWindow(args);
    const [rows, total] = await admin.riskView(ctx, args.sortBy, window);
    return toPage(rows.map(toCreditAccountType), total, window);
  }

  @Authorized()
  @Mutation(() => SetCreditLimitPayload, {
    description: "FINANCE and up: set a dealer's credit limit and exceedance policy; the change is audited.",
  })
  async setCreditLimit(
    @Arg('input', () => SetCreditLimitInput, { description: 'The new limit and the reason.' }) input: SetCreditLimitInput,
    @Ctx() ctx: CreditContext,
  ): Promise<SetCreditLimitPayload> {
    const outcome = await admin.setCreditLimit(ctx, requireClaims(ctx.claims), input);
    if (!outcome.ok) return { account: null, change: null, userErrors: outcome.errors };
    const position = await credit.positionOf(ctx, outcome.value.dealerId);
    return {
      account: position ? toCreditAccountType(position) : null,
      change: toLimitChangeType(outcome.value, position?.account.currency ?? 'USD'),
      userErrors: [],
    };
  }
}
