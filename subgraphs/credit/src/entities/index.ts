import { CreditAccount } from './credit-account.entity.js';
import { CreditHold } from './credit-hold.entity.js';
import { Invoice } from './invoice.entity.js';
import { Payment } from './payment.entity.js';

export { CreditAccount, CreditHold, Invoice, Payment };
export const entities = [CreditAccount, Invoice, Payment, CreditHold];
