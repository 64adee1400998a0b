'use strict';
// The API key is typed by the user and sent only in the x-api-key header; it is never stored.
(() => {
  const form = document.getElementById('compress-form');
  const input = document.getElementById('image');
  const drop = document.getElementById('drop');
  const status = document.getElementById('status');
  const result = document.getElementById('result');
  const before = document.getElementById('before');
  const after = document.getElementById('after');
  const clip = document.getElementById('before-clip');
  const slider = document.getElementById('slider');
  let originalUrl = null;

  const bytes = (n) => n < 1024 ? n + ' B' : n < 1048576 ? (n / 1024).toFixed(1) + ' KiB' : (n / 1048576).toFixed(2) + ' MiB';
  const say = (text, isError) => { status.textContent = text; status.className = isError ? 'error' : ''; };

  ['dragenter', 'dragover'].forEach((type) => drop.addEventListener(type, (e) => { e.preventDefault(); drop.classList.add('over'); }));
  ['dragleave', 'drop'].forEach((type) => drop.addEventListener(type, () => drop.classList.remove('over')));
  drop.addEventListener('drop', (e) => {
    e.preventDefault();
    if (e.dataTransfer.files.length > 0) {
      input.files = e.dataTransfer.files;
      input.dispatchEvent(new Event('change'));
    }
  });
  input.addEventListener('change', () => {
    const file = input.files[0];
    document.getElementById('drop-text').textContent = file ? file.name + ' (' + bytes(file.size) + ')' : 'Drop an image here or click to pick one';
  });
  slider.addEventListener('input', () => { clip.style.width = slider.value + '%'; });
  const fitBefore = () => { before.style.width = after.clientWidth + 'px'; };
  after.addEventListener('load', fitBefore);
  window.addEventListener('resize', fitBefore);

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const file = input.files[0];
    if (!file) { say('Pick an image first.', true); return; }
    const key = document.getElementById('api-key').value;
    const body = new FormData();
    body.append('image', file);
    if (form.elements.mode.value === 'target') {
      body.append('target', document.getElementById('target').value.trim());
    } else {
      body.append('quality', document.getElementById('quality').value.trim());
    }
    say('Compressing…');
    result.hidden = true;
    document.getElementById('submit').disabled = true;
    try {
      const response = await fetch('/compress', { method: 'POST', headers: { 'x-api-key': key }, body });
      const answer = await response.json().catch(() => ({}));
      if (!response.ok) {
        say((answer.code || response.status) + ': ' + (answer.message || response.statusText), true);
        return;
      }
      if (originalUrl) URL.revokeObjectURL(originalUrl);
      originalUrl = URL.createObjectURL(file);
      before.src = originalUrl;
      after.src = answer.url;
      document.getElementById('original-size').textContent = bytes(answer.originalSize);
      document.getElementById('compressed-size').textContent = bytes(answer.size) + ' (' + answer.width + ' × ' + answer.height + ')';
      const saving = answer.originalSize > 0 ? (100 * (1 - answer.size / answer.originalSize)).toFixed(1) : '0';
      document.getElementById('saving').textContent = saving + ' %';
      document.getElementById('chosen-quality').textContent = answer.quality + (answer.score !== undefined ? ' (SSIM ' + answer.score.toFixed(4) + ')' : '');
      const link = document.getElementById('url');
      link.href = answer.url;
      link.textContent = answer.url;
      result.hidden = false;
      say('Done.');
    } catch (error) {
      say('The request failed: ' + error.message, true);
    } finally {
      document.getElementById('submit').disabled = false;
    }
  });
})();
