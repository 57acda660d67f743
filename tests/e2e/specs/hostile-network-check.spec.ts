/**
 * Teardown project of the privacy check (issue #9): after every e2e test of this run, no test
 * recorded a request by the extension other than the guide URL that test configured. Runs even
 * when tests failed, and counts in the passed/failed line.
 */
import { test, expect } from '@playwright/test';
import { CANARY_URL, readNetworkFiles, violations } from '../support/network';

test('privacy: the extension made no network request except a configured guide URL, in any test of this run', () => {
  const files = readNetworkFiles();
  const bad = files.flatMap(({ data }) => violations(data).map((r) => `${data.test}: ${r.from} ${r.method} ${r.url}`));
  expect(bad, 'disallowed requests, by test').toEqual([]);
  // Allowed requests only go to the URL configured in that same test.
  for (const { data } of files) {
    for (const r of data.extension.filter((x) => x.verdict === 'allowed')) expect(data.allowed, data.test).toContain(r.url);
  }
  // When the canary ran, the recorder saw its service-worker fetch: recording worked in this run.
  const canary = files.filter(({ data }) => data.extension.some((r) => r.url === CANARY_URL));
  for (const { data } of canary) {
    expect(data.extension.filter((r) => r.url === CANARY_URL && r.from === 'service-worker' && r.acknowledged).length, data.test).toBeGreaterThan(0);
  }
});
