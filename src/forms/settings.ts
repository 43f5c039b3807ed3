/**
 * What a form's script reads from its page (`data-settings`): the entry type
 * and where to send it. What the rules need of the rest of the content (the
 * terms of each vocabulary, the structures) is what the form offers: its
 * boxes and lists.
 */
import type { Repository } from '../domain/forge.ts';

export interface FormSettings {
  type: 'providers' | 'recommendations';
  repository: Repository;
  contactEmail: string;
  /** The content folder in the repository: `content`. */
  folder: string;
}
