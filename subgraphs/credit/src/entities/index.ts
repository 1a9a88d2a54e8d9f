import { BalanceAdjustment } from './balance-adjustment.entity.js';
import { CreditAccount } from './credit-account.entity.js';
import { CreditHold } from './credit-hold.entity.js';
import { CreditLimitChange } from './credit-limit-change.entity.js';
import { Invoice } from './invoice.entity.js';
import { InvoiceLine } from './invoice-line.entity.js';
import { InvoicePriceCheck } from './invoice-price-check.entity.js';
import { MasterDataChange } from './master-data-change.entity.js';
import { Payment } from './payment.entity.js';
import { PriceMismatchRecord } from './price-mismatch.entity.js';
import { ReleasedOrder } from './released-order.entity.js';

export {
  BalanceAdjustment,
  CreditAccount,
  CreditHold,
  CreditLimitChange,
  Invoice,
  InvoiceLine,
  InvoicePriceCheck,
  MasterDataChange,
  Payment,
  PriceMismatchRecord,
  ReleasedOrder,
};
export const entities = [
  CreditAccount,
  Invoice,
  InvoiceLine,
  Payment,
  CreditHold,
  BalanceAdjustment,
  CreditLimitChange,
  ReleasedOrder,
  PriceMismatchRecord,
  InvoicePriceCheck,
  MasterDataChange,
];
