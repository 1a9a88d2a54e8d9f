import { describe, expect, it } from 'vitest';

import { emailSkeleton, hasForeignScript, lookalikeRefusal, normalizeEmail, SQL_SKELETON } from './email-lookalike.js';

describe('lookalike email addresses', () => {
  it('normalises fullwidth forms, invisible and bidi characters, and case', () => {
    expect(normalizeEmail('ＡＤＭＩＮ@demo.staff')).toBe('admin@demo.staff');
    expect(normalizeEmail(' ad\u200Bmin\u200D@demo.staff\u200F ')).toBe('admin@demo.staff');
    expect(normalizeEmail('\u202Eadmin@demo.staff\u202C')).toBe('admin@demo.staff');
    expect(normalizeEmail('\uFEFFAdmin@Demo.Staff')).toBe('admin@demo.staff');
  });

  it('refuses letters of other scripts that pass for Latin, keeps Latin with marks', () => {
    expect(hasForeignScript(normalizeEmail('\u0430dmin@demo.staff'))).toBe(true); // Cyrillic а
    expect(hasForeignScript(normalizeEmail('adm\u03B9n@demo.staff'))).toBe(true); // Greek ι
    expect(lookalikeRefusal(normalizeEmail('\u0430dmin@demo.staff'))?.code).toBe('EMAIL_CONFUSABLE');
    expect(hasForeignScript('müller@example.test')).toBe(false);
    expect(lookalikeRefusal('admin@demo.staff')).toBeNull();
  });

  it('gives lookalikes one skeleton, and SQL the same mapping', () => {
    for (const lookalike of ['adrnin@dem0.staff', 'ádmin@demo.staff', 'admin@dem0.staff']) {
      expect(emailSkeleton(normalizeEmail(lookalike))).toBe(emailSkeleton('admin@demo.staff'));
    }
    expect(emailSkeleton('wi1d@example.test')).toBe(emailSkeleton('vvild@example.test'));
    expect(emailSkeleton('other@demo.staff')).not.toBe(emailSkeleton('admin@demo.staff'));
    expect(SQL_SKELETON('email')).toBe("replace(replace(replace(replace(email, '0', 'o'), '1', 'l'), 'rn', 'm'), 'vv', 'w')");
  });
});
