/**
 * What a provider already publishes about itself, and where each piece goes
 * in the form « Proposer une structure »: a Librehosters `librehost.json`
 * (JSON, the Librehosters network's description of a host) or ChatonsInfos
 * `.properties` files (the CHATONS federation's format, one organization
 * file and one file per service). This table is the one place that says it:
 * the form's import, its instructions without JavaScript and docs/import.md
 * read it.
 */
import type { StructureType } from '../../schemas/provider.ts';

export type ImportFormat = 'librehost' | 'chatonsinfos';

/** The form fields an import can fill, by their path in the entry, in the form's order. */
export const IMPORT_TARGETS = [
  'name',
  'structure',
  'networks',
  'website',
  'contact.email',
  'contact.form',
  'services',
  'tools',
  'languages',
  'body',
] as const;
export type ImportTarget = (typeof IMPORT_TARGETS)[number];

export interface ImportRule {
  format: ImportFormat;
  /** Source keys, the first one found winning; `*` stands for any part of a key. */
  keys: readonly string[];
  target: ImportTarget;
  /** How the value is taken, in French, for the instructions and the docs (empty: as it is). */
  how: string;
}

export const FORMAT_NAMES: Record<ImportFormat, string> = {
  librehost: 'librehost.json',
  chatonsinfos: 'ChatonsInfos',
};

export const IMPORT_RULES: readonly ImportRule[] = [
  { format: 'librehost', keys: ['name'], target: 'name', how: '' },
  { format: 'librehost', keys: ['homeUrl', 'url'], target: 'website', how: 'si l’adresse commence par https://' },
  { format: 'librehost', keys: ['email'], target: 'contact.email', how: '' },
  { format: 'librehost', keys: ['contactUrl'], target: 'contact.form', how: 'si l’adresse commence par https://' },
  {
    format: 'librehost',
    keys: ['organizationType'],
    target: 'structure',
    how: 'quand le mot est clair : association, coopérative, collectif, entreprise, indépendant',
  },
  {
    format: 'librehost',
    keys: ['communicationLanguages', 'languages'],
    target: 'languages',
    how: 'les codes à deux lettres (fr, br, en…) que le formulaire propose',
  },
  {
    format: 'librehost',
    keys: ['services'],
    target: 'tools',
    how: 'chaque logiciel reconnu dans la liste de l’annuaire, par son nom ou un autre nom connu',
  },
  { format: 'librehost', keys: ['isServiceProvider'], target: 'services', how: '« Hébergement de services » si la valeur est true' },
  {
    format: 'librehost',
    keys: ['description', 'tagLine'],
    target: 'body',
    how: 'comme point de départ, si la description est vide',
  },
  { format: 'chatonsinfos', keys: ['organization.name'], target: 'name', how: '' },
  { format: 'chatonsinfos', keys: ['organization.website'], target: 'website', how: 'si l’adresse commence par https://' },
  { format: 'chatonsinfos', keys: ['organization.contact.email'], target: 'contact.email', how: '' },
  { format: 'chatonsinfos', keys: ['organization.contact.url'], target: 'contact.form', how: 'si l’adresse commence par https://' },
  {
    format: 'chatonsinfos',
    keys: ['organization.type'],
    target: 'structure',
    how: 'ASSOCIATION, COOPERATIVE, INFORMAL (collectif), COMPANY ou MICROCOMPANY (entreprise), INDIVIDUAL (indépendant)',
  },
  {
    format: 'chatonsinfos',
    keys: ['organization.memberof.chatons.*'],
    target: 'networks',
    how: '« CHATONS » si l’adhésion est active',
  },
  {
    format: 'chatonsinfos',
    keys: ['software.name'],
    target: 'tools',
    how: 'dans chaque fichier de service, le logiciel s’il est dans la liste de l’annuaire',
  },
  {
    format: 'chatonsinfos',
    keys: ['service.name'],
    target: 'services',
    how: '« Hébergement de services » dès qu’un fichier de service est collé',
  },
  {
    format: 'chatonsinfos',
    keys: ['organization.description'],
    target: 'body',
    how: 'comme point de départ, si la description est vide',
  },
];

/** The service an import can tell for sure: a host hosts services. */
export const HOSTING_SERVICE = 'hebergement';
/** The network a ChatonsInfos organization file can tell for sure. */
export const CHATONS_NETWORK = 'chatons';

/**
 * Words that name a kind of structure without doubt, in ChatonsInfos'
 * `organization.type` values and in the free text of librehost.json's
 * `organizationType` (French or English), compared without case or accents.
 */
export const STRUCTURE_WORDS: Record<StructureType, readonly string[]> = {
  association: ['association', 'asso', 'nonprofit', 'ngo'],
  cooperative: ['cooperative', 'coop', 'scop', 'scic', 'cae'],
  collectif: ['informal', 'collectif', 'collective'],
  entreprise: ['company', 'microcompany', 'entreprise', 'business', 'sarl', 'sas', 'sasu', 'eurl'],
  independant: ['individual', 'independant', 'independante', 'freelance', 'microentreprise'],
};

/**
 * Other names under which a tool of the directory's list is published (a
 * former name, the server's name, a common short form), by tool slug. A name
 * equal to a tool's slug or label, without case, accents or punctuation,
 * needs no entry here.
 */
export const SOFTWARE_ALIASES: Record<string, readonly string[]> = {
  'jitsi-meet': ['Jitsi'],
  'collabora-online': ['Collabora', 'Collabora Online Development Edition', 'Collabora CODE'],
  onlyoffice: ['OnlyOffice', 'ONLYOFFICE Document Server', 'OnlyOffice Docs'],
  element: ['Matrix', 'Synapse', 'Matrix Synapse', 'Element Web', 'Riot'],
  etherpad: ['Etherpad Lite', 'Etherpad-lite', 'Framapad'],
  hedgedoc: ['CodiMD'],
  paheko: ['Garradin'],
  yakforms: ['Framaforms'],
  vaultwarden: ['Bitwarden_RS', 'Bitwarden RS'],
  bigbluebutton: ['BBB'],
  framadate: ['Studs'],
  wordpress: ['WordPress.org'],
  discourse: ['Discourse forum'],
  mastodon: ['Glitch-soc'],
};
