/**
 * « Recommander cette structure » links name the structure in the address;
 * one not published yet is only named by the link it sent to the
 * associations it accompanied: its name, shown as text. Loaded by the
 * recommendation page alone.
 */
export function presetProvider(form: HTMLFormElement) {
  const params = new URLSearchParams(location.search);
  const preset = params.get('structure');
  const provider = form.querySelector<HTMLSelectElement>('select[name="provider"]');
  if (preset && provider && /^[a-z0-9]+(-[a-z0-9]+)*$/.test(preset) && preset.length <= 60) {
    if (![...provider.options].some((option) => option.value === preset)) {
      const name = (params.get('nom') ?? '')
        .replace(/[\p{Cc}\p{Cf}]/gu, '')
        .trim()
        .slice(0, 120);
      provider.add(new Option(name ? `${name} (pas encore publiée)` : `Structure pas encore publiée (${preset})`, preset));
    }
    provider.value = preset;
  }
}
