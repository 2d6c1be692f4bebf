// Preloaded (`node --require bench/maxrss.cjs …`) into a process whose peak memory the bench
// measures: at exit, the process's own maximum resident set size (getrusage, in KB, as
// /usr/bin/time -v reports it) is written to the file AA_MAXRSS_FILE names.
const { writeFileSync } = require('node:fs');

process.on('exit', () => {
  const file = process.env.AA_MAXRSS_FILE;
  if (file) writeFileSync(file, String(process.resourceUsage().maxRSS));
});
