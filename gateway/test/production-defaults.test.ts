import { describe, expect, it } from 'vitest';

import { readSecuritySettings } from '../src/config.js';
import { securityOf } from '../src/gateway.js';

/** What production turns on without being asked (unit: the settings a deployment gets). */
describe('security defaults by mode', () => {
  const base = { host: '127.0.0.1', port: 0, jwtPublicKey: '', hmacSecret: 'x', subgraphUrls: {} as never };

  it('trusts no proxy and requires persisted documents in production, unless told otherwise', () => {
    expect(readSecuritySettings({ NODE_ENV: 'production' })).toMatchObject({ trustedProxies: [], persistedDocumentsRequired: true });
    expect(securityOf({ ...base, production: true })).toMatchObject({ trustedProxies: [], persistedDocumentsRequired: true });
    expect(
      readSecuritySettings({ NODE_ENV: 'production', TRUSTED_PROXIES: '10.0.0.0/8', PERSISTED_DOCUMENTS_REQUIRED: 'false' }),
    ).toMatchObject({
      trustedProxies: ['10.0.0.0/8'],
      persistedDocumentsRequired: false,
    });
  });

  it('keeps the demo open to the local proxy and to documents as text', () => {
    expect(readSecuritySettings({})).toMatchObject({ trustedProxies: ['loopback'], persistedDocumentsRequired: false });
    expect(securityOf({ ...base, production: false })).toMatchObject({ trustedProxies: ['loopback'], persistedDocumentsRequired: false });
  });
});
