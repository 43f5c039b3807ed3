/**
 * What the no-account forms ask differently from the file, in one place:
 * what they fill in themselves, and the charter signed with a box to tick.
 * Light enough for the browser.
 */
import type { EntryTypeName } from '../schemas/index.ts';

/** What a form fills in itself: a new listing is reviewed, and its availability stated, the day it is written. */
export const FORM_FILLED: Partial<Record<EntryTypeName, readonly string[]>> = {
  providers: ['updated', 'availability.stated'],
};

/**
 * What a form asks though a file may leave it out: a new listing says whether
 * it takes on new associations (files already written are only warned).
 */
export const FORM_ASKED: Partial<Record<EntryTypeName, readonly string[]>> = {
  providers: ['availability'],
};

/** The checkbox of the charter, and what the form says when it is left unticked. */
export const CHARTER = {
  path: 'charter_signed',
  label: 'Je signe la charte Emancip’Asso au nom de la structure',
  hint: 'La charte se signe au moment de proposer sa structure : lisez-la, puis cochez la case. La date de signature figure sur la fiche.',
  missing: 'Cochez la case pour signer la charte : l’annuaire ne présente que des structures qui l’ont signée.',
} as const;

/** The key under which a form's draft is kept in this browser (localStorage), never sent anywhere. */
export const draftKey = (type: string) => `emancipasso-brouillon-${type}`;

/**
 * The vocabularies a form asks by name rather than with boxes: long lists
 * (forty tools, thirty languages) that a structure knows by heart; their
 * names are listed in the field's hint. Short lists (services, sizes,
 * networks) stay boxes: browsing them helps. Places are always asked by name
 * (src/forms/fields.ts).
 */
export const TYPED_VOCABULARIES: readonly string[] = ['tools', 'languages'];
