// crypto.randomUUID where a WPS webview lacks it.
import { installCompat, uuidFrom } from '../../src/wps/compat';

test('a version 4 UUID from random bytes, installed only where missing', () => {
  expect(uuidFrom(new Uint8Array(16).fill(255))).toBe('ffffffff-ffff-4fff-bfff-ffffffffffff');
  const scope: { crypto: { getRandomValues(a: Uint8Array): Uint8Array; randomUUID?: () => string } } = {
    crypto: { getRandomValues: (a) => a },
  };
  installCompat(scope);
  expect(scope.crypto.randomUUID?.()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  const own = () => 'own';
  const modern = { crypto: { getRandomValues: (a: Uint8Array) => a, randomUUID: own } };
  installCompat(modern);
  expect(modern.crypto.randomUUID).toBe(own);
});
