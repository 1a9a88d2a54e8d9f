import { type Result, userErrorsOf } from '@dealergraph/runtime';

import { toOrderType } from '../orders/order.mapper.js';
import type { MinimumOrderView } from './dealer-order-policy.service.js';
import type { PlacedOrder } from './place-order.service.js';
import type { BelowMinimumEnum, MinimumOrderPayload, PlaceOrderPayload } from './placement.type.js';

/** placeOrder's answer as the API shows it. */
export const toPlaceOrderPayload = (result: Result<PlacedOrder>): PlaceOrderPayload => ({
  order: result.ok ? toOrderType(result.value.order) : null,
  warning: result.ok ? result.value.warning : null,
  userErrors: userErrorsOf(result),
});

/** setMinimumOrderAmount's answer as the API shows it. */
export const toMinimumOrderPayload = (result: Result<MinimumOrderView>): MinimumOrderPayload => ({
  policy: result.ok ? { ...result.value, belowMinimum: result.value.belowMinimum as BelowMinimumEnum } : null,
  userErrors: userErrorsOf(result),
});
