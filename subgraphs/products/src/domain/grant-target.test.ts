import { describe, expect, it } from 'vitest';

import { grantTargetProblem } from './grant-target.js';

const tiers = ['PLATINUM', 'GOLD', 'SILVER', 'BRONZE'];

describe('grantTargetProblem', () => {
  it('takes a known tier and region, spelled as the dealers service keeps them', () => {
    expect(grantTargetProblem({ scope: 'TIER', value: 'PLATINUM', dealerExists: false, known: tiers })).toBeNull();
    expect(grantTargetProblem({ scope: 'REGION', value: 'West', dealerExists: false, known: ['West'] })).toBeNull();
  });

  it.each(['platinum', 'DIAMOND', ' PLATINUM'])('refuses the tier %j', (value) => {
    expect(grantTargetProblem({ scope: 'TIER', value, dealerExists: false, known: tiers })).toMatchObject({
      code: 'UNKNOWN_SEGMENT',
      message: `No dealer has the tier "${value}"; known: BRONZE, GOLD, PLATINUM, SILVER.`,
    });
  });

  it('refuses a region or dealer type no dealer has, and a dealer that does not exist', () => {
    expect(grantTargetProblem({ scope: 'REGION', value: 'Atlantis', dealerExists: false, known: ['West'] })?.code).toBe('UNKNOWN_SEGMENT');
    expect(grantTargetProblem({ scope: 'DEALER_TYPE', value: 'X', dealerExists: false, known: [] })?.message).toBe(
      'No dealer has the dealer type "X".',
    );
    expect(grantTargetProblem({ scope: 'DEALER', value: 'x', dealerExists: false, known: [] })?.code).toBe('UNKNOWN_DEALER');
    expect(grantTargetProblem({ scope: 'DEALER', value: 'x', dealerExists: true, known: [] })).toBeNull();
  });
});
