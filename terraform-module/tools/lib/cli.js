'use strict';
// Shared command-line wrapper of the checks: exit 0 when clean, 1 on findings, 2 when the
// check itself could not run (so CI can tell a broken module from a broken tool).

function runCheck(script, check) {
  const dirs = process.argv.slice(2);
  if (dirs.length === 0) {
    console.error(`usage: node ${script} <module-dir>...`);
    process.exit(2);
  }
  check(dirs).then(
    ({ findings, summary }) => {
      for (const finding of findings) console.log(finding);
      console.log(`${summary}; ${findings.length} problem(s)`);
      process.exit(findings.length === 0 ? 0 : 1);
    },
    (err) => {
      console.error(`${script} failed to run: ${err.stack || err.message}`);
      process.exit(2);
    },
  );
}

module.exports = { runCheck };
