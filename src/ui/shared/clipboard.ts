/**
 * Copying a message from the sidebar. HtmlService serves every page inside nested cross-origin iframes,
 * sandboxed with allow-scripts, allow-same-origin, allow-forms, allow-popups, allow-modals and
 * allow-downloads (https://developers.google.com/apps-script/guides/html/restrictions) and no
 * clipboard permission. Chromium lets a cross-origin frame use navigator.clipboard.writeText only when
 * the frames above it delegate `clipboard-write` (allow="clipboard-write"), which Google's frames are
 * not documented to do: the call may reject with "The Clipboard API has been blocked because of a
 * permissions policy". document.execCommand('copy') on a selection is not gated by that policy
 * (https://issues.chromium.org/issues/327483127), and when even that fails the text is left selected
 * for the person to press Ctrl+C themselves.
 */
export type CopyResult = 'copied' | 'selected';

function selectAll(area: HTMLTextAreaElement): void {
  area.focus();
  area.select();
  area.setSelectionRange(0, area.value.length);
}

export async function copyText(area: HTMLTextAreaElement): Promise<CopyResult> {
  try {
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(area.value);
      return 'copied';
    }
  } catch {
    // Blocked by the frame's permissions policy, or no focus: the older way below.
  }
  selectAll(area);
  try {
    if (document.execCommand('copy')) return 'copied';
  } catch {
    // Some browsers throw instead of returning false.
  }
  selectAll(area);
  return 'selected';
}
