// The broker chat panel: one WebSocket to /ws/chat (the session's CSRF token in the URL), opened
// when the agents page is first shown. The server sends {type:"line"|"prompt", text}; each line typed
// here goes back as one text frame.
import { token } from './api.js';

let socket = null;

function append(text, who) {
  const log = document.getElementById('c-log');
  const line = document.createElement('div');
  line.className = 'chat-line ' + who;
  line.textContent = text;
  log.appendChild(line);
  log.scrollTop = log.scrollHeight;
}

export async function open() {
  if (socket && socket.readyState <= 1) return;
  const t = await token();
  const prompt = document.getElementById('c-prompt');
  socket = new WebSocket((location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host
    + '/ws/chat?csrf=' + encodeURIComponent(t.value));
  socket.onmessage = e => {
    const m = JSON.parse(e.data);
    if (m.type === 'prompt') prompt.textContent = m.text;
    else append(m.text, m.text.startsWith('broker>') ? 'broker' : 'info');
  };
  socket.onclose = () => { prompt.textContent = '(chat closed — reload the page to start again)'; };
}

export function init() {
  document.getElementById('c-form').addEventListener('submit', e => {
    e.preventDefault();
    const input = document.getElementById('c-input');
    const text = input.value.trim();
    if (!text || !socket || socket.readyState !== 1) return;
    append(document.getElementById('c-prompt').textContent + text, 'you');
    socket.send(text);
    input.value = '';
  });
}
