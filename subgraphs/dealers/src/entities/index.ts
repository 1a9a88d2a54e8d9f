import { ApiClient } from './api-client.entity.js';
import { Dealer } from './dealer.entity.js';
import { DealerAddress } from './dealer-address.entity.js';
import { DealerContact } from './dealer-contact.entity.js';
import { Invitation } from './invitation.entity.js';
import { MasterDataChange } from './master-data-change.entity.js';
import { RolloutWave } from './rollout-wave.entity.js';
import { SecurityEvent } from './security-event.entity.js';
import { Session } from './session.entity.js';
import { SignInAttempt } from './sign-in-attempt.entity.js';
import { SignInThrottle } from './sign-in-throttle.entity.js';
import { TierChange } from './tier-change.entity.js';
import { TierReview } from './tier-review.entity.js';
import { TierUpgradeRequest } from './tier-upgrade-request.entity.js';
import { User } from './user.entity.js';

export {
  ApiClient,
  Dealer,
  DealerAddress,
  DealerContact,
  Invitation,
  MasterDataChange,
  RolloutWave,
  SecurityEvent,
  Session,
  SignInAttempt,
  SignInThrottle,
  TierChange,
  TierReview,
  TierUpgradeRequest,
  User,
};
export const entities = [
  Dealer,
  User,
  Session,
  SignInThrottle,
  SignInAttempt,
  SecurityEvent,
  Invitation,
  ApiClient,
  MasterDataChange,
  DealerAddress,
  DealerContact,
  RolloutWave,
  TierChange,
  TierUpgradeRequest,
  TierReview,
];
