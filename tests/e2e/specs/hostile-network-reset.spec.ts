/**
 * Setup project of the privacy check (see support/network.ts and playwright.config.ts): this
 * run's record folder starts empty, so the teardown check reads only what this run recorded.
 */
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { test, expect } from '@playwright/test';
import { networkDir } from '../support/network';

test('privacy recorder: this run’s network record folder starts empty', () => {
  rmSync(networkDir, { recursive: true, force: true });
  mkdirSync(networkDir, { recursive: true });
  expect(existsSync(networkDir)).toBe(true);
  expect(readdirSync(networkDir)).toEqual([]);
});
