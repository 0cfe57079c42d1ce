// What some WPS webviews lack: crypto.randomUUID (missing in the Chromium of WPS 12.1.0.26200,
// docs/wps.md) is provided from crypto.getRandomValues, as RFC 4122 version 4.

interface CryptoLike {
  getRandomValues(array: Uint8Array): Uint8Array;
  randomUUID?: () => string;
}

export function uuidFrom(bytes: Uint8Array): string {
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function installCompat(scope: { crypto?: CryptoLike }): void {
  const crypto = scope.crypto;
  if (!crypto || typeof crypto.randomUUID === 'function') return;
  crypto.randomUUID = () => uuidFrom(crypto.getRandomValues(new Uint8Array(16)));
}
