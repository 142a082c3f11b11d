'use strict';
// An ESME built on the independent npm `smpp` package (0.5.1): binds to a Pigeon SMPP server, submits messages,
// and collects the delivery receipts that come back. Its last line is one JSON object the tests assert on.
//   node esme.js --port P [--system-id S --password P --mode trx|tx --count N --text T --unicode --wait-ms MS]
const smpp = require('smpp');

function arg(name, fallback) {
  const i = process.argv.indexOf('--' + name);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
}
const port = Number(arg('port', '2775'));
const count = Number(arg('count', '1'));
const mode = arg('mode', 'trx');
const text = arg('text', 'Hello from the npm smpp package');
const unicode = process.argv.includes('--unicode');
const waitMs = Number(arg('wait-ms', '10000'));
const result = { bind_status: null, submitted: 0, ok: 0, errors: {}, message_ids: [], receipts: [], receipts_matched: 0 };

function done() {
  const ids = new Set(result.message_ids);
  result.receipts_matched = result.receipts.filter((r) => ids.has(r.receipted_message_id)).length;
  process.stdout.write(JSON.stringify(result) + '\n');
  process.exit(0);
}
setTimeout(done, waitMs);

const session = smpp.connect({ url: 'smpp://127.0.0.1:' + port });
session.on('error', (e) => { result.error = String(e && e.message || e); done(); });
session.on('close', () => { if (result.bind_status === null) { result.error = 'closed'; done(); } });
session.on('deliver_sm', (pdu) => {
  const sm = pdu.short_message;
  result.receipts.push({
    esm_class: pdu.esm_class,
    receipted_message_id: pdu.receipted_message_id,
    message_state: pdu.message_state,
    text: typeof sm === 'object' && sm !== null && 'message' in sm ? String(sm.message) : String(sm),
  });
  session.send(pdu.response());
  if (result.receipts.length >= count && result.submitted >= count) {
    setTimeout(done, 100);
  }
});

session.on('connect', () => {
  const bind = mode === 'tx' ? 'bind_transmitter' : 'bind_transceiver';
  session[bind]({ system_id: arg('system-id', 'npm'), password: arg('password', 'secret') }, (pdu) => {
    result.bind_status = pdu.command_status;
    result.sc_interface_version = pdu.sc_interface_version;
    if (pdu.command_status !== 0) { done(); return; }
    let answered = 0;
    for (let i = 0; i < count; i++) {
      session.submit_sm({
        data_coding: unicode ? smpp.ENCODING.UCS2 : null,
        source_addr: 'Pigeon', source_addr_ton: 5, source_addr_npi: 0,
        destination_addr: '4479' + String(10000000 + i), dest_addr_ton: 1, dest_addr_npi: 1,
        registered_delivery: 1, short_message: text,
      }, (resp) => {
        answered++;
        if (resp.command_status === 0) { result.ok++; result.message_ids.push(resp.message_id); }
        else { result.errors[resp.command_status] = (result.errors[resp.command_status] || 0) + 1; }
        if (answered === count && (mode === 'tx' || result.ok === 0)) { done(); }
      });
      result.submitted++;
    }
  });
});
