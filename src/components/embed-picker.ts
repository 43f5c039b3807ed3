/**
 * On /integrer/, with JavaScript: a list chooses the network or the région
 * whose frame the preview shows and whose code is given above it, and a
 * button copies that code. The codes are those the page lists under each
 * embed (read from there, not built a second time). Without JavaScript the
 * page lists every embed with its code, and the preview shows the first.
 */
export function initEmbedPicker(): void {
  const picker = document.querySelector<HTMLElement>('[data-embed-picker]');
  const select = picker?.querySelector('select');
  const code = document.getElementById('code-choisi');
  const label = document.querySelector<HTMLElement>('[data-embed-label]');
  const preview = document.querySelector<HTMLIFrameElement>('#apercu-cadre');
  const copy = document.querySelector<HTMLElement>('[data-embed-copy]');
  if (!picker || !select || !code || !label || !preview || !copy) return;

  picker.hidden = false;
  select.addEventListener('change', () => {
    const option = select.selectedOptions[0];
    const source = document.getElementById(select.value);
    if (!option || !source) return;
    code.textContent = source.textContent;
    label.textContent = option.textContent;
    preview.title = option.dataset.title ?? preview.title;
    if (option.dataset.src) preview.src = option.dataset.src;
  });

  const button = copy.querySelector('button');
  const status = copy.querySelector('[role="status"]');
  copy.hidden = false;
  button?.addEventListener('click', async () => {
    if (!status) return;
    try {
      await navigator.clipboard.writeText(code.textContent ?? '');
      status.textContent = 'Code copié.';
    } catch {
      // Without clipboard access (an old browser, a page not served over HTTPS): select it for Ctrl+C.
      getSelection()?.selectAllChildren(code);
      status.textContent = 'Le code est sélectionné\u00A0: copiez-le avec Ctrl+C (ou Cmd+C).';
    }
  });
}
