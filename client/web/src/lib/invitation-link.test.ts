import { describe, expect, it } from 'vitest';

import { invitationLink, tokenFromHash } from './invitation-link';

describe('invitation links', () => {
  it('carry the token in the fragment, and read it back', () => {
    const link = invitationLink('abc+/=.def', 'https://portal.example.com');
    expect(link).toBe('https://portal.example.com/accept-invitation#token=abc%2B%2F%3D.def');
    expect(tokenFromHash(new URL(link).hash)).toBe('abc+/=.def');
    expect(tokenFromHash('')).toBe('');
  });
});
