// The engine's one entry point: a sheet's snapshot in, every form on it read, scored and planned.
import { NATIONAL, type Profile } from './profile';
import type { SheetReport } from './report';
import type { Snapshot } from './types';

export function analyzeSheet(snapshot: Snapshot, profile: Profile = NATIONAL): SheetReport {
  void profile;
  return { sheet: snapshot.sheet, forms: [], findings: [] };
}
