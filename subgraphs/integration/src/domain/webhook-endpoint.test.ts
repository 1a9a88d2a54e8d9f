import { describe, expect, it } from 'vitest';

import { checkEndpointInput, excerpt, webhookBody } from './webhook-endpoint.js';

describe('a webhook endpoint', () => {
  it('takes an http(s) URL and known events, each once', () => {
    expect(
      checkEndpointInput({ url: ' https://erp.example/hooks ', events: ['order.approved', 'order.approved', 'dealer.changed'] }),
    ).toEqual({
      ok: true,
      url: 'https://erp.example/hooks',
      events: ['order.approved', 'dealer.changed'],
      description: null,
    });
  });

  it('refuses what cannot be delivered to, with a code and the field', () => {
    const problem = (input: Parameters<typeof checkEndpointInput>[0]) => {
      const check = checkEndpointInput(input);
      return check.ok ? null : [check.problem.code, check.problem.field];
    };
    expect(problem({ url: 'not a url', events: ['order.approved'] })).toEqual(['INVALID_URL', ['input', 'url']]);
    expect(problem({ url: 'ftp://erp.example/x', events: ['order.approved'] })).toEqual(['INVALID_URL', ['input', 'url']]);
    expect(problem({ url: 'https://u:p@erp.example/x', events: ['order.approved'] })).toEqual(['INVALID_URL', ['input', 'url']]);
    expect(problem({ url: 'https://erp.example/x', events: [] })).toEqual(['NO_EVENTS', ['input', 'events']]);
    expect(problem({ url: 'https://erp.example/x', events: ['order.approved', 'order.shipped'] })).toEqual([
      'UNKNOWN_EVENT',
      ['input', 'events', '1'],
    ]);
    expect(problem({ url: 'https://erp.example/x', events: ['order.approved'], description: 'x'.repeat(501) })).toEqual([
      'INVALID_INPUT',
      ['input', 'description'],
    ]);
  });

  it('has a body of type, timestamp and data, and logs the start of an answer', () => {
    expect(webhookBody({ type: 'order.approved', at: '2026-12-07T10:00:00.000Z', data: { order: { id: 'o' } } })).toBe(
      '{"type":"order.approved","timestamp":"2026-12-07T10:00:00.000Z","data":{"order":{"id":"o"}}}',
    );
    expect(excerpt('abc', 5)).toBe('abc');
    expect(excerpt('abcdefgh', 5)).toBe('abcd…');
  });
});
