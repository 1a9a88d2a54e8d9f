import { describe, expect, it } from 'vitest';

import { NOTIFICATION_KINDS } from '../domain/notification-audience.js';
import { type MailModel, renderMail, renderPush } from './mail-templates.js';

const model = (kind: MailModel['kind'], patch: Partial<MailModel> = {}): MailModel => ({
  kind,
  locale: 'en-US',
  recipient: { fullName: 'Pat Buyer' },
  dealer: { name: 'Demo <b>Platinum</b> & Sons', code: 'D0001' },
  order: {
    number: 'SO-2026-000123',
    currency: 'USD',
    total: 1_234_560,
    poNumber: 'PO-77',
    lines: [
      { sku: 'BRG-100', name: 'Bearing "6204"', quantity: 10, unitPrice: 123_456, lineTotal: 1_234_560 },
      { sku: 'SEAL-9', name: 'Seal', quantity: 1, unitPrice: 5, lineTotal: 5 },
    ],
    carrier: 'UPS',
    trackingNumber: '1Z999',
    rejection: { reason: 'Credit <hold>', alternatives: [{ kind: 'SPLIT_ORDER', amount: 500_000, note: null }] },
  },
  level: 2,
  links: {
    order: 'http://localhost:4000/orders/abc',
    decide: 'http://localhost:4000/mail/approval/t.o.k',
    unsubscribe: 'http://localhost:4000/mail/unsubscribe/u',
  },
  linkHours: 72,
  ...patch,
});

describe('mail templates: every kind renders', () => {
  for (const kind of NOTIFICATION_KINDS) {
    it(`${kind}: subject with the order number, HTML and text with the dealer, lines and money`, () => {
      const mail = renderMail(model(kind));
      expect(mail.subject).toContain('SO-2026-000123');
      for (const body of [mail.html, mail.text]) {
        expect(body).toContain('Pat Buyer');
        expect(body).toContain('BRG-100');
        expect(body).toContain('$1,234.56');
        expect(body).toContain('$12,345.60');
        expect(body).toContain('$0.05');
        expect(body).toContain('http://localhost:4000/mail/unsubscribe/u');
      }
      expect(mail.html).toContain('Demo &lt;b&gt;Platinum&lt;/b&gt; &amp; Sons');
      expect(mail.html).not.toContain('<b>Platinum</b>');
      expect(mail.html).toContain('Bearing &quot;6204&quot;');
      expect(mail.text).toContain('Demo <b>Platinum</b> & Sons');
    });
  }

  it('a rejection carries its reason and alternatives, escaped in HTML', () => {
    const mail = renderMail(model('ORDER_REJECTED'));
    expect(mail.html).toContain('Credit &lt;hold&gt;');
    expect(mail.text).toContain('Reason: Credit <hold>');
    expect(mail.text).toContain('SPLIT_ORDER $5,000.00');
  });

  it('a shipment carries the carrier and tracking number', () => {
    const mail = renderMail(model('ORDER_SHIPPED'));
    expect(mail.text).toContain('Carrier: UPS');
    expect(mail.text).toContain('Tracking number: 1Z999');
  });

  it("an approver's mail carries the decide link; a dealer's never does", () => {
    expect(renderMail(model('APPROVAL_WAITING')).html).toContain('href="http://localhost:4000/mail/approval/t.o.k"');
    expect(renderMail(model('APPROVAL_ESCALATED')).text).toContain('expires in 72 hours');
    expect(renderMail(model('ORDER_PLACED', { links: { ...model('ORDER_PLACED').links, decide: null } })).html).not.toContain(
      '/mail/approval',
    );
  });

  it('money follows the locale', () => {
    expect(renderMail(model('ORDER_PLACED', { locale: 'de-DE', order: { ...model('ORDER_PLACED').order, currency: 'EUR' } })).text).toMatch(
      /12\.345,60\s€/,
    );
  });
});

describe('push messages: every kind renders', () => {
  for (const kind of NOTIFICATION_KINDS) {
    it(`${kind}: title and line name the order; plain text; it opens the order`, () => {
      const push = renderPush(model(kind));
      expect(push.title).toContain('SO-2026-000123');
      expect(push.body).toContain('SO-2026-000123');
      expect(`${push.title}${push.body}`).not.toContain('&lt;');
      expect(push.url).toBe('http://localhost:4000/orders/abc');
      expect(push.tag).toBe(`${kind}:SO-2026-000123`);
    });
  }
});
