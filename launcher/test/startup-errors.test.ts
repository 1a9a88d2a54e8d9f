import { describe, expect, it } from 'vitest';

import { databaseLocation, explainDatabaseError } from '../src/production/startup-errors.js';

const url = 'postgres://app:s3cret@db.internal:6543/dealergraph';

describe('start-up errors told to the operator', () => {
  it('names the database problem from the code anywhere in the cause chain, without the password', () => {
    const wrapped = new Error('connect failed', { cause: Object.assign(new Error('refused'), { code: 'ECONNREFUSED' }) });
    const message = explainDatabaseError(wrapped, url);
    expect(message).toContain('db.internal:6543');
    expect(message).toContain('DATABASE_URL');
    expect(message).not.toContain('s3cret');
    expect(explainDatabaseError(Object.assign(new Error('auth'), { code: '28P01' }), url)).toMatch(/user name or password/);
    expect(explainDatabaseError(Object.assign(new Error('nodb'), { code: '3D000' }), url)).toMatch(/does not exist/);
  });

  it('leaves anything else alone: a bug keeps its stack trace', () => {
    expect(explainDatabaseError(new TypeError('x is undefined'), url)).toBeNull();
    expect(databaseLocation('not a url')).toBe('the DATABASE_URL address');
  });
});
