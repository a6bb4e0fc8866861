// Runs a JsonLogic rule over JSON Lines with one of the JavaScript engines,
// the same job as `spinepath-cli logic RULE --jsonl`: parse each line, apply
// the rule, print the result as one JSON line.
//
//     node run-peer.js json-logic-js|json-logic-engine RULE.json < DATA.jsonl
'use strict';
const fs = require('fs');

const [engineName, rulePath] = process.argv.slice(2);
const rule = JSON.parse(fs.readFileSync(rulePath, 'utf8'));

let apply;
if (engineName === 'json-logic-js') {
  const jsonLogic = require('json-logic-js');
  apply = (data) => jsonLogic.apply(rule, data);
} else if (engineName === 'json-logic-engine') {
  const { LogicEngine } = require('json-logic-engine');
  const compiled = new LogicEngine().build(rule); // the compiled mode
  apply = compiled;
} else {
  console.error(`unknown engine ${engineName}`);
  process.exit(2);
}

const input = fs.readFileSync(0, 'utf8');
const out = [];
let start = 0;
while (start < input.length) {
  let end = input.indexOf('\n', start);
  if (end < 0) end = input.length;
  const line = input.slice(start, end);
  start = end + 1;
  if (line.trim() === '') continue;
  out.push(JSON.stringify(apply(JSON.parse(line))));
  if (out.length >= 10000) {
    fs.writeSync(1, out.join('\n') + '\n');
    out.length = 0;
  }
}
if (out.length) fs.writeSync(1, out.join('\n') + '\n');
