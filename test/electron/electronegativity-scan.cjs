// Child process of the Electronegativity test: scans a folder through Electronegativity's own API and prints
// one JSON line: the files it read, how many checks ran, the files it could not parse, and every finding.
// (The command line's CSV report is no use to a test: it writes the header and the findings with two
// unsynchronised writes, so the file comes out empty, or with the header over the first finding, at random.)
// Usage: node electronegativity-scan.cjs <folder> <electron version>
'use strict';
const { relative } = require('node:path');
const run = require('@doyensec/electronegativity/dist/runner.js');
const { LoaderDirectory } = require('@doyensec/electronegativity/dist/loader');

const [input, electronVersion] = process.argv.slice(2);
const read = [];
const loadBuffer = LoaderDirectory.prototype.load_buffer;
LoaderDirectory.prototype.load_buffer = function (file) {
  read.push(relative(input, file));
  return loadBuffer.call(this, file);
};

run({ input, isRelative: true, customScan: [], excludeFromScan: [], parserPlugins: [], electronVersionOverride: electronVersion }, false).then(
  (result) => {
    const report = {
      read,
      globalChecks: result.globalChecks,
      atomicChecks: result.atomicChecks,
      errors: result.errors.map((error) => ({ file: relative(input, error.file), message: error.message, tolerable: error.tolerable })),
      findings: result.issues.map((issue) => ({
        check: issue.id,
        severity: issue.severity.name,
        file: issue.file,
        location: `${issue.location.line}:${issue.location.column}`,
        sample: issue.sample ?? null,
      })),
    };
    process.stdout.write(`\nREPORT ${JSON.stringify(report)}\n`);
  },
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
