document.getElementById('close')?.addEventListener('click', () => google.script.host.close());
