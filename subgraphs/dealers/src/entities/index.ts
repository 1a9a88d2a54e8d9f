import { Dealer } from './dealer.entity.js';
import { Session } from './session.entity.js';
import { User } from './user.entity.js';

export { Dealer, Session, User };
export const entities = [Dealer, User, Session];
