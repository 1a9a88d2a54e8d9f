import { randomUUID } from 'node:crypto';

import { generateDemoData } from '@dealergraph/demo-data';
import { type GraphQLClient, startTestStack, type TestStack } from '@dealergraph/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { sweepApprovalDeadlines } from '../src/approvals/approval-escalation.service.js';
import { SEEDED_APPROVAL_RULES } from '../src/approvals/domain/approval-routing.js';
import { DEFAULT_WORKFLOW_SETTINGS } from '../src/config.js';

/**
 * The approval rule table through the real gateway: ADMIN reads and changes it (audited, FORBIDDEN to
 * others, bad values refused with codes and nothing changed, concurrent changes each audited), and
 * each new rule kind sends a real placeOrder to the approver it names.
 */
let stack: TestStack;
let admin: GraphQLClient;
let director: GraphQLClient;
let platinum: GraphQLClient;
let demo: ReturnType<typeof generateDemoData>;

const RULE = 'id name kind group level role enabled deadlineHours threshold { amount } discountPercent count handling';
const UPDATE = `mutation($input: UpdateApprovalRuleInput!) { updateApprovalRule(input: $input) { rule { ${RULE} } userErrors { code message field } } }`;
const PLACE =
  'mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { order { id status approvalSteps { level role rule reason } } userErrors { code message } } }';

beforeAll(async () => {
  // Generated before the stack starts: it blocks the event loop for seconds, which would race the
  // servers' keep-alive timers against the client's reused sockets.
  demo = generateDemoData();
  stack = await startTestStack();
  [admin, director, platinum] = await Promise.all(
    ['admin@demo.staff', 'director@demo.staff', 'platinum@demo.dealer'].map((e) => stack.loginAs(e)),
  );
}, 120_000);

afterAll(async () => {
  await stack?.stop();
});

const rules = async () => (await admin.data(`{ approvalRules { ${RULE} } }`)).approvalRules as any[];
const changes = async (ruleName: string | null = null) =>
  (
    await admin.data(
      'query($r: String) { approvalRuleChanges(first: 100, ruleName: $r) { totalCount nodes { ruleName action changedByEmail at reason before { level deadlineHours enabled threshold { amount } } after { level deadlineHours enabled threshold { amount } count discountPercent } } } }',
      { r: ruleName },
    )
  ).approvalRuleChanges;

async function update(input: Record<string, unknown>) {
  const { updateApprovalRule } = await admin.data(UPDATE, { input: { reason: 'test', ...input } });
  expect(updateApprovalRule.userErrors).toEqual([]);
  return updateApprovalRule.rule;
}

async function place(client: GraphQLClient, lines: { sku: string; quantity: number }[]) {
  const { placeOrder } = await client.data(PLACE, { input: { idempotencyKey: randomUUID(), lines } });
  expect(placeOrder.userErrors).toEqual([]);
  return placeOrder.order;
}

type CatalogItem = {
  sku: string;
  restriction: string | null;
  stock: { available: number };
  price: { unitPrice: { amount: string }; appliedRules: string[]; discountPercent: string } | null;
};
const catalog = async (client: GraphQLClient, first = 100): Promise<CatalogItem[]> =>
  (
    await client.data(
      'query($first: Int) { products(first: $first, filter: { inStockOnly: true }) { nodes { sku restriction stock { available } price { unitPrice { amount } appliedRules discountPercent } } } }',
      { first },
    )
  ).products.nodes;
/** An in-stock product under 1,000.00 that no rule looks at: no special price, no restriction. */
const ordinary = (items: CatalogItem[]) =>
  items.find(
    (p) =>
      p.price &&
      p.stock.available >= 1 &&
      !p.restriction &&
      !p.price.appliedRules.includes('SPECIAL_PRICE') &&
      Number(p.price.unitPrice.amount) < 1000,
  )!;

describe('the approval rule table', () => {
  it('starts with the demo rules and the new kinds, as seeded', async () => {
    const all = await rules();
    expect(all.map((r) => r.name).sort()).toEqual(SEEDED_APPROVAL_RULES.map((r) => r.name).sort());
    const byName = new Map(all.map((r) => [r.name, r]));
    expect(byName.get('AMOUNT_OVER_10000')).toMatchObject({
      kind: 'ORDER_TOTAL_ABOVE',
      level: 2,
      role: 'REGIONAL_MANAGER',
      threshold: { amount: '10000.00' },
      enabled: true,
    });
    expect(byName.get('AMOUNT_OVER_50000')).toMatchObject({ level: 3, role: 'SALES_DIRECTOR', threshold: { amount: '50000.00' } });
    expect(byName.get('CREDIT_APPROVAL')).toMatchObject({ kind: 'CREDIT_EXCEEDANCE', level: 4, role: 'FINANCE' });
    expect(byName.get('SPECIAL_PRODUCT')).toMatchObject({ handling: ['CONTRACT_ONLY', 'IMPORTED', 'QUOTA', 'HAZARDOUS'], enabled: true });
    expect(byName.get('NEW_DEALER_FIRST_ORDERS')).toMatchObject({ count: 3 });
    expect(byName.get('NON_CAMPAIGN_DISCOUNT')).toMatchObject({ discountPercent: '45.00', level: 2 });
    expect(byName.get('SPECIAL_PRICE')).toMatchObject({ enabled: false });
  });

  it('is ADMIN only: others get FORBIDDEN and change nothing', async () => {
    const before = await rules();
    for (const client of [director, platinum]) {
      const read = await client.request(`{ approvalRules { name } }`);
      expect(read.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      const audit = await client.request('{ approvalRuleChanges { totalCount } }');
      expect(audit.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      const { updateApprovalRule } = await client.data(UPDATE, {
        input: { name: 'AMOUNT_OVER_10000', threshold: '1.00', reason: 'sneaky' },
      });
      expect(updateApprovalRule).toMatchObject({ rule: null, userErrors: [{ code: 'FORBIDDEN' }] });
      const { createApprovalRule } = await client.data(
        'mutation($input: CreateApprovalRuleInput!) { createApprovalRule(input: $input) { rule { id } userErrors { code } } }',
        {
          input: { name: 'SNEAKY', kind: 'ORDER_TOTAL_ABOVE', group: 'AMOUNT', level: 1, threshold: '1.00', reason: 'sneaky' },
        },
      );
      expect(createApprovalRule).toMatchObject({ rule: null, userErrors: [{ code: 'FORBIDDEN' }] });
    }
    expect(await rules()).toEqual(before);
    expect((await changes()).totalCount).toBe(0);
  });

  it('refuses bad values with codes and changes nothing', async () => {
    const before = await rules();
    const refused = async (input: Record<string, unknown>) =>
      (await admin.data(UPDATE, { input: { reason: 'bad', ...input } })).updateApprovalRule;
    expect((await refused({ name: 'AMOUNT_OVER_10000', level: 9 })).userErrors.map((e: any) => e.code)).toEqual(['INVALID_LEVEL']);
    expect((await refused({ name: 'AMOUNT_OVER_10000', threshold: 'ten' })).userErrors.map((e: any) => e.code)).toEqual(['INVALID_AMOUNT']);
    expect((await refused({ name: 'AMOUNT_OVER_10000', deadlineHours: 0, level: 0 })).userErrors.map((e: any) => e.code)).toEqual([
      'INVALID_LEVEL',
      'INVALID_DEADLINE',
    ]);
    expect((await refused({ name: 'AMOUNT_OVER_10000', count: 3 })).userErrors.map((e: any) => e.code)).toEqual(['INVALID_PARAMETER']);
    expect((await refused({ name: 'SPECIAL_PRODUCT', handling: ['EXPLOSIVE'] })).userErrors.map((e: any) => e.code)).toEqual([
      'INVALID_HANDLING',
    ]);
    expect((await refused({ name: 'CREDIT_APPROVAL', enabled: false })).userErrors.map((e: any) => e.code)).toEqual(['INVALID_CHANGE']);
    expect((await refused({ name: 'AMOUNT_OVER_10000', threshold: '20000.00', reason: ' ' })).userErrors.map((e: any) => e.code)).toEqual([
      'REASON_REQUIRED',
    ]);
    expect((await refused({ name: 'NO_SUCH_RULE', enabled: false })).userErrors.map((e: any) => e.code)).toEqual(['NOT_FOUND']);
    expect((await refused({ name: 'AMOUNT_OVER_10000' })).userErrors.map((e: any) => e.code)).toEqual(['NOTHING_TO_CHANGE']);
    expect(await rules()).toEqual(before);
    expect((await changes()).totalCount).toBe(0);
  });

  it('audits each change with who, when, before, after and why; concurrent changes each against the value they replaced', async () => {
    const started = Date.now();
    const changed = await update({
      name: 'AMOUNT_OVER_10000',
      threshold: '12000.00',
      deadlineHours: 8,
      reason: 'Fewer approvals for mid-size orders',
    });
    expect(changed).toMatchObject({ threshold: { amount: '12000.00' }, deadlineHours: 8 });
    const [first] = (await changes('AMOUNT_OVER_10000')).nodes;
    expect(first).toMatchObject({
      ruleName: 'AMOUNT_OVER_10000',
      action: 'UPDATED',
      changedByEmail: 'admin@demo.staff',
      reason: 'Fewer approvals for mid-size orders',
      before: { threshold: { amount: '10000.00' }, deadlineHours: null },
      after: { threshold: { amount: '12000.00' }, deadlineHours: 8 },
    });
    expect(new Date(first.at).getTime()).toBeGreaterThanOrEqual(started - 1000);

    // Eight admins at once: each change is applied and audited; the audit trail chains without a gap.
    const hours = [10, 11, 12, 13, 14, 15, 16, 17];
    await Promise.all(hours.map((h) => update({ name: 'AMOUNT_OVER_10000', deadlineHours: h, reason: `parallel ${h}` })));
    const trail = (await changes('AMOUNT_OVER_10000')).nodes.slice(0, hours.length).reverse();
    expect(trail.map((c: any) => c.after.deadlineHours).sort()).toEqual(hours);
    let previous = 8;
    for (const change of trail) {
      expect(change.before.deadlineHours).toBe(previous);
      previous = change.after.deadlineHours;
    }
    expect((await rules()).find((r) => r.name === 'AMOUNT_OVER_10000').deadlineHours).toBe(previous);
    await update({ name: 'AMOUNT_OVER_10000', threshold: '10000.00', clearDeadline: true, reason: 'back to the demo rule' });
  });

  it('creates a rule (audited as CREATED), refuses a taken name, and routes by it', async () => {
    const CREATE =
      'mutation($input: CreateApprovalRuleInput!) { createApprovalRule(input: $input) { rule { name kind level threshold { amount } deadlineHours } userErrors { code field } } }';
    const input = {
      name: 'AMOUNT_OVER_0',
      kind: 'ORDER_TOTAL_ABOVE',
      group: 'TEST_SMALL',
      level: 5,
      threshold: '0.00',
      deadlineHours: 2,
      reason: 'Every order to the GM (test)',
    };
    const { createApprovalRule } = await admin.data(CREATE, { input });
    expect(createApprovalRule).toEqual({
      rule: { name: 'AMOUNT_OVER_0', kind: 'ORDER_TOTAL_ABOVE', level: 5, threshold: { amount: '0.00' }, deadlineHours: 2 },
      userErrors: [],
    });
    expect((await admin.data(CREATE, { input })).createApprovalRule.userErrors).toEqual([
      { code: 'DUPLICATE_NAME', field: ['input', 'name'] },
    ]);
    expect((await changes('AMOUNT_OVER_0')).nodes).toMatchObject([
      { action: 'CREATED', before: null, after: { level: 5, deadlineHours: 2, threshold: { amount: '0.00' } } },
    ]);

    const order = await place(platinum, [{ sku: ordinary(await catalog(platinum)).sku, quantity: 1 }]);
    expect(order.status).toBe('PENDING_APPROVAL');
    expect(order.approvalSteps).toMatchObject([{ level: 5, role: 'GENERAL_MANAGER', rule: 'AMOUNT_OVER_0' }]);
    // The step's deadline is the rule's 2 hours, not the level's default 48.
    await sweepApprovalDeadlines(stack.orms.orders.em.fork(), {
      now: new Date(),
      settings: DEFAULT_WORKFLOW_SETTINGS.approvalDeadlines,
      notBefore: new Date(0),
    });
    const { order: scheduled } = await admin.data('query($id: ID!) { order(id: $id) { placedAt approvalSteps { dueAt } } }', {
      id: order.id,
    });
    expect(new Date(scheduled.approvalSteps[0].dueAt).getTime() - new Date(scheduled.placedAt).getTime()).toBe(2 * 3_600_000);
    await update({ name: 'AMOUNT_OVER_0', enabled: false, reason: 'test done' });
    // Switched off, the same order approves itself again.
    expect((await place(platinum, [{ sku: ordinary(await catalog(platinum)).sku, quantity: 1 }])).status).toBe('APPROVED');
  });
});

describe('the rule kinds beyond the demo rules, through placeOrder', () => {
  it('SPECIAL_PRICE: a line priced from a special price waits for a SALES_REP once the rule is on', async () => {
    const special = (await catalog(platinum)).find(
      (p) =>
        p.price?.appliedRules.includes('SPECIAL_PRICE') &&
        !p.restriction &&
        p.stock.available >= 1 &&
        Number(p.price.unitPrice.amount) < 1000,
    );
    expect(special, 'Demo Platinum has special prices on the first catalog page').toBeDefined();
    expect((await place(platinum, [{ sku: special!.sku, quantity: 1 }])).status).toBe('APPROVED');
    await update({ name: 'SPECIAL_PRICE', enabled: true, reason: 'review special prices' });
    const order = await place(platinum, [{ sku: special!.sku, quantity: 1 }]);
    expect(order).toMatchObject({ status: 'PENDING_APPROVAL', approvalSteps: [{ level: 1, role: 'SALES_REP', rule: 'SPECIAL_PRICE' }] });
    expect(order.approvalSteps[0].reason).toContain(special!.sku);
    await update({ name: 'SPECIAL_PRICE', enabled: false, reason: 'test done' });
  });

  it('NON_CAMPAIGN_DISCOUNT: a special price deeper than the threshold waits for a REGIONAL_MANAGER; tier pricing does not', async () => {
    const items = await catalog(platinum);
    const special = items.find(
      (p) =>
        p.price?.appliedRules.includes('SPECIAL_PRICE') &&
        !p.restriction &&
        p.stock.available >= 1 &&
        Number(p.price.unitPrice.amount) < 1000,
    )!;
    const tierOnly = items.find(
      (p) =>
        p.price &&
        p.price.appliedRules.join() === 'TIER' &&
        !p.restriction &&
        p.stock.available >= 1 &&
        Number(p.price.unitPrice.amount) < 1000,
    )!;
    const depth = Number(special.price!.discountPercent);
    // Tier 20 % < threshold < the special price's discount.
    await update({ name: 'NON_CAMPAIGN_DISCOUNT', discountPercent: (depth - 0.5).toFixed(2), reason: 'tighter' });
    expect((await place(platinum, [{ sku: tierOnly.sku, quantity: 1 }])).status).toBe('APPROVED');
    const order = await place(platinum, [{ sku: special.sku, quantity: 1 }]);
    expect(order).toMatchObject({
      status: 'PENDING_APPROVAL',
      approvalSteps: [{ level: 2, role: 'REGIONAL_MANAGER', rule: 'NON_CAMPAIGN_DISCOUNT' }],
    });
    await update({ name: 'NON_CAMPAIGN_DISCOUNT', discountPercent: '45.00', reason: 'test done' });
  });

  it('SPECIAL_PRODUCT: a contract, imported, quota or hazardous product waits for a SALES_REP', async () => {
    const restricted = (await catalog(platinum)).find(
      (p) => p.restriction && p.price && p.stock.available >= 1 && Number(p.price.unitPrice.amount) < 1000,
    );
    expect(restricted, 'Demo Platinum is granted the restricted products of the first page').toBeDefined();
    const order = await place(platinum, [{ sku: restricted!.sku, quantity: 1 }]);
    expect(order).toMatchObject({ status: 'PENDING_APPROVAL', approvalSteps: [{ level: 1, role: 'SALES_REP', rule: 'SPECIAL_PRODUCT' }] });
    expect(order.approvalSteps[0].reason).toContain(restricted!.restriction);
    // Only the classes the rule names fire.
    const others = ['CONTRACT_ONLY', 'IMPORTED', 'QUOTA', 'HAZARDOUS'].filter((h) => h !== restricted!.restriction);
    await update({ name: 'SPECIAL_PRODUCT', handling: others, reason: 'not this class' });
    expect((await place(platinum, [{ sku: restricted!.sku, quantity: 1 }])).status).toBe('APPROVED');
    await update({ name: 'SPECIAL_PRODUCT', handling: ['CONTRACT_ONLY', 'IMPORTED', 'QUOTA', 'HAZARDOUS'], reason: 'test done' });

    // Hazardous goods (a product attribute of the products subgraph, seeded on a few demo products).
    let hazardous: string | null = null;
    for (const product of demo.products.filter((p) => p.hazardous).slice(0, 10)) {
      const { product: shown } = await platinum.data(
        'query($sku: String!) { product(sku: $sku) { sku restriction stock { available } price { unitPrice { amount } } } }',
        { sku: product.sku },
      );
      if (shown && !shown.restriction && shown.price && shown.stock.available >= 1 && Number(shown.price.unitPrice.amount) < 1000) {
        hazardous = shown.sku;
        break;
      }
    }
    expect(hazardous, 'an orderable hazardous demo product').not.toBeNull();
    const hazardousOrder = await place(platinum, [{ sku: hazardous!, quantity: 1 }]);
    expect(hazardousOrder).toMatchObject({ status: 'PENDING_APPROVAL', approvalSteps: [{ level: 1, rule: 'SPECIAL_PRODUCT' }] });
    expect(hazardousOrder.approvalSteps[0].reason).toContain('HAZARDOUS');
  });

  it("NEW_DEALER_FIRST_ORDERS: a new dealer's first N orders wait for a SALES_REP; the demo dealers' do not", async () => {
    await update({ name: 'NEW_DEALER_FIRST_ORDERS', count: 100, reason: 'count the demo history in' });
    expect((await place(platinum, [{ sku: ordinary(await catalog(platinum)).sku, quantity: 1 }])).status).toBe('APPROVED');
    let placed = 0;
    for (const dealer of demo.dealers.filter((d) => !d.firstOrdersReviewed).slice(0, 5)) {
      const client = await stack.loginAs(`admin@${dealer.code.toLowerCase()}.dealer`);
      const item = ordinary(await catalog(client));
      if (!item) continue;
      const { placeOrder } = await client.data(PLACE, { input: { idempotencyKey: randomUUID(), lines: [{ sku: item.sku, quantity: 1 }] } });
      // A new dealer may be refused for its credit; any that can order shows the rule.
      if (placeOrder.userErrors.length) continue;
      expect(placeOrder.order).toMatchObject({
        status: 'PENDING_APPROVAL',
        approvalSteps: [{ level: 1, rule: 'NEW_DEALER_FIRST_ORDERS' }],
      });
      placed += 1;
    }
    expect(placed).toBeGreaterThan(0);
    await update({ name: 'NEW_DEALER_FIRST_ORDERS', count: 3, reason: 'test done' });
  });
});
