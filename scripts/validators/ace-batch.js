'use strict';
// ace-batch.js — Ace by DAISY run once per request, in one Node process with one browser.
//
// Started once per EPUB, Ace loads its modules and launches Chromium each time; here the
// puppeteer runner is launched once (its launch/close made once-only) and every EPUB is checked
// through Ace's own library (@daisy/ace-core), which writes the same report.json as ace-cli -o.
// Protocol, one request per line on stdin: "<epub><TAB><report folder>"; one answer line per
// request on stdout, in order: "done 0", or "done 1 <message>" when Ace failed.
// Installed beside node_modules by scripts/install-validators.sh (bin/ace-batch runs it).

const readline = require('readline');
const ace = require('@daisy/ace-core');
const runner = require('@daisy/ace-axe-runner-puppeteer');
const logger = require('@daisy/ace-logger');

let launched = null;
const once = Object.assign({}, runner, {
  launch: () => (launched = launched || runner.launch()),
  close: async () => {},
});
logger.initLogger({ verbose: false, silent: true });

const answer = (text) => process.stdout.write(`${text}\n`);
let queue = Promise.resolve();
const requests = readline.createInterface({ input: process.stdin });
requests.on('line', (line) => {
  if (!line) return;
  const [epub, outdir] = line.split('\t');
  queue = queue
    .then(() => ace(epub, { cwd: process.cwd(), outdir, silent: true, jobId: '' }, once))
    .then(
      () => answer('done 0'),
      (e) => answer(`done 1 ${String((e && e.message) || e).replace(/\s+/g, ' ')}`),
    );
});
requests.on('close', () =>
  queue.then(async () => {
    if (launched) {
      await launched;
      await runner.close();
    }
  }),
);
