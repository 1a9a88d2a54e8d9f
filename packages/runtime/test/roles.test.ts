import { describe, expect, it } from 'vitest';

import { approvalLevelOf, approvalRoleOf } from '../src/index.js';

describe('approval levels', () => {
  it('gives each staff role its level, and 0 to ADMIN, dealer roles and unknown roles', () => {
    expect(['SALES_REP', 'REGIONAL_MANAGER', 'SALES_DIRECTOR', 'FINANCE', 'GENERAL_MANAGER'].map(approvalLevelOf)).toEqual([1, 2, 3, 4, 5]);
    expect(['ADMIN', 'DEALER_ADMIN', 'ORDER_ENTRY', 'VIEW_ONLY', 'nobody'].map(approvalLevelOf)).toEqual([0, 0, 0, 0, 0]);
  });

  it('names the role of a level, never ADMIN, and LEVEL_n for a level no role has', () => {
    expect([1, 2, 3, 4, 5].map(approvalRoleOf)).toEqual(['SALES_REP', 'REGIONAL_MANAGER', 'SALES_DIRECTOR', 'FINANCE', 'GENERAL_MANAGER']);
    expect([0, 6].map(approvalRoleOf)).toEqual(['LEVEL_0', 'LEVEL_6']);
  });
});
