/**
 * Reads a pasted librehost.json or ChatonsInfos text and says what goes in
 * which field of the provider form, and what has no place there. Pure: it
 * parses text it is given (JSON.parse, or the `.properties` reader), never
 * evaluates it, never fetches an address it holds, and hands back plain
 * strings that the page writes as text. The pasted text is hostile: its size
 * is capped, every value is cut to a length and stripped of control
 * characters.
 */
import { normaliseName } from '../text/normalise.ts';
import { parseProperties, type PropertyEntry } from './properties.ts';
import {
  CHATONS_NETWORK,
  HOSTING_SERVICE,
  IMPORT_TARGETS,
  SOFTWARE_ALIASES,
  STRUCTURE_WORDS,
  type ImportFormat,
  type ImportTarget,
} from './sources.ts';

/** Twice the largest ChatonsInfos organization file seen with a few services: more is not a paste of them. */
export const MAX_IMPORT_CHARS = 100_000;
/** Longest text kept from one value: the description's own limit. */
const MAX_LONG_VALUE = 5000;
const MAX_VALUE = 300;

export interface Choice {
  value: string;
  label: string;
}

/** What the form offers, read from its own boxes and lists. */
export interface ImportChoices {
  structure: readonly Choice[];
  networks: readonly Choice[];
  services: readonly Choice[];
  tools: readonly Choice[];
  languages: readonly Choice[];
}

export interface ImportFill {
  target: ImportTarget;
  /** A text, or the values of the boxes to tick. */
  value: string | string[];
  /** The source keys it comes from. */
  from: string[];
}

export interface ImportLeftOut {
  key: string;
  value: string;
  /** Why, in French, to follow « non repris : ». */
  reason: string;
}

export interface ImportResult {
  format?: ImportFormat;
  /** Files read: 1 for a librehost.json, one per ChatonsInfos file. */
  files: number;
  fills: ImportFill[];
  leftOut: ImportLeftOut[];
  /** Nothing could be read, and why, in French. */
  problem?: string;
}

const REASON = {
  noField: 'pas de champ pour cela dans la fiche',
  file: 'décrit le fichier lui-même, pas la structure',
  notHttps: 'l’adresse doit commencer par https:// : à corriger avant de la saisir',
  unknownTool: 'logiciel absent de la liste de l’annuaire : citez-le dans la description',
  unknownLanguage: 'langue que le formulaire ne propose pas : précisez-la dans la description',
  unclearType: 'type de structure à choisir vous-même dans la liste',
  notEmail: 'ce n’est pas une adresse e-mail',
  duplicate: 'ce champ vient déjà d’une clé lue plus haut : la première valeur est gardée',
  service: 'détail d’un service hébergé, sans champ dans la fiche',
  chatonsLeft: 'l’adhésion à CHATONS ne semble pas active : cochez le réseau vous-même si elle l’est',
} as const;

// ---------------------------------------------------------------------------
// Values

/** Text as a person would read it: accents repaired, control characters out, cut to a length. */
export function cleanValue(raw: string, max = MAX_VALUE): string {
  return repairMojibake(raw)
    .replace(/\r\n?/g, '\n')
    .replace(/[\p{Cc}\p{Cf}]/gu, (c) => (c === '\n' ? c : c === '\t' ? ' ' : ''))
    .replace(/<br\s*\/?>/gi, '\n')
    .trim()
    .slice(0, max);
}

/**
 * UTF-8 read as Latin-1 on its way (« PrÃ©sentation »): a `.properties` file is
 * Latin-1 by tradition and ChatonsInfos files are UTF-8, so copies get mixed.
 * The bytes are read again as UTF-8 when they make valid UTF-8.
 */
function repairMojibake(text: string): string {
  if (!/[\u00C2-\u00F4][\u0080-\u00BF]/.test(text) || /[\u0100-\u{10FFFF}]/u.test(text)) return text;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(text, (c) => c.charCodeAt(0)));
  } catch {
    return text;
  }
}

const isHttps = (url: string) => /^https:\/\/[^\s/?#@]+\.[^\s/?#@]+/i.test(url);
const isEmail = (text: string) => /^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/.test(text);
const fold = (text: string) => normaliseName(text);

/** A tool of the list, by its slug, its label, the label's parts (« Element (Matrix) ») or a known other name. */
export function matchTool(name: string, tools: readonly Choice[]): string | undefined {
  const wanted = fold(name);
  if (!wanted) return undefined;
  const byName = tools.find((tool) => [tool.value, tool.label, tool.label.replace(/\s*\(.*\)\s*/, '')].some((n) => fold(n) === wanted));
  if (byName) return byName.value;
  const alias = Object.entries(SOFTWARE_ALIASES).find(([, names]) => names.some((n) => fold(n) === wanted));
  return alias && tools.some((tool) => tool.value === alias[0]) ? alias[0] : undefined;
}

/** A language of the form's list, by its code (« fr », « FR », « fr-FR ») or its French name (« breton »). */
export function matchLanguage(text: string, languages: readonly Choice[]): string | undefined {
  const code = /^([a-z]{2})(?:[-_][a-z]{2,4})?$/i.exec(text.trim())?.[1]?.toLowerCase();
  const wanted = fold(text);
  return languages.find((l) => l.value === code || fold(l.label) === wanted)?.value;
}

/** A kind of structure when the words say one kind and only one. */
export function matchStructure(text: string, offered: readonly Choice[]): string | undefined {
  const words = text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .split(/[^a-z]+/);
  const kinds = Object.entries(STRUCTURE_WORDS)
    .filter(([, names]) => names.some((n) => words.includes(n)))
    .map(([kind]) => kind);
  return kinds.length === 1 && offered.some((o) => o.value === kinds[0]) ? kinds[0] : undefined;
}

// ---------------------------------------------------------------------------
// The result, built as values are met

class Result {
  readonly fills = new Map<ImportTarget, ImportFill>();
  readonly leftOut: ImportLeftOut[] = [];

  /** A text field: the first value met is kept. */
  text(target: ImportTarget, key: string, value: string): boolean {
    if (this.fills.has(target)) {
      this.leave(key, value, REASON.duplicate);
      return false;
    }
    this.fills.set(target, { target, value, from: [key] });
    return true;
  }

  /** A list of boxes: values add up. */
  tick(target: ImportTarget, key: string, value: string) {
    const fill = this.fills.get(target) ?? { target, value: [] as string[], from: [] };
    const values = fill.value as string[];
    if (!values.includes(value)) values.push(value);
    if (!fill.from.includes(key)) fill.from.push(key);
    this.fills.set(target, fill);
  }

  leave(key: string, value: string, reason: string) {
    if (value !== '') this.leftOut.push({ key, value: cleanValue(value, 120), reason });
  }

  done(format: ImportFormat, files: number): ImportResult {
    const fills = [...this.fills.values()].sort((a, b) => IMPORT_TARGETS.indexOf(a.target) - IMPORT_TARGETS.indexOf(b.target));
    return { format, files, fills, leftOut: this.leftOut };
  }
}

function urlInto(result: Result, target: ImportTarget, key: string, value: string) {
  if (isHttps(value)) result.text(target, key, value);
  else result.leave(key, value, REASON.notHttps);
}

function emailInto(result: Result, key: string, value: string) {
  const email = value.replace(/^mailto:/i, '');
  if (isEmail(email)) result.text('contact.email', key, email);
  else result.leave(key, value, REASON.notEmail);
}

function toolInto(result: Result, choices: ImportChoices, key: string, name: string) {
  const tool = matchTool(name, choices.tools);
  if (tool) result.tick('tools', key, tool);
  else result.leave(key, name, REASON.unknownTool);
}

function structureInto(result: Result, choices: ImportChoices, key: string, value: string) {
  const kind = matchStructure(value, choices.structure);
  if (kind) result.text('structure', key, kind);
  else result.leave(key, value, REASON.unclearType);
}

function serviceInto(result: Result, choices: ImportChoices, key: string) {
  if (choices.services.some((s) => s.value === HOSTING_SERVICE)) result.tick('services', key, HOSTING_SERVICE);
}

// ---------------------------------------------------------------------------
// librehost.json

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** A JSON value as short text, for the list of what is left out. */
function shown(value: Json): string {
  if (value === null) return '';
  if (typeof value === 'object') return cleanValue(JSON.stringify(value), 120);
  return cleanValue(String(value));
}

function readLibrehost(data: { [key: string]: Json }, choices: ImportChoices): ImportResult {
  const result = new Result();
  const text = (key: string, max = MAX_VALUE) => {
    const raw = data[key];
    return typeof raw === 'string' ? cleanValue(raw, max) : '';
  };
  for (const [key, raw] of Object.entries(data)) {
    if (raw === null || raw === '' || (Array.isArray(raw) && raw.length === 0)) continue;
    const value = typeof raw === 'string' ? text(key) : '';
    switch (key) {
      case 'name':
        if (value) result.text('name', key, value);
        break;
      case 'homeUrl':
      case 'url':
        if (value) urlInto(result, 'website', key, value);
        break;
      case 'email':
        if (value) emailInto(result, key, value);
        break;
      case 'contactUrl':
        if (value) urlInto(result, 'contact.form', key, value);
        break;
      case 'organizationType':
        if (value) structureInto(result, choices, key, value);
        break;
      case 'communicationLanguages':
      case 'languages':
        for (const language of Array.isArray(raw) ? raw : [raw]) {
          if (typeof language !== 'string') continue;
          const code = matchLanguage(cleanValue(language, 40), choices.languages);
          if (code) result.tick('languages', key, code);
          else result.leave(key, language, REASON.unknownLanguage);
        }
        break;
      case 'services':
        for (const service of Array.isArray(raw) ? raw : [raw]) {
          const name =
            typeof service === 'string'
              ? service
              : service && typeof service === 'object' && !Array.isArray(service)
                ? [service.software, service.softwareName, service.name].find((n) => typeof n === 'string')
                : undefined;
          if (typeof name === 'string' && cleanValue(name)) toolInto(result, choices, key, cleanValue(name));
        }
        break;
      case 'isServiceProvider':
        if (raw === true) serviceInto(result, choices, key);
        break;
      case 'description':
      case 'tagLine':
        break;
      default:
        result.leave(key, shown(raw), key.startsWith('@') || key === 'version' ? REASON.file : REASON.noField);
    }
  }
  const about = [text('tagLine', MAX_LONG_VALUE), text('description', MAX_LONG_VALUE)].filter(Boolean);
  if (about.length > 0) {
    const from = ['tagLine', 'description'].filter((k) => text(k));
    result.fills.set('body', { target: 'body', value: about.join('\n\n').slice(0, MAX_LONG_VALUE), from });
  }
  return result.done('librehost', 1);
}

// ---------------------------------------------------------------------------
// ChatonsInfos

/** The files of a paste, told apart by `file.class`, or by a key met twice (a second file without its header). */
export function splitFiles(entries: readonly PropertyEntry[]): PropertyEntry[][] {
  const files: PropertyEntry[][] = [];
  let current: PropertyEntry[] = [];
  let keys = new Set<string>();
  for (const entry of entries) {
    if (current.length > 0 && (entry.key === 'file.class' || keys.has(entry.key))) {
      files.push(current);
      current = [];
      keys = new Set();
    }
    current.push(entry);
    keys.add(entry.key);
  }
  if (current.length > 0) files.push(current);
  return files;
}

const CHATONS_PREFIXES = /^(file|organization|service|software|host|subs|federation|metrics)\./;

function chatonsMembership(values: Map<string, string>): boolean | undefined {
  const level = values.get('organization.memberof.chatons.status.level')?.toUpperCase();
  const started = values.get('organization.memberof.chatons.startdate');
  const ended = values.get('organization.memberof.chatons.enddate');
  if (!level && !started) return undefined;
  return level ? level === 'ACTIVE' : !ended;
}

function readChatonsInfos(entries: readonly PropertyEntry[], choices: ImportChoices): ImportResult {
  const result = new Result();
  const files = splitFiles(entries);
  for (const file of files) {
    const values = new Map(file.map((e) => [e.key, e.value] as const));
    const isService =
      (values.get('file.class') ?? '').toLowerCase() === 'service' ||
      (!values.has('file.class') && [...values.keys()].some((k) => /^(service|software)\./.test(k)));
    const membership = chatonsMembership(values);
    for (const { key, value: raw } of file) {
      const long = key === 'organization.description';
      const value = cleanValue(raw, long ? MAX_LONG_VALUE : MAX_VALUE);
      if (value === '') continue;
      switch (key) {
        case 'organization.name':
          result.text('name', key, value);
          break;
        case 'organization.website':
          urlInto(result, 'website', key, value);
          break;
        case 'organization.contact.email':
          emailInto(result, key, value);
          break;
        case 'organization.contact.url':
          urlInto(result, 'contact.form', key, value);
          break;
        case 'organization.type':
          structureInto(result, choices, key, value);
          break;
        case 'organization.description':
          result.text('body', key, value);
          break;
        case 'software.name':
          toolInto(result, choices, key, value);
          break;
        case 'service.name':
          if (isService) serviceInto(result, choices, key);
          result.leave(key, value, REASON.service);
          break;
        default:
          if (key.startsWith('organization.memberof.chatons.')) {
            if (membership && choices.networks.some((n) => n.value === CHATONS_NETWORK)) result.tick('networks', key, CHATONS_NETWORK);
            else if (membership === false && key.endsWith('.status.level')) result.leave(key, value, REASON.chatonsLeft);
          } else {
            const reason = key.startsWith('file.') ? REASON.file : /^(service|software|host)\./.test(key) ? REASON.service : REASON.noField;
            result.leave(key, value, reason);
          }
      }
    }
  }
  return result.done('chatonsinfos', files.length);
}

// ---------------------------------------------------------------------------

/** Reads a paste: librehost.json when it is a JSON object, ChatonsInfos `.properties` otherwise. */
export function readImport(text: string, choices: ImportChoices): ImportResult {
  const empty = (problem: string): ImportResult => ({ files: 0, fills: [], leftOut: [], problem });
  if (text.length > MAX_IMPORT_CHARS)
    return empty(
      `Le texte collé est trop long (plus de ${MAX_IMPORT_CHARS.toLocaleString('fr-FR')} caractères) : collez seulement le fichier de votre structure et ceux de vos services.`,
    );
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (trimmed === '') return empty('Collez d’abord le contenu de votre fichier librehost.json ou de vos fichiers ChatonsInfos.');
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    let data: Json;
    try {
      data = JSON.parse(trimmed) as Json;
    } catch {
      return empty(
        'Ce texte commence comme un fichier librehost.json, mais il est incomplet ou mal formé : vérifiez qu’il a été copié en entier, de la première « { » à la dernière « } ».',
      );
    }
    // Some hosts wrap the description in `data`.
    const object = data && typeof data === 'object' && !Array.isArray(data) ? ('name' in data ? data : data.data) : undefined;
    if (!object || typeof object !== 'object' || Array.isArray(object))
      return empty('Ce JSON n’est pas un fichier librehost.json : il devrait décrire une seule structure, avec au moins « name ».');
    return readLibrehost(object, choices);
  }
  const entries = parseProperties(trimmed);
  if (!entries.some((e) => CHATONS_PREFIXES.test(e.key)))
    return empty(
      'Ce texte n’est ni un fichier librehost.json ni un fichier ChatonsInfos : aucune clé comme « organization.name » ou « service.name » n’y figure.',
    );
  return readChatonsInfos(entries, choices);
}
