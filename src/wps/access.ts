// Reading the WPS object model the same way whatever the build: a member that is a property in one
// build and a zero-argument method in another, and a block that comes back as rows, one flattened
// row, a scalar or an Item(r, c) wrapper.
import type { EtBlock, EtItemBlock, EtScalar, Member } from './jsapi';

/** Read `owner[key]`, calling it on its owner when this build made it a method. */
export function get<O extends object, K extends keyof O>(owner: O, key: K): O[K] extends Member<infer T> ? T : never {
  const member: unknown = owner[key];
  const value: unknown = typeof member === 'function' ? (member as () => unknown).call(owner) : member;
  return value as O[K] extends Member<infer T> ? T : never;
}

function isItemBlock(block: EtBlock): block is EtItemBlock {
  return typeof block === 'object' && block !== null && !Array.isArray(block) && typeof (block as EtItemBlock).Item === 'function';
}

/**
 * A block read as `rows` × `cols` cells. The Item wrapper holds the data already read (as VBA's
 * SAFEARRAY does), so reading it cell by cell does not go back to WPS.
 */
export function blockRows(block: EtBlock, rows: number, cols: number): EtScalar[][] {
  if (isItemBlock(block)) {
    return Array.from({ length: rows }, (_r, r) => Array.from({ length: cols }, (_c, c) => block.Item(r + 1, c + 1)));
  }
  if (!Array.isArray(block)) return [[block]];
  if (block.length > 0 && !Array.isArray(block[0])) {
    const flat = block as EtScalar[];
    return rows === 1 ? [flat] : flat.map((v) => [v]);
  }
  return block as EtScalar[][];
}
