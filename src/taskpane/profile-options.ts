// The scoring profiles the pane offers, named in Chinese: the national one, the examples the
// project ships (assets/profiles), and the person's own JSON. A refused profile is explained in
// plain words with its line and setting.
import { NATIONAL, type Profile } from '../core/profile';
import { parseProfile, ProfileError } from '../core/profile-parse';
import type { ProfileChoice } from '../door/records';
import output60 from '../../assets/profiles/output60-outcome30-no-satisfaction.json';
import { jsonProblem } from './json-problem';
import { t, type Locale } from './i18n';

export interface ProfileOption {
  /** The selector's value: "national", "example:<file>" or "custom". */
  id: string;
  label: string;
  /** The JSON an example holds (remembered in the workbook like a custom profile). */
  json?: string;
  source?: string;
}

const EXAMPLES: { source: string; json: unknown }[] = [{ source: 'output60-outcome30-no-satisfaction.json', json: output60 }];

/** "产出60 效益30 无满意度（示例 / example）" → "示例：产出60 效益30 无满意度". */
function exampleLabel(name: string, locale: Locale): string {
  return t(locale, 'profileExample', { name: name.replace(/（示例[^）]*）\s*$/, '').trim() });
}

export function profileOptions(locale: Locale): ProfileOption[] {
  return [
    { id: 'national', label: t(locale, 'profileNational') },
    ...EXAMPLES.map((e) => ({
      id: `example:${e.source}`,
      label: exampleLabel((e.json as { name: string }).name, locale),
      json: JSON.stringify(e.json, null, 2),
      source: e.source,
    })),
    { id: 'custom', label: t(locale, 'profileCustom') },
  ];
}

/** The selector's value for what the workbook remembers. */
export function optionFor(choice: ProfileChoice | null): string {
  if (!choice || choice.kind === 'builtin') return 'national';
  return EXAMPLES.some((e) => e.source === choice.source) ? `example:${choice.source}` : 'custom';
}

/** How the pane names a profile in use: in Chinese, never by its internal key. */
export function profileLabel(profile: Profile, choice: ProfileChoice | null, locale: Locale): string {
  if (profile === NATIONAL || !choice || choice.kind === 'builtin') return t(locale, 'profileNational');
  const example = EXAMPLES.find((e) => e.source === choice.source);
  return example ? exampleLabel((example.json as { name: string }).name, locale) : t(locale, 'profileCustomNamed', { name: profile.name });
}

export interface ProfileProblem {
  /** 1-based line of the text the problem is on, when known. */
  line: number | null;
  /** The setting at fault, when known. */
  setting: string | null;
  message: string;
}

/** The line of `text` on which a setting's key is written. */
function lineOfKey(text: string, key: string): number | null {
  const last = key.split('.').pop() ?? key;
  const at = text.indexOf(`"${last}"`);
  return at < 0 ? null : text.slice(0, at).split('\n').length;
}

/** The part of a bilingual "中文。 / English." message in the person's language. */
function ownLanguage(message: string, locale: Locale): string {
  const split = message.indexOf('。 / ');
  if (split < 0) return message;
  return locale === 'zh' ? message.slice(0, split + 1) : message.slice(split + 4);
}

/** Why a profile's text cannot be used, in the person's language, with its line and setting. */
export function explainProfileError(error: unknown, text: string, locale: Locale): ProfileProblem {
  if (error instanceof SyntaxError) {
    const problem = jsonProblem(text);
    return {
      line: problem?.line ?? null,
      setting: null,
      message: problem
        ? t(locale, 'profileJsonAt', { line: problem.line, column: problem.column, what: t(locale, `json.${problem.kind}`) })
        : t(locale, 'profileNotJson'),
    };
  }
  if (error instanceof ProfileError) {
    const line = error.key ? lineOfKey(text, error.key) : null;
    const detail = ownLanguage(error.message, locale)
      .replace(/^配置 [^：]*：/, '')
      .replace(/^in [^,]*, /, '');
    const where = line !== null ? t(locale, 'profileLine', { line }) : '';
    const setting = error.key ? t(locale, 'profileSetting', { key: error.key }) : '';
    return { line, setting: error.key, message: `${where}${setting}${detail}` };
  }
  return { line: null, setting: null, message: error instanceof Error ? error.message : String(error) };
}

/** Read a profile's text; throws SyntaxError or ProfileError. */
export function readProfileText(text: string, source: string): Profile {
  return parseProfile(JSON.parse(text), source);
}
