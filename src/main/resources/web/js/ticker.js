// One WebSocket to /ws/ticker for the whole page; listeners get every tick, the header shows its state.
const listeners = new Set();
let socket = null;
let symbols = [];

export function onTick(fn) {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

export function connect(wanted) {
  symbols = wanted;
  open();
}

function state(text, ok) {
  const s = document.getElementById('ticker-state');
  s.textContent = 'ticker: ' + text;
  s.className = 'pill ' + (ok ? 'ok' : 'bad');
}

function open() {
  socket = new WebSocket((location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/ws/ticker');
  socket.onopen = () => {
    state('live', true);
    socket.send(JSON.stringify({ type: 'subscribe', symbols }));
  };
  socket.onclose = () => {
    state('reconnecting', false);
    setTimeout(open, 3000);
  };
  socket.onmessage = ev => {
    const m = JSON.parse(ev.data);
    if (m.type === 'tick' || m.type === 'snapshot') listeners.forEach(fn => fn(m));
  };
}
