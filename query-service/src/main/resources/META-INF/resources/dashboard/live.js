// "N new claims": follows /api/stream while the dashboard is open. fetch rather than EventSource,
// because EventSource cannot send the X-API-Key header (and a key in the URL would end up in logs).
// Resumes with Last-Event-ID after a dropped connection, as EventSource would.

const KEY_ITEM = 'claimtrail.apiKey';

/** Calls onClaims(n) for every n claims that became served; never throws. */
export function followLive(onClaims) {
  let lastId = null;
  let delay = 1000;

  async function connect() {
    const headers = {Accept: 'text/event-stream'};
    const key = window.sessionStorage.getItem(KEY_ITEM);
    if (key) {
      headers['X-API-Key'] = key;
    }
    if (lastId) {
      headers['Last-Event-ID'] = lastId;
    }
    const response = await fetch('/api/stream?kind=claim', {headers: headers});
    if (!response.ok || !response.body) {
      throw new Error('stream refused: ' + response.status);
    }
    delay = 1000;
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const {value, done} = await reader.read();
      if (done) {
        return;
      }
      buffer += value;
      let end;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        dispatch(buffer.slice(0, end));
        buffer = buffer.slice(end + 2);
      }
    }
  }

  function dispatch(block) {
    let name = 'message';
    let id = null;
    for (const line of block.split('\n')) {
      if (line.startsWith('id:')) {
        id = line.slice(3).trim();
      } else if (line.startsWith('event:')) {
        name = line.slice(6).trim();
      }
    }
    if (id) {
      lastId = id;
    }
    if (name === 'claim') {
      onClaims(1);
    }
  }

  async function loop() {
    for (;;) {
      try {
        await connect();
      } catch (e) {
        // the service restarted, a proxy cut the stream, or reads need a key not given yet: retry
      }
      await new Promise(resolve => setTimeout(resolve, delay));
      delay = Math.min(delay * 2, 30000);
    }
  }

  loop();
}
