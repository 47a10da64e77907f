// Unit tests of the console's KPI arithmetic (node --test, run by the Maven build in the test phase).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  againstTarget, aggregate, csvForShops, daysOf, peakDays, plusDays, valueOf,
} from '../../main/resources/META-INF/resources/console/js/kpis.js';

const row = (group, kpis) => ({ group, kpis });

test('sums of several shops give the KPI of their union', () => {
  const rows = [
    row({ vendor: 'vendor-a', shop: 'tmall' }, { responseRate: { value: 0.9, numerator: 9, denominator: 10, final: true } }),
    row({ vendor: 'vendor-a', shop: 'jd' }, { responseRate: { value: 0.5, numerator: 15, denominator: 30, final: true } }),
  ];
  const sum = aggregate(rows, (group) => group.vendor).get('vendor-a').get('responseRate');
  assert.equal(sum.numerator, 24);
  assert.equal(sum.denominator, 40);
  assert.equal(valueOf(sum, 'rate'), 0.6);
});

test('a count has no denominator and its value is the count', () => {
  const rows = [
    row({ day: '2026-06-01' }, { inquiries: { value: 7, numerator: 7, denominator: null, final: true } }),
    row({ day: '2026-06-02' }, { inquiries: { value: 5, numerator: 5, denominator: null, final: true } }),
  ];
  const sum = aggregate(rows, () => 'all').get('all').get('inquiries');
  assert.equal(sum.hasDenominator, false);
  assert.equal(valueOf(sum, 'count'), 12);
});

test('a zero denominator has no value, and a missing KPI neither', () => {
  const rows = [row({}, { csat: { value: null, numerator: 0, denominator: 0, final: true } })];
  const sums = aggregate(rows, () => 'all').get('all');
  assert.equal(valueOf(sums.get('csat'), 'rate'), null);
  assert.equal(valueOf(sums.get('abandonRate'), 'rate'), null);
});

test('a sum is final only when every part is, and lists every variant once', () => {
  const rows = [
    row({ shop: 'a' }, { withinThresholdRate: { numerator: 1, denominator: 2, final: true, variant: 'threshold=30s' } }),
    row({ shop: 'b' }, { withinThresholdRate: { numerator: 1, denominator: 2, final: false, variant: 'threshold=30s;threshold=60s' } }),
  ];
  const sum = aggregate(rows, () => 'all').get('all').get('withinThresholdRate');
  assert.equal(sum.final, false);
  assert.deepEqual([...sum.variants].sort(), ['threshold=30s', 'threshold=60s']);
});

test('rows the key function leaves out are not counted', () => {
  const rows = [
    row({ shop: 'a' }, { inquiries: { numerator: 3, denominator: null } }),
    row({ shop: 'b' }, { inquiries: { numerator: 4, denominator: null } }),
  ];
  const sums = aggregate(rows, (group) => (group.shop === 'a' ? 'kept' : undefined));
  assert.deepEqual([...sums.keys()], ['kept']);
  assert.equal(sums.get('kept').get('inquiries').numerator, 3);
});

test('amounts are summed as decimals', () => {
  const rows = [
    row({ day: '1' }, { averageOrderValue: { numerator: 100.1, denominator: 1 } }),
    row({ day: '2' }, { averageOrderValue: { numerator: 200.2, denominator: 2 } }),
  ];
  const sum = aggregate(rows, () => 'all').get('all').get('averageOrderValue');
  assert.ok(Math.abs(valueOf(sum, 'currency') - 100.1) < 1e-9);
});

test('targets: a maximum is met at or below it, a minimum at or above it', () => {
  assert.equal(againstTarget(30, { direction: 'max' }, 30), 'met');
  assert.equal(againstTarget(31, { direction: 'max' }, 30), 'missed');
  assert.equal(againstTarget(0.95, { direction: 'min' }, '0.95'), 'met');
  assert.equal(againstTarget(0.94, { direction: 'min' }, '0.95'), 'missed');
  assert.equal(againstTarget(0.94, { direction: 'min' }, undefined), null);
  assert.equal(againstTarget(null, { direction: 'min' }, 0.9), null);
});

test('days of a period include both ends and cross month ends', () => {
  assert.deepEqual(daysOf('2026-05-30', '2026-06-02'), ['2026-05-30', '2026-05-31', '2026-06-01', '2026-06-02']);
  assert.deepEqual(daysOf('2026-06-01', '2026-06-01'), ['2026-06-01']);
  assert.equal(plusDays('2026-03-01', -1), '2026-02-28');
  assert.equal(plusDays('2024-03-01', -1), '2024-02-29');
});

test('peak days are the busiest first, days without inquiries are none', () => {
  const byDay = new Map([['2026-06-01', 10], ['2026-06-02', 30], ['2026-06-03', 0], ['2026-06-04', 30]]);
  assert.deepEqual(peakDays(byDay), ['2026-06-02', '2026-06-04', '2026-06-01']);
});

test('the CSV of chosen shops keeps the header and those shops lines', () => {
  const csv = 'vendor,shop,kpi,value,numerator,denominator,final,variant\r\n'
    + 'vendor-a,shop-1,inquiries,3,3,,true,\r\n'
    + 'vendor-a,shop-2,inquiries,4,4,,true,\r\n'
    + 'vendor-a,shop-1,withinThresholdRate,0.5,1,2,true,threshold=30s\r\n';
  assert.equal(csvForShops(csv, ['shop-1']),
    'vendor,shop,kpi,value,numerator,denominator,final,variant\r\n'
    + 'vendor-a,shop-1,inquiries,3,3,,true,\r\n'
    + 'vendor-a,shop-1,withinThresholdRate,0.5,1,2,true,threshold=30s\r\n');
  assert.equal(csvForShops(csv, null), csv);
});
