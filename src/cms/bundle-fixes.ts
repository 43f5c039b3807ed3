/**
 * Corrections of Decap's own code, applied to its bundle as the site copies
 * it (`npm run build`) or serves it (`astro dev`, `npm start`); the package in
 * node_modules stays as published. Each correction names the code it expects:
 * when a new Decap no longer holds it, the build stops and says so, and the
 * correction is checked again (is the defect fixed upstream?) before the
 * version is taken.
 */

export interface BundleFix {
  /** The bundle file it applies to. */
  file: string;
  /** What it corrects, in French, for the message when it no longer applies. */
  title: string;
  /** The code it expects, exactly once. */
  find: RegExp;
  replace: (match: string, ...groups: string[]) => string;
}

export const bundleFixes: BundleFix[] = [
  {
    /*
     * Decap keeps what is typed in a form as a local backup and, when the
     * form is opened again, offers to restore it. It asks as soon as the
     * backup is read, while the form itself is still being prepared (a new
     * entry waits for the media library, an existing one for its file): when
     * that form arrives, empty or as saved, it replaces the restored values.
     * Same defect upstream: https://github.com/decaporg/decap-cms/issues/5055,
     * #5470, #6989.
     *
     * The editor (`componentDidUpdate` of `Editor.js` in decap-cms-core)
     * asks when a backup appears in its props; corrected, it asks when both
     * the backup and the form's draft are there (`draftKey` is set by every
     * draft Decap creates), so that accepting is the last word.
     */
    file: 'decap-cms.js',
    title: 'restaurer la sauvegarde locale d’un formulaire',
    find: /componentDidUpdate\((\w+)\)\{if\(!\1\.localBackup&&this\.props\.localBackup&&\(/g,
    replace: (_match, previous) =>
      `componentDidUpdate(${previous}){if(!(${previous}.localBackup&&${previous}.draftKey)&&this.props.localBackup&&this.props.draftKey&&(`,
  },
];

/** Thrown when a correction no longer finds its code: Decap changed. */
export class BundleFixError extends Error {}

/** The file with its corrections; throws when one of them does not find its code exactly once. */
export function fixBundle(file: string, source: string): string {
  let fixed = source;
  for (const fix of bundleFixes.filter((f) => f.file === file)) {
    const found = source.match(fix.find)?.length ?? 0;
    if (found !== 1) {
      throw new BundleFixError(
        `La correction de Decap CMS « ${fix.title} » attend son code une fois dans ${file}, elle l’y trouve ${found} fois : Decap CMS a changé. ` +
          'Vérifiez si la nouvelle version corrige elle-même ce défaut, puis adaptez ou retirez la correction dans src/cms/bundle-fixes.ts.',
      );
    }
    fixed = fixed.replace(fix.find, fix.replace);
  }
  return fixed;
}
