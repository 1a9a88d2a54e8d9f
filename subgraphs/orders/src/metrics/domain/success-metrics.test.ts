import { describe, expect, it } from 'vitest';

import { isAfterHours, isKnownTimeZone, metricsPeriodProblem, type SuccessMetricCounts, successMetricsOf } from './success-metrics.js';

const counts = (over: Partial<SuccessMetricCounts> = {}): SuccessMetricCounts => ({
  orderCount: 200,
  selfPlacedOrders: 150,
  staffEnteredOrders: 40,
  dealersWithOrders: 30,
  activeDealers: 120,
  errorOrders: 6,
  afterHoursOrders: 50,
  shippedOrders: 100,
  processingSeconds: 100 * 36 * 3600,
  selfServiceViews: null,
  satisfactionScores: null,
  ...over,
});

describe('isAfterHours', () => {
  it('is 18:00 up to 09:00, both edges by the hour', () => {
    const after = Array.from({ length: 24 }, (_, localHour) => localHour).filter((localHour) => isAfterHours({ localHour }));
    expect(after).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 18, 19, 20, 21, 22, 23]);
  });
});

describe('isKnownTimeZone', () => {
  it('knows IANA names and nothing else', () => {
    expect(isKnownTimeZone({ timeZone: 'Europe/Istanbul' })).toBe(true);
    expect(isKnownTimeZone({ timeZone: 'UTC' })).toBe(true);
    expect(isKnownTimeZone({ timeZone: 'Mars/Olympus' })).toBe(false);
    expect(isKnownTimeZone({ timeZone: null })).toBe(false);
    expect(isKnownTimeZone({ timeZone: '' })).toBe(false);
  });
});

describe('successMetricsOf', () => {
  it('divides each count by its whole', () => {
    expect(successMetricsOf(counts())).toEqual({
      orderCount: 200,
      portalOrderRatio: 0.75,
      activeDealerRatio: 0.25,
      orderErrorRate: 0.03,
      averageProcessingHours: 36,
      afterHoursOrderRatio: 0.25,
      staffEnteredOrderRatio: 0.2,
      selfServiceRatio: null,
      dealerSatisfaction: null,
    });
  });

  it('answers null, not 0 or NaN, where there is nothing to divide by', () => {
    const empty = successMetricsOf(
      counts({
        orderCount: 0,
        selfPlacedOrders: 0,
        staffEnteredOrders: 0,
        dealersWithOrders: 0,
        activeDealers: 0,
        errorOrders: 0,
        afterHoursOrders: 0,
        shippedOrders: 0,
        processingSeconds: 0,
      }),
    );
    expect(empty).toEqual({
      orderCount: 0,
      portalOrderRatio: null,
      activeDealerRatio: null,
      orderErrorRate: null,
      averageProcessingHours: null,
      afterHoursOrderRatio: null,
      staffEnteredOrderRatio: null,
      selfServiceRatio: null,
      dealerSatisfaction: null,
    });
  });

  it('has no processing time while nothing of the period has shipped, and keeps the other ratios', () => {
    const m = successMetricsOf(counts({ shippedOrders: 0, processingSeconds: 0 }));
    expect(m.averageProcessingHours).toBeNull();
    expect(m.portalOrderRatio).toBe(0.75);
  });

  it('keeps ratios within 0 and 1', () => {
    expect(successMetricsOf(counts({ dealersWithOrders: 130 })).activeDealerRatio).toBe(1);
  });

  it('reads self-service views and survey answers once they are recorded', () => {
    const m = successMetricsOf(counts({ selfServiceViews: 600, satisfactionScores: [5, 4, 3] }));
    expect(m.selfServiceRatio).toBe(0.75);
    expect(m.dealerSatisfaction).toBe(0.75);
    expect(successMetricsOf(counts({ satisfactionScores: [] })).dealerSatisfaction).toBeNull();
  });
});

describe('metricsPeriodProblem', () => {
  it('wants a period that starts before it ends', () => {
    const t = new Date('2026-12-01T00:00:00Z');
    expect(metricsPeriodProblem({ from: t, to: new Date('2026-12-02T00:00:00Z') })).toBeNull();
    expect(metricsPeriodProblem({ from: t, to: t })).toMatch(/before it ends/);
    expect(metricsPeriodProblem({ from: new Date('x'), to: t })).toMatch(/instants/);
  });
});
