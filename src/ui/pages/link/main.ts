/** Copies the form link so the coordinator can paste it into the neighbourhood chats. */
const input = document.getElementById('url') as HTMLInputElement | null;
document.getElementById('copy')?.addEventListener('click', () => {
  if (!input) return;
  input.select();
  void navigator.clipboard?.writeText(input.value).catch(() => document.execCommand('copy'));
});
