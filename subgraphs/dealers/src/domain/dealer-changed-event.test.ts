import { describe, expect, it } from 'vitest';

import { dealerChangedEvent } from './dealer-changed-event.js';

const after = { code: 'D-9', name: 'Nine', tier: 'GOLD', region: 'WEST', active: true };
const at = new Date('2026-12-07T19:00:00.000Z');

describe('dealerChangedEvent', () => {
  it('names the fields that changed and keeps the dealer as it is now', () => {
    const event = dealerChangedEvent({
      change: { id: 'e1', subjectId: 'd1', before: { ...after, tier: 'SILVER', region: 'EAST' }, after, actorName: 'erp', at },
    });
    expect(event).toEqual({
      id: 'e1',
      type: 'dealer.changed',
      key: 'd1',
      at: '2026-12-07T19:00:00.000Z',
      data: { dealer: { id: 'd1', ...after }, created: false, changedFields: ['tier', 'region'], changedBy: 'erp' },
    });
  });

  it('lists every field of a dealer that was created', () => {
    const event = dealerChangedEvent({ change: { id: 'e2', subjectId: 'd2', before: null, after, actorName: null, at } });
    expect(event.data).toMatchObject({ created: true, changedFields: Object.keys(after), changedBy: null });
  });
});
