import { describe, expect, it } from 'vitest';

import { firstAdminRefusal } from './first-admin.js';

const valid = {
  email: 'it@distributor.example',
  password: 'a-long-enough-password',
  fullName: 'Portal Admin',
  existingAdmins: [],
  emailTaken: false,
  additional: false,
};

describe('the first administrator', () => {
  it('is accepted in an empty database', () => {
    expect(firstAdminRefusal(valid)).toBeNull();
  });

  it('refuses a second administrator unless asked for explicitly', () => {
    expect(firstAdminRefusal({ ...valid, existingAdmins: ['first@distributor.example'] })?.code).toBe('ADMIN_EXISTS');
    expect(firstAdminRefusal({ ...valid, existingAdmins: ['first@distributor.example'], additional: true })).toBeNull();
  });

  it('checks the input before the database state, in a fixed order', () => {
    expect(firstAdminRefusal({ ...valid, email: 'not-an-email', password: 'short' })?.code).toBe('INVALID_EMAIL');
    expect(firstAdminRefusal({ ...valid, password: 'short', existingAdmins: ['x@y.example'] })?.code).toBe('WEAK_PASSWORD');
    expect(firstAdminRefusal({ ...valid, fullName: '  ' })?.code).toBe('INVALID_NAME');
    expect(firstAdminRefusal({ ...valid, emailTaken: true })?.code).toBe('EMAIL_TAKEN');
  });
});
