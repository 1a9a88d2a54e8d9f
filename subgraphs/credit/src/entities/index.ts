import { CreditAccount } from './credit-account.entity.js';
import { CreditHold } from './credit-hold.entity.js';
import { Invoice } from './invoice.entity.js';
import { Payment } from './payment.entity.js';
import { ReleasedOrder } from './released-order.entity.js';

export { CreditAccount, CreditHold, Invoice, Payment, ReleasedOrder };
export const entities = [CreditAccount, Invoice, Payment, CreditHold, ReleasedOrder];
