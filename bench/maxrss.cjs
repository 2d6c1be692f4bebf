// Preloaded (`node --require bench/maxrss.cjs …`) into a process whose peak memory the bench
// measures: at exit, the process's own peak resident set size in KB is written to the file
// AA_MAXRSS_FILE names. On Linux it is VmHWM of /proc/self/status, the high-water mark of this
// process's own memory: getrusage's maxRSS is carried over fork and exec from the parent (the
// bench itself, hundreds of MB), so it reported the bench's size, not the command's.
const { readFileSync, writeFileSync } = require('node:fs');

function peakKb() {
  try {
    const m = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (m) return Number(m[1]);
  } catch {
    // Not Linux: getrusage, as /usr/bin/time -v reports it.
  }
  return process.resourceUsage().maxRSS;
}

process.on('exit', () => {
  const file = process.env.AA_MAXRSS_FILE;
  if (file) writeFileSync(file, String(peakKb()));
});
