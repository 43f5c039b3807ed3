/**
 * The content folder in the repository, unless `CONTENT_DIR` or `--content`
 * names another. A module of its own: the commands read it before loading
 * the schemas.
 */
export const CONTENT_FOLDER = 'content';
