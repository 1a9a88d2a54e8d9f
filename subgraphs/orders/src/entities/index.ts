import { OrderLine } from './order-line.entity.js';
import { OrderStatusChange } from './order-status-change.entity.js';
import { Order } from './order.entity.js';

export { Order, OrderLine, OrderStatusChange };
export const entities = [Order, OrderLine, OrderStatusChange];
