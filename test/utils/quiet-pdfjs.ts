/* eslint-disable no-console -- this file filters the console, on purpose */
// Imported before pdf2json, which binds console.log when it loads: pdf.js inside it announces on
// the console that it runs without a worker thread, once per parse. Only that line is dropped.
const log = console.log.bind(console);
console.log = (...args: unknown[]) => {
  if (!args.map(String).join(' ').includes('Setting up fake worker')) log(...args);
};
