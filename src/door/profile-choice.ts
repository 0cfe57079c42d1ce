// The profile a workbook remembers (settings key jixiao.profile) turned into the engine's Profile.
import { BUILTIN_PROFILES, NATIONAL, type Profile } from '../core/profile';
import { parseProfile } from '../core/profile-parse';
import type { ProfileChoice } from './records';

/** The national profile when nothing is remembered; a stored custom JSON is validated again (it may come from an older version). */
export function profileFromChoice(choice: ProfileChoice | null): Profile {
  if (!choice) return NATIONAL;
  if (choice.kind === 'builtin') return BUILTIN_PROFILES[choice.name] ?? NATIONAL;
  return parseProfile(JSON.parse(choice.json), choice.source);
}

/** A pasted or loaded JSON text as a choice to remember; throws SyntaxError or ProfileError. */
export function customChoice(text: string, source: string): { choice: ProfileChoice; profile: Profile } {
  const profile = parseProfile(JSON.parse(text), source);
  return { choice: { kind: 'custom', source, json: text }, profile };
}
