'use strict';
// An SMSC built on the independent npm `smpp` package (0.5.1). Pigeon's client interop tests bind to it, and
// the benchmark runs Pigeon's load tool against it beside `pigeon simulate`. It accepts any bind (or only the
// given credentials), answers every submit_sm with a fresh message id and, unless --no-receipts, sends a
// delivery receipt for it at once. It prints one JSON line "ready" with its port, and a JSON summary on exit.
const smpp = require('smpp');

function arg(name, fallback) {
  const i = process.argv.indexOf('--' + name);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
}
const port = Number(arg('port', '0'));
const systemId = arg('system-id', '');
const password = arg('password', '');
const receipts = !process.argv.includes('--no-receipts');

let nextId = 0x10000;
const stats = { binds: 0, submits: 0, receipts_sent: 0, receipts_acked: 0, unbinds: 0, texts: [] };

function pad(n) { return String(n).padStart(2, '0'); }
function smppDate(d) {
  return pad(d.getUTCFullYear() % 100) + pad(d.getUTCMonth() + 1) + pad(d.getUTCDate()) + pad(d.getUTCHours()) + pad(d.getUTCMinutes());
}

const server = smpp.createServer({}, (session) => {
  session.on('error', () => {});
  const onBind = (pdu) => {
    if ((systemId && pdu.system_id !== systemId) || (password && pdu.password !== password)) {
      session.send(pdu.response({ command_status: smpp.ESME_RBINDFAIL }));
      return;
    }
    stats.binds++;
    session.send(pdu.response({ system_id: 'npm-smsc' }));
  };
  session.on('bind_transceiver', onBind);
  session.on('bind_transmitter', onBind);
  session.on('bind_receiver', onBind);
  session.on('enquire_link', (pdu) => session.send(pdu.response()));
  session.on('unbind', (pdu) => { stats.unbinds++; session.send(pdu.response()); session.close(); });
  session.on('deliver_sm_resp', () => { stats.receipts_acked++; });
  session.on('submit_sm', (pdu) => {
    stats.submits++;
    if (stats.texts.length < 50) {
      const sm = pdu.short_message;
      stats.texts.push(typeof sm === 'object' && sm !== null && 'message' in sm ? String(sm.message) : String(sm));
    }
    const id = (nextId++).toString(16);
    session.send(pdu.response({ message_id: id }));
    if (receipts && (pdu.registered_delivery & 0x03)) {
      const now = smppDate(new Date());
      const text = 'id:' + id + ' sub:001 dlvrd:001 submit date:' + now + ' done date:' + now + ' stat:DELIVRD err:000 text:';
      session.deliver_sm({
        source_addr: pdu.destination_addr,
        destination_addr: pdu.source_addr,
        esm_class: smpp.ESM_CLASS.MC_DELIVERY_RECEIPT,
        short_message: text,
        receipted_message_id: id,
        message_state: smpp.MESSAGE_STATE.DELIVERED,
      });
      stats.receipts_sent++;
    }
  });
});

function finish() {
  process.stdout.write(JSON.stringify({ summary: stats }) + '\n');
  process.exit(0);
}
process.on('SIGTERM', finish);
process.on('SIGINT', finish);
process.stdin.on('end', finish);
process.stdin.resume();

server.listen(port, '127.0.0.1', () => {
  process.stdout.write(JSON.stringify({ ready: true, port: server.address().port }) + '\n');
});
