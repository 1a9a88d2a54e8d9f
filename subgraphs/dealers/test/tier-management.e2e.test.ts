import { randomUUID } from 'node:crypto';

import { type DemoDealer, generateDemoData } from '@dealergraph/demo-data';
import { GraphQLClient, startTestStack, type TestStack } from '@dealergraph/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * Tier management and rollout waves through the real gateway: a manual upgrade asked by a rep and
 * approved by a manager, automatic upgrades and the review's grace period, each change in the
 * history and in the dealer's prices on the next request; waves that keep a dealer's users out of
 * the portal (PORTAL_NOT_OPEN) while staff still order for them.
 */
const data = generateDemoData();
const DEMO_DEALER_EMAILS = /@demo\.dealer$/;
const adminOf = (d: DemoDealer) => data.users.find((u) => u.dealerId === d.id && u.role === 'DEALER_ADMIN')!;
const rep = data.users.find((u) => u.email === 'rep@demo.staff')!;
// Ordinary dealers (not the named demo ones) of the demo rep's region, by tier.
const regional = data.dealers.filter((d) => d.region === rep.region && !DEMO_DEALER_EMAILS.test(adminOf(d)?.email ?? '@demo.dealer'));
const silver = regional.find((d) => d.tier === 'SILVER')!;
const bronze = regional.find((d) => d.tier === 'BRONZE')!;
const elsewhere = data.dealers.find((d) => d.region !== rep.region && d.tier === 'GOLD')!;

const STATUS = `query($id: ID) { dealerTierStatus(dealerId: $id) { dealerId tier qualifiedTier trend trailingRevenue oldestOverdueDays
  next { tier revenueTarget revenueNeeded blockers } downgradePendingTo downgradeDueAt
  pendingRequest { id status } history { fromTier toTier kind reason decidedBy } } }`;
const REQUEST = `mutation($input: RequestTierUpgradeInput!) { requestTierUpgrade(input: $input) {
  request { id status fromTier requestedTier requestedBy } userErrors { code field } } }`;
const DECIDE = `mutation($input: DecideTierUpgradeInput!) { decideTierUpgrade(input: $input) {
  request { id status decidedBy } userErrors { code } } }`;
const RUN = `mutation($review: Boolean!) { runTierEvaluation(review: $review) { ran evaluated upgraded gracesStarted downgraded published } }`;
const PRODUCTS = 'query { products(first: 1) { nodes { sku price { discountPercent appliedRules } } } }';
const LOGIN = `mutation($email: String!, $password: String!) { login(email: $email, password: $password) {
  accessToken refreshToken userErrors { code message } } }`;
const REFRESH = 'mutation($t: String!) { refreshSession(refreshToken: $t) { accessToken userErrors { code } } }';
const CREATE_WAVE = `mutation($input: CreateRolloutWaveInput!) { createRolloutWave(input: $input) { wave { id name open dealerCount } userErrors { code } } }`;
const UPDATE_WAVE = `mutation($input: UpdateRolloutWaveInput!) { updateRolloutWave(input: $input) { wave { id open dealerCount } userErrors { code } } }`;
const ASSIGN = `mutation($input: AssignDealersToWaveInput!) { assignDealersToWave(input: $input) {
  assigned wave { id dealerCount } userErrors { code field } } }`;

describe('tier management and rollout waves', () => {
  let stack: TestStack;
  let admin: GraphQLClient;
  let repClient: GraphQLClient;
  let manager: GraphQLClient;
  const sql = <T = Record<string, unknown>>(text: string, params: unknown[] = []) =>
    stack.orms.dealers.em.getConnection().execute<T[]>(text, params);
  const discountOf = async (client: GraphQLClient) => Number((await client.data(PRODUCTS)).products.nodes[0].price.discountPercent);

  beforeAll(async () => {
    expect(silver && bronze && elsewhere).toBeTruthy();
    stack = await startTestStack();
    [admin, repClient, manager] = await Promise.all([
      stack.loginAs('admin@demo.staff'),
      stack.loginAs('rep@demo.staff'),
      stack.loginAs('manager@demo.staff'),
    ]);
  }, 120_000);
  afterAll(async () => {
    await stack?.stop();
  });

  it("a rep's upgrade request, approved by a sales manager, moves the tier and the dealer's prices on the next request", async () => {
    const dealerUser = await stack.loginAs(adminOf(silver).email);
    expect(await discountOf(dealerUser)).toBeCloseTo(10, 0);
    const own = (await dealerUser.data(STATUS, { id: null })).dealerTierStatus;
    expect(own).toMatchObject({ dealerId: silver.id, tier: 'SILVER', history: [], pendingRequest: null });
    expect(own.next.tier).toBe('GOLD');
    // Only its own: another dealer's status reads as absent.
    expect((await dealerUser.data(STATUS, { id: elsewhere.id })).dealerTierStatus).toBeNull();

    // A burst of the same request: one is pending, the rest hear REQUEST_PENDING.
    const input = { dealerId: silver.id, tier: 'GOLD', reason: 'Opened a second warehouse; expects to double its purchases.' };
    const burst = await Promise.all(Array.from({ length: 8 }, () => repClient.data(REQUEST, { input })));
    const made = burst.filter((b) => b.requestTierUpgrade.request);
    expect(made).toHaveLength(1);
    expect(burst.flatMap((b) => b.requestTierUpgrade.userErrors.map((e: { code: string }) => e.code))).toEqual(
      Array(7).fill('REQUEST_PENDING'),
    );
    const request = made[0].requestTierUpgrade.request;
    expect(request).toMatchObject({ status: 'PENDING', fromTier: 'SILVER', requestedTier: 'GOLD', requestedBy: 'rep@demo.staff' });
    expect(
      await sql(`select count(*)::int as n from dealers.tier_upgrade_request where dealer_id = ? and status = 'PENDING'`, [silver.id]),
    ).toEqual([{ n: 1 }]);
    // Bad input: not an upgrade, no reason; a dealer outside the rep's region reads as absent.
    const bad = async (i: Record<string, unknown>) =>
      (await repClient.data(REQUEST, { input: { ...input, ...i } })).requestTierUpgrade.userErrors[0].code;
    expect(await bad({ tier: 'BRONZE' })).toBe('NOT_AN_UPGRADE');
    expect(await bad({ reason: ' ' })).toBe('REQUIRED');
    expect(await bad({ dealerId: elsewhere.id, tier: 'PLATINUM' })).toBe('NOT_FOUND');

    // The rep may not decide; the manager of the region approves, once (a parallel second decision loses).
    expect((await repClient.data(DECIDE, { input: { requestId: request.id, approve: true } })).decideTierUpgrade.userErrors).toEqual([
      { code: 'FORBIDDEN' },
    ]);
    const director = await stack.loginAs('director@demo.staff');
    const decisions = await Promise.all([
      manager.data(DECIDE, { input: { requestId: request.id, approve: true, note: 'Agreed in the quarterly review.' } }),
      director.data(DECIDE, { input: { requestId: request.id, approve: true } }),
    ]);
    const won = decisions.filter((d) => d.decideTierUpgrade.request);
    expect(won).toHaveLength(1);
    expect(decisions.flatMap((d) => d.decideTierUpgrade.userErrors)).toEqual([{ code: 'ALREADY_DECIDED' }]);
    expect(won[0].decideTierUpgrade.request.status).toBe('APPROVED');

    // The next request prices at GOLD, and the dealer sees why in its history.
    expect(await discountOf(dealerUser)).toBeCloseTo(15, 0);
    const after = (await dealerUser.data(STATUS, { id: null })).dealerTierStatus;
    expect(after.tier).toBe('GOLD');
    expect(after.history).toHaveLength(1);
    expect(after.history[0]).toMatchObject({ fromTier: 'SILVER', toTier: 'GOLD', kind: 'MANUAL_UPGRADE' });
    expect(after.history[0].reason).toMatch(/second warehouse/);
    expect(['manager@demo.staff', 'director@demo.staff']).toContain(after.history[0].decidedBy);
    expect(await sql('select tier from prices.dealer_pricing where dealer_id = ?', [silver.id])).toEqual([{ tier: 'GOLD' }]);

    // The ERP's master data may still set the tier: that change is in the history too.
    const upsert = await admin.data(`mutation($input: UpsertDealerInput!) { upsertDealer(input: $input) { status userErrors { code } } }`, {
      input: {
        code: silver.code,
        name: silver.name,
        tier: 'SILVER',
        region: silver.region,
        city: silver.city,
        email: silver.email,
        phone: silver.phone,
      },
    });
    expect(upsert.upsertDealer).toEqual({ status: 'UPDATED', userErrors: [] });
    expect(await discountOf(dealerUser)).toBeCloseTo(10, 0);
    const erp = (await dealerUser.data(STATUS, { id: null })).dealerTierStatus.history[0];
    expect(erp).toMatchObject({ fromTier: 'GOLD', toTier: 'SILVER', kind: 'MASTER_DATA', decidedBy: 'admin@demo.staff' });
  });

  it('the evaluation upgrades a dealer that reached a target at once, and downgrades only after the grace period', async () => {
    const finance = await stack.loginAs('finance@demo.staff');
    const dealerUser = await stack.loginAs(adminOf(bronze).email);
    expect(await discountOf(dealerUser)).toBeCloseTo(5, 0);
    // 300,000.00 invoiced this month: above the PLATINUM target for any dealer type (at most 210,000.00).
    const invoice = await finance.data(
      `mutation($input: RecordInvoiceInput!) { recordInvoice(input: $input) { userErrors { code message } } }`,
      {
        input: {
          externalReference: 'TIER-TEST-1',
          dealerId: bronze.id,
          number: 'INV-TIER-1',
          amount: '300000.00',
          issuedAt: new Date().toISOString(),
          dueAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
        },
      },
    );
    expect(invoice.recordInvoice.userErrors).toEqual([]);
    const status = (await dealerUser.data(STATUS, { id: null })).dealerTierStatus;
    expect(status).toMatchObject({ tier: 'BRONZE', qualifiedTier: 'PLATINUM', trend: 'UP' });
    expect(status.next.revenueNeeded).toBe('0.00');

    const run = (await admin.data(RUN, { review: false })).runTierEvaluation;
    expect(run).toMatchObject({ ran: true, gracesStarted: 0, downgraded: 0 });
    expect(run.upgraded).toBeGreaterThanOrEqual(1);
    expect(await discountOf(dealerUser)).toBeCloseTo(20, 0);
    const history = (await dealerUser.data(STATUS, { id: null })).dealerTierStatus.history;
    expect(history[0]).toMatchObject({ fromTier: 'BRONZE', toTier: 'PLATINUM', kind: 'AUTOMATIC_UPGRADE', decidedBy: null });
    expect(history[0].reason).toMatch(/trailing 12-month revenue/);
    // Every upgrade is in the history, and prices hold every dealer's tier as dealers does.
    const [{ n }] = await sql<{ n: number }>(`select count(*)::int as n from dealers.tier_change where kind = 'AUTOMATIC_UPGRADE'`);
    expect(n).toBe(run.upgraded);
    expect(
      await sql(
        `select d.id from dealers.dealer d left join prices.dealer_pricing p on p.dealer_id = d.id where p.tier is distinct from d.tier`,
      ),
    ).toEqual([]);

    // The review: dealers below their tier's target get a grace period, and keep their tier meanwhile.
    const review = (await admin.data(RUN, { review: true })).runTierEvaluation;
    expect(review).toMatchObject({ ran: true, upgraded: 0, downgraded: 0 });
    expect(review.gracesStarted).toBeGreaterThan(0);
    const graced = await sql<{ id: string; tier: string; to: string; days: number }>(
      `select id, tier, tier_downgrade_to as to, round(extract(epoch from tier_downgrade_due_at - now()) / 86400)::int as days
         from dealers.dealer where tier_downgrade_due_at is not null order by id`,
    );
    expect(graced).toHaveLength(review.gracesStarted);
    expect(new Set(graced.map((g) => g.days))).toEqual(new Set([60]));
    const [{ reviews }] = await sql<{ reviews: number }>(`select count(*)::int as reviews from dealers.tier_review where kind = 'REVIEW'`);
    expect(reviews).toBe(1);

    // One grace ends: the next run moves that dealer down, with its reason, and prices follow.
    const ending = graced[0]!;
    await sql(`update dealers.dealer set tier_downgrade_due_at = now() - interval '1 minute' where id = ?`, [ending.id]);
    const after = (await admin.data(RUN, { review: false })).runTierEvaluation;
    expect(after).toMatchObject({ downgraded: 1, gracesStarted: 0 });
    expect(await sql('select tier, tier_downgrade_due_at from dealers.dealer where id = ?', [ending.id])).toEqual([
      { tier: ending.to, tier_downgrade_due_at: null },
    ]);
    expect(
      await sql(`select kind, from_tier, to_tier from dealers.tier_change where dealer_id = ? order by at desc limit 1`, [ending.id]),
    ).toEqual([{ kind: 'DOWNGRADE', from_tier: ending.tier, to_tier: ending.to }]);
    expect(await sql('select tier from prices.dealer_pricing where dealer_id = ?', [ending.id])).toEqual([{ tier: ending.to }]);
    // Payment performance as credit's ledger has it: the oldest unpaid invoice's calendar days past due (UTC).
    const [late] = await sql<{ dealer_id: string; days: number; revenue: string }>(
      `select dealer_id, (current_date - min(due_at at time zone 'UTC')::date)::int as days,
              (select coalesce(sum(amount), 0) from credit.invoice r where r.dealer_id = i.dealer_id and r.issued_at >= now() - interval '365 days') as revenue
         from credit.invoice i where amount > paid_amount and due_at < date_trunc('day', now() at time zone 'UTC') at time zone 'UTC'
        group by dealer_id order by 2 desc limit 1`,
    );
    expect(late).toBeTruthy();
    const lateStatus = (await manager.data(STATUS, { id: late!.dealer_id })).dealerTierStatus;
    expect(lateStatus.oldestOverdueDays).toBe(late!.days);
    expect(Math.round(Number(lateStatus.trailingRevenue) * 100)).toBe(Number(late!.revenue));
    // Only the ADMIN runs it by hand.
    expect((await manager.request(RUN, { review: false })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('a dealer in a wave that is not open cannot sign in (PORTAL_NOT_OPEN) and is signed out; staff still order for it; opening lets it in', async () => {
    const director = await stack.loginAs('director@demo.staff');
    const later = new Date(Date.now() + 7 * 86_400_000).toISOString();
    const wave = (await director.data(CREATE_WAVE, { input: { name: 'Wave 1', opensAt: later } })).createRolloutWave;
    expect(wave).toMatchObject({ wave: { name: 'Wave 1', open: false, dealerCount: 0 }, userErrors: [] });
    expect((await director.data(CREATE_WAVE, { input: { name: 'Wave 1', opensAt: later } })).createRolloutWave.userErrors).toEqual([
      { code: 'DUPLICATE_NAME' },
    ]);
    const waveId = wave.wave.id;

    // The target dealer's user is signed in before the assignment.
    const target = regional.find((d) => d.tier === 'GOLD' && d.id !== silver.id)!;
    const user = new GraphQLClient(stack.gatewayUrl);
    const signedIn = (await user.data(LOGIN, { email: adminOf(target).email, password: 'demo-pass-2026' })).login;
    expect(signedIn.accessToken).toBeTruthy();
    user.accessToken = signedIn.accessToken;
    const { sku } = (await user.data('query { products(first: 50) { nodes { sku stock { available } } } }')).products.nodes.find(
      (p: { stock: { available: number } }) => p.stock.available > 0,
    );

    // A burst of assignments: ten calls of five dealers each, in parallel, and the same call twice.
    const others = data.dealers
      .filter((d) => d.id !== target.id && !DEMO_DEALER_EMAILS.test(adminOf(d)?.email ?? '@demo.dealer'))
      .slice(0, 50);
    const groups = [
      [target.id, ...others.slice(0, 4).map((d) => d.id)],
      ...Array.from({ length: 9 }, (_, i) => others.slice(4 + i * 5, 9 + i * 5).map((d) => d.id)),
    ];
    const results = await Promise.all([...groups, groups[0]!].map((dealerIds) => director.data(ASSIGN, { input: { waveId, dealerIds } })));
    for (const r of results) expect(r.assignDealersToWave).toMatchObject({ assigned: 5, userErrors: [] });
    const inWave = await sql<{ id: string }>('select id from dealers.dealer where rollout_wave_id = ? order by id', [waveId]);
    expect(inWave.map((r) => r.id)).toEqual(groups.flat().sort());
    // The target's live session was closed with the assignment.
    expect(
      await sql(
        `select count(*)::int as n from dealers.session s join dealers.user_account u on u.id = s.user_id where u.dealer_id = ? and s.revoked_at is null`,
        [target.id],
      ),
    ).toEqual([{ n: 0 }]);

    // All or nothing: an unknown dealer refuses the call; a list and a filter together are refused.
    const unknown = (
      await director.data(ASSIGN, { input: { waveId: null, dealerIds: [target.id, '00000000-0000-4000-8000-000000000000'] } })
    ).assignDealersToWave;
    expect(unknown).toMatchObject({ assigned: 0, userErrors: [{ code: 'UNKNOWN_DEALER' }] });
    expect(await sql('select rollout_wave_id as w from dealers.dealer where id = ?', [target.id])).toEqual([{ w: waveId }]);
    const both = (await director.data(ASSIGN, { input: { waveId, dealerIds: [target.id], filter: { region: 'x' } } })).assignDealersToWave;
    expect(both.userErrors).toEqual([{ code: 'INVALID_INPUT', field: ['input', 'dealerIds'] }]);
    expect((await repClient.data(ASSIGN, { input: { waveId, dealerIds: [target.id] } })).assignDealersToWave.userErrors[0].code).toBe(
      'FORBIDDEN',
    );

    // Sign-in and refresh are refused with the opening date.
    const refused = (await new GraphQLClient(stack.gatewayUrl).data(LOGIN, { email: adminOf(target).email, password: 'demo-pass-2026' }))
      .login;
    expect(refused.accessToken).toBeNull();
    expect(refused.userErrors[0].code).toBe('PORTAL_NOT_OPEN');
    expect(refused.userErrors[0].message).toContain(later.slice(0, 10));
    expect((await user.data(REFRESH, { t: signedIn.refreshToken })).refreshSession.userErrors[0].code).toMatch(
      /PORTAL_NOT_OPEN|INVALID_REFRESH_TOKEN|SESSION_EXPIRED/,
    );
    // A wrong password still reads as wrong credentials (the wave is told only to who knows the password).
    expect(
      (await new GraphQLClient(stack.gatewayUrl).data(LOGIN, { email: adminOf(target).email, password: 'nope-nope' })).login.userErrors[0]
        .code,
    ).toBe('INVALID_CREDENTIALS');

    // The rep still keys in an order for the dealer.
    // A product in the dealer's assortment with stock (read while its user was still signed in).
    const order = await repClient.data(
      `mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { order { id channel dealer { id } } userErrors { code } } }`,
      { input: { dealerId: target.id, channel: 'PHONE', idempotencyKey: randomUUID(), lines: [{ sku, quantity: 1 }] } },
    );
    expect(order.placeOrder.userErrors).toEqual([]);
    expect(order.placeOrder.order).toMatchObject({ channel: 'PHONE', dealer: { id: target.id } });

    // By filter: every dealer of a region and tier.
    const filter = { region: elsewhere.region, tier: 'SILVER' };
    const byFilter = (await director.data(ASSIGN, { input: { waveId, filter } })).assignDealersToWave;
    const [{ n }] = await sql<{ n: number }>('select count(*)::int as n from dealers.dealer where region = ? and tier = ?', [
      filter.region,
      filter.tier,
    ]);
    expect(byFilter).toMatchObject({ assigned: n, userErrors: [] });
    // The filter may take in some of the 50 already there: the wave holds their union.
    const [{ union }] = await sql<{ union: number }>(
      'select count(*)::int as union from dealers.dealer where id in (?) or (region = ? and tier = ?)',
      [groups.flat(), filter.region, filter.tier],
    );
    expect(byFilter.wave.dealerCount).toBe(union);
    expect(await sql('select count(*)::int as n from dealers.dealer where rollout_wave_id = ?', [waveId])).toEqual([{ n: union }]);

    // Opening the wave lets the dealer in.
    const opened = (await director.data(UPDATE_WAVE, { input: { id: waveId, opensAt: new Date(Date.now() - 1000).toISOString() } }))
      .updateRolloutWave;
    expect(opened.wave).toMatchObject({ open: true });
    const welcome = (await new GraphQLClient(stack.gatewayUrl).data(LOGIN, { email: adminOf(target).email, password: 'demo-pass-2026' }))
      .login;
    expect(welcome.userErrors).toEqual([]);
    expect(welcome.accessToken).toBeTruthy();
    // Existing and demo dealers are in no wave: open.
    expect(
      await sql(
        `select count(*)::int as n from dealers.dealer d join dealers.user_account u on u.dealer_id = d.id where u.email like '%@demo.dealer' and d.rollout_wave_id is not null`,
      ),
    ).toEqual([{ n: 0 }]);
  });
});
